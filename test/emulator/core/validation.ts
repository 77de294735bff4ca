// Field validation for restJson services, collecting every failure the way AWS reports them
// ("2 validation errors detected: …") plus a Lattice-style fieldList.
import { ApiError } from './types';

export interface FieldError { name: string; message: string }

export class FieldValidator {
  readonly errors: FieldError[] = [];

  fail(name: string, message: string): void {
    this.errors.push({ name, message });
  }

  required(name: string, value: unknown): boolean {
    if (value === undefined || value === null || value === '') { this.fail(name, 'Member must not be null'); return false; }
    return true;
  }

  string(name: string, value: unknown, opts: { min?: number; max?: number; pattern?: RegExp; patternText?: string } = {}): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'string') { this.fail(name, 'Member must be a string'); return; }
    if (opts.min !== undefined && value.length < opts.min) this.fail(name, `Member must have length greater than or equal to ${opts.min}`);
    else if (opts.max !== undefined && value.length > opts.max) this.fail(name, `Member must have length less than or equal to ${opts.max}`);
    else if (opts.pattern && !opts.pattern.test(value)) this.fail(name, `Member must satisfy regular expression pattern: ${opts.patternText ?? opts.pattern.source}`);
  }

  oneOf(name: string, value: unknown, allowed: readonly string[]): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'string' || !allowed.includes(value)) this.fail(name, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }

  int(name: string, value: unknown, min: number, max: number): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !Number.isInteger(value)) { this.fail(name, 'Member must be an integer'); return; }
    if (value < min) this.fail(name, `Member must have value greater than or equal to ${min}`);
    else if (value > max) this.fail(name, `Member must have value less than or equal to ${max}`);
  }

  list(name: string, value: unknown, opts: { min?: number; max?: number } = {}): value is unknown[] {
    if (value === undefined || value === null) return false;
    if (!Array.isArray(value)) { this.fail(name, 'Member must be a list'); return false; }
    if (opts.min !== undefined && value.length < opts.min) { this.fail(name, `Member must have length greater than or equal to ${opts.min}`); return false; }
    if (opts.max !== undefined && value.length > opts.max) { this.fail(name, `Member must have length less than or equal to ${opts.max}`); return false; }
    return true;
  }

  /** Throw the collected failures as `code` (ValidationException with fieldList by default). */
  throwIfAny(code = 'ValidationException', withFieldList = true): void {
    if (this.errors.length === 0) return;
    const n = this.errors.length;
    const detail = this.errors.map((e) => `Value at '${e.name}' failed to satisfy constraint: ${e.message}`).join('; ');
    const message = `${n} validation error${n > 1 ? 's' : ''} detected: ${detail}`;
    throw new ApiError(code, message, 400, withFieldList ? { reason: 'fieldValidationFailed', fieldList: this.errors } : {});
  }
}

export function validationError(field: string, message: string): ApiError {
  return new ApiError('ValidationException', message, 400, { reason: 'fieldValidationFailed', fieldList: [{ name: field, message }] });
}

// A create answered "already exists" on a resume: the step's `existsError` (plan data, reviewed)
// says whether that answer means the step is done, or which existing resource to adopt. Adopting
// only happens when the resource holds what the step would have made; anything else fails with
// a clear message rather than reusing something that is not ours.
import type { ExistsError, PlanStep } from '../model/plan';
import { getPath, outputToString } from './references';

type Read = (operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** The AWS error code of a failure from the AWS layer (AwsCallError) or a raw SDK error. */
export function errorCode(err: unknown): string | undefined {
  const e = err as { failure?: { name?: string }; name?: string; Code?: string } | undefined;
  return e?.failure?.name ?? e?.Code ?? e?.name;
}

/** Something exists that is not what the step would create (found by skipIf, or on "already exists"). */
export class ExistingResourceConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExistingResourceConflict';
  }
}

/** Text of a read value; a blob (MSK ServerProperties) is UTF-8 text, base64 in the AWS layer's answers. */
function text(value: unknown, base64 = false): string | undefined {
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (base64 && typeof value === 'string') return Buffer.from(value, 'base64').toString('utf8');
  return outputToString(value);
}

/**
 * The response the step is recorded with when its create failed with its declared "exists" code:
 * {} when the error alone means done, else the adopted item (its outputs read from it).
 * Throws the original error when the code is not the declared one.
 */
export async function resolveExists(step: PlanStep & { existsError: ExistsError }, err: unknown, read: Read): Promise<Record<string, unknown>> {
  const spec = step.existsError;
  if (errorCode(err) !== spec.code) throw err;
  if (!spec.adopt) return {};
  const a = spec.adopt;
  const listed = getPath(await read(a.operation, a.input), a.list);
  const items = Array.isArray(listed) ? (listed as Record<string, unknown>[]) : [];
  const found = items.find((item) => Object.entries(a.match).every(([path, want]) => text(getPath(item, path)) === want));
  const what = Object.values(a.match).join(', ');
  if (!found) throw new ExistingResourceConflictError(`${step.title}: AWS says it already exists (${spec.code}) but ${a.operation} does not list ${what}. Look at it in the AWS console and apply again.`);
  if (a.same) {
    const input = Object.fromEntries(Object.entries(a.same.input).map(([field, path]) => [field, getPath(found, path)]));
    const have = text(getPath(await read(a.same.operation, input), a.same.path), a.same.base64);
    if (have !== a.same.equals) {
      throw new ExistingResourceConflictError(`${step.title}: ${what} already exists with a different ${a.same.path.split('.').pop()}; it was not made by this plan. Delete or rename it, or diagnose again, then apply.`);
    }
  }
  return found;
}

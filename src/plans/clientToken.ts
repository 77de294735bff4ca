// Idempotency tokens derived from plan id + step id: re-running a step of the same plan (after a
// crash, a dropped connection, a cancel) sends the same token, so AWS returns the resource it
// already made instead of making a second one.
import { createHash } from 'node:crypto';

/** Lattice, RAM and EC2 accept 1–64 printable ASCII characters. */
const MAX = 64;

export function clientToken(planId: string, stepId: string): string {
  const readable = `${planId}.${stepId}`;
  if (readable.length <= MAX && /^[!-~]+$/.test(readable)) return readable;
  // Too long or not plain ASCII: a hash keeps it deterministic and within limits.
  return `cpl-${createHash('sha256').update(readable).digest('hex').slice(0, 48)}`;
}

/** Returns a copy of the input with the token set, unless the plan author set one explicitly. */
export function withClientToken(input: Record<string, unknown>, field: string | undefined, planId: string, stepId: string): Record<string, unknown> {
  if (!field) return input;
  if (typeof input[field] === 'string' && input[field] !== '') return input;
  return { ...input, [field]: clientToken(planId, stepId) };
}

// Waiting for a resource to settle (gateway ACTIVE, share ACTIVE…): poll a read operation with
// a backoff from 2 s up to 30 s, stop on a success or failure status, give up after a timeout.
// Why not poll faster: where botocore has a waiter for the read we poll, it waits longer between
// reads (rds 2014-10-31 waiters-2.json: DBInstanceAvailable and DBClusterAvailable, delay 30 s);
// VPC Lattice (empty waiters-2.json), RAM, MSK, EC2 endpoint-service configurations and the
// ClickHouse Cloud API have none, so a faster pace for them would be unverified. Against real
// settle times (minutes) the 30 s cap bounds how late a change is seen; `npm run bench:apply`
// measures the cost against the emulator's seconds.
import type { WaitFor } from '../model/plan';
import { getPath, outputToString } from './references';

export const FIRST_POLL_MS = 2_000;
export const MAX_POLL_MS = 30_000;

/** 2 s, 4 s, 8 s, 16 s, 30 s, 30 s… */
export function pollDelay(attempt: number): number {
  return Math.min(MAX_POLL_MS, FIRST_POLL_MS * 2 ** attempt);
}

export class WaitFailedError extends Error {
  constructor(public readonly status: string, public readonly reason?: string) {
    super(`The resource reached ${status}${reason ? `: ${reason}` : ''}.`);
    this.name = 'WaitFailedError';
  }
}

export class WaitTimeoutError extends Error {
  constructor(public readonly lastStatus: string | undefined, public readonly seconds: number) {
    super(`Still ${lastStatus ?? 'not ready'} after ${seconds} s. Apply again later to keep waiting; nothing is created twice.`);
    this.name = 'WaitTimeoutError';
  }
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledError';
  }
}

export type WaitDeps = {
  read: (operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  cancelled: () => boolean;
  onStatus?: (status: string | undefined, elapsedMs: number) => void;
};

/** Resolves with the last read response once the status is a success value. */
export async function waitUntil(wait: WaitFor, input: Record<string, unknown>, deps: WaitDeps): Promise<Record<string, unknown>> {
  const started = deps.now();
  const timeoutMs = Math.max(1, wait.timeoutSeconds) * 1000;
  for (let attempt = 0; ; attempt++) {
    if (deps.cancelled()) throw new CancelledError();
    const response = await deps.read(wait.operation, input);
    const status = outputToString(getPath(response, wait.statusPath));
    deps.onStatus?.(status, deps.now() - started);
    if (status !== undefined && wait.success.includes(status)) return response;
    if (status !== undefined && wait.failure.includes(status)) {
      const reason = outputToString((wait.reasonPath ? getPath(response, wait.reasonPath) : undefined) ?? getPath(response, 'failureReason') ?? getPath(response, 'statusMessage'));
      throw new WaitFailedError(status, reason);
    }
    const elapsed = deps.now() - started;
    if (elapsed >= timeoutMs) throw new WaitTimeoutError(status, wait.timeoutSeconds);
    await deps.sleep(Math.min(pollDelay(attempt), timeoutMs - elapsed));
  }
}

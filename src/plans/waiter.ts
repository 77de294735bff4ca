// Waiting for a resource to settle (gateway ACTIVE, share ACTIVE…): poll a read operation, stop
// on a success or failure status, give up after a timeout.
// The pace: a change is seen at most one delay late, so the delay grows with the time already
// waited (1/32 of it: ≈ 3 % late on a wait of minutes) between a floor and 30 s. Never slower
// than botocore's own waiters where it has one for the read (rds 2014-10-31 waiters-2.json:
// DBInstanceAvailable and DBClusterAvailable, 30 s; test/awscli/waiters.test.ts checks). The AWS
// floor, 250 ms, keeps a wait to 4 reads a second; the SDK retries a throttled read itself
// (standard retry mode). ClickHouse Cloud allows each API key 10 requests in 10 s
// (https://clickhouse.com/docs/cloud/manage/api/api-overview, "Rate Limits"), shared with the
// explorer's own reads, so a wait there reads at most every 2 s.
import { type Backend, type WaitFor } from '../model/plan';
import { getPath, outputToString } from './references';

export const MAX_POLL_MS = 30_000;
const FLOOR_MS: Record<Backend, number> = { aws: 250, clickhouse: 2_000 };
const FRACTION_OF_WAITED = 1 / 32;

/** How long to sleep before the next read, `elapsedMs` into a wait. Never shrinks as it grows. */
export function pollDelay(elapsedMs: number, backend: Backend = 'aws'): number {
  return Math.min(MAX_POLL_MS, Math.max(FLOOR_MS[backend], Math.round(elapsedMs * FRACTION_OF_WAITED)));
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
  /** Whose API the reads go to: it sets the fastest pace (default AWS). */
  backend?: Backend;
  onStatus?: (status: string | undefined, elapsedMs: number) => void;
};

/** Resolves with the last read response once the status is a success value. */
export async function waitUntil(wait: WaitFor, input: Record<string, unknown>, deps: WaitDeps): Promise<Record<string, unknown>> {
  const started = deps.now();
  const timeoutMs = Math.max(1, wait.timeoutSeconds) * 1000;
  for (;;) {
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
    await deps.sleep(Math.min(pollDelay(elapsed, deps.backend), timeoutMs - elapsed));
  }
}

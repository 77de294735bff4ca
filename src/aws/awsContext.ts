// What every service module needs: the client cache and one wrapper that turns any failure of a
// call into an AwsCallError naming the profile, service and operation.
import type { Scope } from './api';
import type { StepService } from '../model/plan';
import type { AwsService, ClientCache, ClientOf } from './clients';
import { toCallError } from './errors';

export type Log = (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;

export class AwsContext {
  constructor(public readonly clients: ClientCache, public readonly log: Log = () => undefined) {}

  /** Run `fn` with the scope's client for `service`; failures become AwsCallError. */
  async run<S extends AwsService, T>(scope: Scope, service: S, operation: string, fn: (client: ClientOf<S>) => Promise<T>): Promise<T> {
    try {
      const client = await this.clients.get(scope, service);
      return await fn(client);
    } catch (err) {
      const e = toCallError(err, { profile: scope.profile, region: scope.region, service: service as StepService, operation });
      this.log('warn', `${service}:${operation} (${scope.profile}/${scope.region}) failed: ${e.failure.message}`);
      throw e;
    }
  }
}

/** Every item of every page of an SDK paginator. */
export async function allPages<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/**
 * In-flight limit for per-item calls (one permissions read per endpoint service, one policy per
 * MSK cluster, one Get per configuration when details are asked). Enough to hide latency, low
 * enough not to drain EC2's 100-request token bucket for reads in one burst. (bench:explorer
 * mirrors this value in its bare script; change both together.)
 */
export const PER_ITEM_CONCURRENCY = 8;

/** Run `fn` over `items` with at most `limit` in flight (per-item calls the API forces on us). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Drop undefined fields so models stay clean for JSON and deep-equal assertions. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  for (const k of Object.keys(obj)) if (obj[k] === undefined) delete obj[k];
  return obj;
}

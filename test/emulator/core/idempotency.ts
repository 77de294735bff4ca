// Client-token idempotency: a retry with the same token and the same parameters gets the first
// response again without acting; the same token with different parameters is refused with the
// service's own error. Keys live in world.idempotency; request fingerprints beside them here.
import { createHash } from 'node:crypto';
import type { ApiError, EmuRequest, EmuResponse, World } from './types';

const fingerprints = new WeakMap<World, Map<string, string>>();

function fingerprint(params: unknown): string {
  return createHash('sha256').update(JSON.stringify(params ?? null)).digest('hex');
}

/**
 * Run `act` once per (service, operation, account, region, token). `params` are the request
 * parameters that must match on a retry (the token itself excluded by the caller).
 */
export function withClientToken(
  world: World, req: EmuRequest, token: string | undefined, params: unknown,
  mismatch: () => ApiError, act: () => EmuResponse,
): EmuResponse {
  if (!token) return act();
  const key = `${req.service}:${req.operation}:${req.accountId}:${req.region}:${token}`;
  let prints = fingerprints.get(world);
  if (!prints) fingerprints.set(world, (prints = new Map()));
  const print = fingerprint(params);
  const earlier = world.idempotency.get(key);
  if (earlier) {
    if (prints.get(key) !== print) throw mismatch();
    return { ...earlier, headers: { ...earlier.headers } };
  }
  const res = act();
  if (res.status < 300) {
    world.idempotency.set(key, res);
    prints.set(key, print);
  }
  return res;
}

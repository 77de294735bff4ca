// Injected faults: which ones match a request, and counting down the `times` a fault applies.
import type { Fault, ServiceName, World } from './types';

export function matchingFaults(world: World, service: ServiceName, operation: string | undefined): Fault[] {
  return world.faults.filter((f) =>
    (f.service === undefined || f.service === service) &&
    (f.operation === undefined || f.operation === operation));
}

/** A fault fired once: count it down and drop it when its `times` are used up. */
export function consumeFault(world: World, fault: Fault): void {
  if (fault.times === undefined) return;
  fault.times -= 1;
  if (fault.times <= 0) {
    const i = world.faults.indexOf(fault);
    if (i >= 0) world.faults.splice(i, 1);
  }
}

const FAULT_KEYS = new Set(['service', 'operation', 'throttleRate', 'latencyMs', 'accessDenied', 'serverError', 'dropConnection', 'times']);

/** Validate a fault from the control API; throws with a readable message. */
export function parseFault(input: unknown): Fault {
  if (!input || typeof input !== 'object') throw new Error('a fault must be an object');
  const f = input as Record<string, unknown>;
  for (const k of Object.keys(f)) if (!FAULT_KEYS.has(k)) throw new Error(`unknown fault field '${k}'`);
  if (f.throttleRate !== undefined && (typeof f.throttleRate !== 'number' || f.throttleRate < 0 || f.throttleRate > 1)) {
    throw new Error('throttleRate must be a number in 0..1');
  }
  if (f.times !== undefined && (!Number.isInteger(f.times) || (f.times as number) < 1)) throw new Error('times must be a positive integer');
  if (f.latencyMs !== undefined && (typeof f.latencyMs !== 'number' || f.latencyMs < 0)) throw new Error('latencyMs must be ≥ 0');
  return { ...f } as Fault;
}

// The emulator's AWS state as plain JSON, for comparing two worlds: every account's regions and
// IAM, with what differs by the moment of the call (timestamps) blanked out. Generated ids match
// because both worlds start from the same seed and make the same creations in the same order.
import type { EmuWorld } from '../emulator/core/world';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const TIME_KEY = /(time|date|At)$/i;

function plain(value: unknown, key = ''): unknown {
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), plain(v, String(k))]));
  if (value instanceof Set) return [...value].map((v) => plain(v)).sort();
  if (value instanceof Date) return '<time>';
  if (Array.isArray(value)) return value.map((v) => plain(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function').map(([k, v]) => [k, plain(v, k)]));
  }
  if (typeof value === 'string' && ISO_TIME.test(value)) return '<time>';
  if (typeof value === 'number' && TIME_KEY.test(key) && value > 1e9) return '<time>';
  return value;
}

export function worldState(world: EmuWorld): Record<string, unknown> {
  return plain(world.accounts) as Record<string, unknown>;
}

/** Paths where the two states differ, with both values (short), for a readable failure. */
export function diffStates(a: unknown, b: unknown, at = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObj = (v: unknown) => v !== null && typeof v === 'object';
  if (!isObj(a) || !isObj(b) || Array.isArray(a) !== Array.isArray(b)) {
    return [`${at || '/'}: extension ${JSON.stringify(a)?.slice(0, 300)} ≠ CLI ${JSON.stringify(b)?.slice(0, 300)}`];
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].flatMap((k) => diffStates((a as any)[k], (b as any)[k], `${at}/${k}`));
}

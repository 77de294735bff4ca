// What an apply's time is made of, from the emulator's transition log (test/emulator
// core/world.ts): the time some resource was transitional (the emulator's own waits, which a
// real AWS account would take too), the time a change was due but no read had seen it yet (the
// waiter's polling granularity), and the rest (the extension's own work and its HTTP calls).
// Pure interval arithmetic on one clock, so scripts/bench-apply.mjs only measures and prints.

export type Interval = readonly [number, number];
export type TransitionTiming = { label: string; scheduledAt: number; dueAt: number; appliedAt: number | null };
export type ApplyTiming = {
  applyMs: number;
  /** Some resource the apply touched was transitional (scheduled → due), within the apply. */
  transitionalMs: number;
  /** A change was due but not yet seen by a read, and nothing else was transitional. */
  pollingMs: number;
  /** applyMs − transitionalMs: what the target bounds. */
  overheadMs: number;
  /** overheadMs − pollingMs. */
  ownMs: number;
  transitions: number;
};

/** Sorted, disjoint, non-empty intervals covering the same points. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([a, b]) => b > a).map(([a, b]) => [a, b] as [number, number]).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export const measure = (list: readonly Interval[]): number => union(list).reduce((sum, [a, b]) => sum + (b - a), 0);

/** The points in both (each argument is unioned first). */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = union(a);
  const y = union(b);
  const out: Interval[] = [];
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    const lo = Math.max(x[i][0], y[j][0]);
    const hi = Math.min(x[i][1], y[j][1]);
    if (hi > lo) out.push([lo, hi]);
    if (x[i][1] < y[j][1]) i++; else j++;
  }
  return out;
}

/** The timing of an apply that ran from `start` to `end` (emulator clock), from the transitions scheduled meanwhile. */
export function applyTiming(start: number, end: number, log: readonly TransitionTiming[]): ApplyTiming {
  const mine = log.filter((t) => t.scheduledAt >= start && t.scheduledAt <= end);
  const clip = (a: number, b: number): Interval => [Math.max(a, start), Math.min(b, end)];
  const transitional = union(mine.map((t) => clip(t.scheduledAt, t.dueAt)));
  const late = union(mine.filter((t) => t.dueAt < end).map((t) => clip(t.dueAt, t.appliedAt ?? end)));
  const applyMs = end - start;
  const transitionalMs = measure(transitional);
  const pollingMs = measure(late) - measure(intersect(late, transitional));
  const overheadMs = applyMs - transitionalMs;
  return { applyMs, transitionalMs, pollingMs, overheadMs, ownMs: overheadMs - pollingMs, transitions: mine.length };
}

/**
 * When a waiter reading at 0, then `delays(elapsed)` ms after each read, first sees a change that takes
 * `durationMs`: what its schedule alone costs for settle times the emulator does not play.
 */
export function seenAfter(durationMs: number, delays: (elapsedMs: number) => number): number {
  let t = 0;
  while (t < durationMs) t += delays(t);
  return t;
}

/** The target: overhead ≤ 5 % of the apply time or ≤ 200 ms, whichever is larger. */
export const overheadBudgetMs = (applyMs: number): number => Math.max(0.05 * applyMs, 200);

export type Spread = { median: number; min: number; max: number; n: number };
export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
}

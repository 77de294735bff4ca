// Polls only what is in transition. Each tracked key has its own backoff (2 s, 4 s, … capped at
// 30 s); one timer is armed for the earliest due key, none when nothing is tracked or while the
// view is hidden. Pure scheduling over an injected clock, so tests drive it with a fake one.

export interface PollerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: PollerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A poll must never keep a process (the benchmark, a test run) alive.
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Resolves true while the thing is still in transition (keep polling), false when settled. */
export type PollFn = () => Promise<boolean>;

export type PollerOptions = { clock?: PollerClock; initialMs?: number; maxMs?: number; factor?: number; maxFailures?: number };

type Entry = { run: PollFn; delay: number; due: number; failures: number; running: boolean };

export class Poller {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: PollerClock;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly maxFailures: number;
  private timer: unknown;
  private timerDue = Infinity;
  private paused = false;
  private disposed = false;

  constructor(options: PollerOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.initialMs = options.initialMs ?? 2_000;
    this.maxMs = options.maxMs ?? 30_000;
    this.factor = options.factor ?? 2;
    this.maxFailures = options.maxFailures ?? 5;
  }

  /** Starts polling `key` (no-op on its schedule when already tracked: backoff is kept). */
  track(key: string, run: PollFn): void {
    if (this.disposed) return;
    const existing = this.entries.get(key);
    if (existing) {
      existing.run = run;
      return;
    }
    this.entries.set(key, { run, delay: this.initialMs, due: this.clock.now() + this.initialMs, failures: 0, running: false });
    this.arm();
  }

  untrack(key: string): void {
    this.entries.delete(key);
    if (this.entries.size === 0) this.disarm();
  }

  /** Paused while the view is hidden; on resume, overdue keys run at once. */
  setPaused(paused: boolean): void {
    this.paused = paused;
    if (paused) this.disarm();
    else this.arm();
  }

  get size(): number {
    return this.entries.size;
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Whether a timer is armed (false when idle or paused: nothing will call AWS). */
  get armed(): boolean {
    return this.timer !== undefined;
  }

  /** Delay the next poll of `key` will use (for tests and the tooltip). */
  delayOf(key: string): number | undefined {
    return this.entries.get(key)?.delay;
  }

  dispose(): void {
    this.disposed = true;
    this.entries.clear();
    this.disarm();
  }

  private disarm(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }

  private arm(): void {
    if (this.paused || this.disposed) return;
    let due = Infinity;
    for (const e of this.entries.values()) if (!e.running && e.due < due) due = e.due;
    if (due === Infinity) return this.disarm();
    if (this.timer !== undefined && this.timerDue <= due) return;
    this.disarm();
    this.timerDue = due;
    this.timer = this.clock.setTimeout(() => this.tick(), Math.max(0, due - this.clock.now()));
  }

  private tick(): void {
    this.timer = undefined;
    this.timerDue = Infinity;
    if (this.paused || this.disposed) return;
    const now = this.clock.now();
    for (const [key, e] of this.entries) {
      if (e.running || e.due > now) continue;
      e.running = true;
      void this.runOne(key, e);
    }
    this.arm();
  }

  private async runOne(key: string, e: Entry): Promise<void> {
    let keep: boolean;
    try {
      keep = await e.run();
      e.failures = 0;
    } catch {
      // A failed poll keeps the backoff growing; give up after a few in a row (the node keeps
      // its last status, a manual refresh starts again).
      e.failures += 1;
      keep = e.failures < this.maxFailures;
    }
    e.running = false;
    if (this.entries.get(key) !== e) return; // untracked (or replaced) meanwhile
    if (!keep) {
      this.untrack(key);
      return;
    }
    e.delay = Math.min(this.maxMs, e.delay * this.factor);
    e.due = this.clock.now() + e.delay;
    this.arm();
  }
}

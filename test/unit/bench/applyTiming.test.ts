import * as assert from 'node:assert/strict';
import { applyTiming, intersect, measure, overheadBudgetMs, seenAfter, spread, union } from '../../bench/applyTiming';
import { pollDelay } from '../../../src/plans/waiter';

describe('apply bench: what an apply\'s time is made of', () => {
  it('unions, measures and intersects intervals', () => {
    assert.deepEqual(union([[5, 7], [0, 2], [1, 3], [4, 4]]), [[0, 3], [5, 7]]);
    assert.equal(measure([[0, 2], [1, 3], [10, 11]]), 4);
    assert.deepEqual(intersect([[0, 5], [8, 12]], [[3, 9], [11, 20]]), [[3, 5], [8, 9], [11, 12]]);
  });

  it('a 3 s transition seen by a poll 3 s later: 3 s transitional, 3 s polling, the rest own work', () => {
    // The apply runs 0 → 6,100; the gateway is CREATE_IN_PROGRESS 100 → 3,100; the waiter polls at 100, 2,100 and 6,100.
    const t = applyTiming(0, 6_100, [{ label: 'gateway ACTIVE', scheduledAt: 100, dueAt: 3_100, appliedAt: 6_100 }]);
    assert.deepEqual(t, { applyMs: 6_100, transitionalMs: 3_000, pollingMs: 3_000, overheadMs: 3_100, ownMs: 100, transitions: 1 });
  });

  it('nested and overlapping transitions count once; a change due inside another one is no polling', () => {
    const t = applyTiming(0, 4_000, [
      { label: 'update', scheduledAt: 0, dueAt: 3_000, appliedAt: 3_500 },
      // PENDING → IN_PROGRESS at 750, seen at 2,000: the update is still transitional then.
      { label: 'update started', scheduledAt: 0, dueAt: 750, appliedAt: 2_000 },
    ]);
    assert.equal(t.transitionalMs, 3_000);
    assert.equal(t.pollingMs, 500);
    assert.equal(t.ownMs, 500);
  });

  it('ignores transitions from before the apply and clips those still running at its end', () => {
    const t = applyTiming(1_000, 2_000, [
      { label: 'scenario gateway', scheduledAt: 0, dueAt: 1_500, appliedAt: 1_500 },
      { label: 'share activates', scheduledAt: 1_900, dueAt: 3_900, appliedAt: null },
    ]);
    assert.deepEqual([t.transitions, t.transitionalMs, t.pollingMs, t.overheadMs], [1, 100, 0, 900]);
  });

  it('projects when the shipped schedule first sees a change of a given length', () => {
    // Reads every 250 ms for the first 8 s, then 1/32 of the time waited, at most 30 s apart.
    assert.equal(seenAfter(0, pollDelay), 0);
    assert.equal(seenAfter(3_000, pollDelay), 3_000);
    assert.equal(seenAfter(3_001, pollDelay), 3_250);
    const late = (ms: number) => seenAfter(ms, pollDelay) - ms;
    assert.ok(late(120_000) <= 120_000 / 32 + 1 && late(120_000) > 0, `${late(120_000)}`);
    assert.ok(late(3_600_000 + 1) <= 30_000);
    assert.equal(seenAfter(5_000, (e) => pollDelay(e, 'clickhouse')), 6_000);
  });

  it('the budget is 5 % of the apply or 200 ms, whichever is larger; spread gives median and range', () => {
    assert.equal(overheadBudgetMs(1_000), 200);
    assert.equal(overheadBudgetMs(10_000), 500);
    assert.deepEqual(spread([5, 1, 3, 2]), { median: 2.5, min: 1, max: 5, n: 4 });
    assert.deepEqual(spread([4, 9, 1]), { median: 4, min: 1, max: 9, n: 3 });
  });
});

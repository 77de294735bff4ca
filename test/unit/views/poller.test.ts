import * as assert from 'node:assert/strict';
import { Poller } from '../../../src/views/explorer/poller';
import { FakeClock } from './fakeClock';

describe('views/poller', () => {
  it('backs off 2 s → 4 → 8 → 16 → 30 → 30 per key', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    const at: number[] = [];
    poller.track('a', async () => {
      at.push(clock.now());
      return true;
    });
    await clock.advance(100_000);
    assert.deepEqual(at.slice(0, 6), [2_000, 6_000, 14_000, 30_000, 60_000, 90_000]);
    poller.dispose();
  });

  it('stops when the poll says settled; no timer when nothing is tracked', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    let n = 0;
    poller.track('a', async () => ++n < 3);
    await clock.advance(60_000);
    assert.equal(n, 3);
    assert.equal(poller.size, 0);
    assert.equal(poller.armed, false);
    assert.equal(clock.pending, 0);
  });

  it('one timer for many keys, each with its own backoff', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    const calls: string[] = [];
    poller.track('a', async () => (calls.push(`a@${clock.now()}`), true));
    await clock.advance(1_000);
    poller.track('b', async () => (calls.push(`b@${clock.now()}`), false));
    assert.equal(clock.pending, 1);
    await clock.advance(6_000);
    assert.deepEqual(calls, ['a@2000', 'b@3000', 'a@6000']);
    assert.equal(poller.size, 1);
    poller.dispose();
  });

  it('re-tracking a key keeps its backoff', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    poller.track('a', async () => true);
    await clock.advance(2_000);
    assert.equal(poller.delayOf('a'), 4_000);
    poller.track('a', async () => true);
    assert.equal(poller.delayOf('a'), 4_000);
    poller.dispose();
  });

  it('paused (view hidden): no timer, no calls; resumed: overdue keys run at once', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    let n = 0;
    poller.track('a', async () => (n++, true));
    poller.setPaused(true);
    assert.equal(poller.armed, false);
    await clock.advance(60_000);
    assert.equal(n, 0);
    poller.setPaused(false);
    await clock.advance(0);
    assert.equal(n, 1);
    poller.dispose();
  });

  it('failed polls keep backing off and give up after 5 in a row', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    let n = 0;
    poller.track('a', async () => {
      n++;
      throw new Error('network');
    });
    await clock.advance(200_000);
    assert.equal(n, 5);
    assert.equal(poller.size, 0);
  });

  it('untrack while a poll runs: the result is dropped', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    let release!: (v: boolean) => void;
    poller.track('a', () => new Promise<boolean>((r) => (release = r)));
    await clock.advance(2_000);
    poller.untrack('a');
    release(true);
    await clock.advance(10_000);
    assert.equal(poller.size, 0);
    assert.equal(clock.pending, 0);
  });
});

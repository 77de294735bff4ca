// The transition log: how long each state change kept a resource transitional (scheduled → due)
// and when a request first saw it (applied). The apply bench subtracts the first from an apply's
// time and reports the second as the waiter's polling granularity.
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator } from './index';
import { control } from './testHelpers';

describe('emulator transition log', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); });
  after(async () => { await emu.stop(); });
  beforeEach(() => control(emu.url, 'POST', 'reset', {}));

  it('records when each transition was scheduled, came due and was applied, on the emulator clock', async () => {
    const t0 = emu.world.clock.now();
    emu.world.schedule(5_000, 'gateway g ACTIVE', () => undefined);
    assert.deepEqual((await control(emu.url, 'GET', 'transitions')).entries.map((e: any) => [e.label, e.appliedAt]), [['gateway g ACTIVE', null]]);
    await control(emu.url, 'POST', 'clock/advance', { ms: 7_000 });
    const [entry] = (await control(emu.url, 'GET', 'transitions')).entries;
    assert.equal(entry.label, 'gateway g ACTIVE');
    assert.ok(entry.scheduledAt >= t0 && entry.scheduledAt < t0 + 1_000, `scheduledAt ${entry.scheduledAt} vs ${t0}`);
    assert.equal(entry.dueAt - entry.scheduledAt, 5_000);
    assert.ok(entry.appliedAt >= entry.scheduledAt + 7_000, 'applied when the clock passed it, not before');
  });

  it('is emptied by DELETE and by a reset', async () => {
    emu.world.schedule(0, 'a', () => undefined);
    assert.equal((await control(emu.url, 'GET', 'transitions')).entries.length, 1);
    await control(emu.url, 'DELETE', 'transitions');
    assert.equal((await control(emu.url, 'GET', 'transitions')).entries.length, 0);
    emu.world.schedule(0, 'b', () => undefined);
    await control(emu.url, 'POST', 'reset', {});
    assert.equal((await control(emu.url, 'GET', 'transitions')).entries.length, 0);
  });
});

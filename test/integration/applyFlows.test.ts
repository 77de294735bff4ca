// The apply bench's five flows (test/bench/applyFlows.ts) apply on the demo world and each waits
// for a state change the emulator logs: the bench's figures stand on plans that work.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ClickHouseApi } from '../../src/clickhouse/api';
import { clickhouseStepCall } from '../../src/clickhouse/stepCall';
import { FileJournalStore } from '../../src/plans/journal';
import { APPLY_FLOWS } from '../bench/applyFlows';
import { applyTiming } from '../bench/applyTiming';
import { DEMO_CH_KEY_ID, DEMO_CH_KEY_SECRET } from '../emulator/services/clickhouse';
import { applyOnEmulatorClock, callThrough, control, emulatorSuite, US } from './awsEnv';

describe('apply bench flows against the emulator', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(async () => {
    journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-bench-flows-'));
    await control(suite.emu.url, 'POST', 'reset', { scenario: 'demo' });
    await control(suite.emu.url, 'POST', 'clock/advance', { ms: 3_600_000 });
    await control(suite.emu.url, 'DELETE', 'transitions');
  });
  afterEach(() => rmSync(journalDir, { recursive: true, force: true }));

  for (const flow of APPLY_FLOWS) {
    it(`${flow.name}: applies, and waits for at least one logged state change`, async () => {
      const plan = await flow.build(suite.layer, US, { planId: `bench-${flow.name.replace(/\W+/g, '-')}`, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: '123456789012' });
      assert.ok(plan.steps.some((s) => s.waitFor), 'the plan has a wait');
      const api = new ClickHouseApi({ baseUrl: suite.emu.url, key: { keyId: DEMO_CH_KEY_ID, keySecret: DEMO_CH_KEY_SECRET } });
      const ch = clickhouseStepCall(async () => api);
      const start = suite.emu.world.clock.now();
      const outcome = await applyOnEmulatorClock(suite.emu, plan, callThrough(suite.layer), new FileJournalStore(journalDir), { clickhouse: (_s, op, input) => ch(op, input) });
      assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
      const timing = applyTiming(start, suite.emu.world.clock.now(), suite.emu.world.transitionLog);
      assert.ok(timing.transitions >= 1 && timing.transitionalMs > 0, `no state change logged during the apply: ${JSON.stringify(timing)}`);
    });
  }
});

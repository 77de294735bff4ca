// The waiter's schedule against botocore's waiters (read from the installed botocore at test time):
// for every read a plan waits on, either botocore has a waiter on that operation and our schedule
// never waits longer between reads than it does, or botocore has none and the read is named here
// as unverified (src/plans/waiter.ts says the same). A new botocore waiter makes this fail.
import * as assert from 'node:assert/strict';
import { MAX_POLL_MS, pollDelay } from '../../src/plans/waiter';
import { APPLY_FLOWS } from '../bench/applyFlows';
import { control, emulatorSuite, US } from '../integration/awsEnv';
import { botocoreModel, cliTool } from './awsCli';
import { PLAN_CASES, seedFreeNlb } from './plans';

/** Reads plans wait on for which botocore has no waiter: the pace there is unverified. */
const UNVERIFIED = [
  'clickhouse:GetReversePrivateEndpoint', 'ec2:DescribeVpcEndpointServiceConfigurations', 'kafka:DescribeClusterOperationV2',
  'ram:GetResourceShares', 'vpc-lattice:GetResourceConfiguration', 'vpc-lattice:GetResourceGateway',
];

describe('awscli oracle: the waiter polls no slower than botocore\'s waiters', function () {
  this.timeout(120_000);
  before(() => { cliTool(); });
  const suite = emulatorSuite('demo');

  it('every waited read has a botocore waiter we keep pace with, or is named unverified', async () => {
    const waited = new Set<string>();
    const ctx = { planId: 'oracle-waiters', createdAt: '2026-12-06T00:00:00.000Z', profile: US.profile, region: US.region, accountId: '123456789012' };
    const flows = APPLY_FLOWS.map((f) => ({ prepare: undefined, build: (layer: typeof suite.layer, cx: typeof ctx) => f.build(layer, US, cx) }));
    for (const c of [...PLAN_CASES, ...flows]) {
      // Each case from the demo world in the state it is built on.
      await control(suite.emu.url, 'POST', 'reset', { scenario: 'demo' });
      seedFreeNlb(suite.emu);
      c.prepare?.(suite.emu);
      const plan = await c.build(suite.layer, ctx);
      for (const s of plan.steps) if (s.waitFor) waited.add(`${s.service}:${s.waitFor.operation}`);
    }
    // The delays of a whole hour's wait, AWS's pace (a ClickHouse read has no botocore waiter).
    const schedule = Array.from({ length: 3_600 }, (_, s) => pollDelay(s * 1000));
    const unverified: string[] = [];
    const slower: string[] = [];
    for (const key of [...waited].sort()) {
      const [service, operation] = key.split(':');
      const waiters = service === 'clickhouse' ? undefined : botocoreModel(service, 'waiters-2')?.waiters ?? {};
      const same = Object.entries<any>(waiters ?? {}).filter(([, w]) => w.operation === operation);
      if (!same.length) { unverified.push(key); continue; }
      for (const [name, w] of same) {
        if (Math.max(...schedule) > w.delay * 1000) slower.push(`${key}: botocore ${name} waits ${w.delay} s between reads, we up to ${MAX_POLL_MS / 1000} s`);
      }
    }
    assert.ok(waited.size >= 6, `only ${waited.size} waited reads found`);
    assert.deepEqual(slower, []);
    assert.deepEqual(unverified, UNVERIFIED, 'botocore has (or lost) a waiter for one of these reads: revisit src/plans/waiter.ts');
  });
});

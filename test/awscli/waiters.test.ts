// The waits of the plans against botocore's waiters (read from the installed botocore at test time).
// Pace: for every read a plan waits on, either botocore has a waiter on that operation and our
// schedule never waits longer between reads than it does, or botocore has none and the read is
// named here as unverified (src/plans/waiter.ts says the same). A new botocore waiter makes this fail.
// Acceptors: where a botocore waiter reads the same path for success, our success states are its
// success values and our failure states include its failure values.
import * as assert from 'node:assert/strict';
import type { WaitFor } from '../../src/model/plan';
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

/**
 * Waits on a read botocore has waiters for, but on a path none of them reads for success. IAM DB
 * auth waits for the setting itself (IAMDatabaseAuthenticationEnabled), not for the database to be
 * `available` again: the database may stay `modifying` after the setting is on, and the role and
 * SQL steps need only the setting (src/model/builders/iamDbAuth.ts).
 */
const OTHER_PATH = ['rds:DescribeDBClusters:DBClusters[].IAMDatabaseAuthenticationEnabled', 'rds:DescribeDBInstances:DBInstances[].IAMDatabaseAuthenticationEnabled'];

type Waited = { service: string; waitFor: WaitFor };

/** Our dot path (`DBInstances.0.DBInstanceStatus`) in botocore's JMESPath spelling (`DBInstances[].DBInstanceStatus`). */
const jmesPath = (statusPath: string) => statusPath.split('.').map((p) => (/^\d+$/.test(p) ? '[]' : `.${p}`)).join('').replace(/^\./, '').replace(/\.\[\]/g, '[]');

type Acceptor = { matcher: string; argument?: string; state: string; expected: unknown };

/** What a plan's wait lacks against the botocore waiters of the same operation that read `path` for success. */
function acceptorProblems(key: string, wait: { success: string[]; failure: string[] }, waiters: Record<string, { operation: string; acceptors: Acceptor[] }>, operation: string, path: string): string[] | undefined {
  const onPath = (a: Acceptor) => ['path', 'pathAll', 'pathAny'].includes(a.matcher) && a.argument === path;
  const same = Object.entries(waiters).filter(([, w]) => w.operation === operation && w.acceptors.some((a) => onPath(a) && a.state === 'success'));
  if (!same.length) return undefined;
  const problems: string[] = [];
  for (const [name, w] of same) {
    const success = w.acceptors.filter((a) => onPath(a) && a.state === 'success').map((a) => String(a.expected)).sort();
    const failure = w.acceptors.filter((a) => onPath(a) && a.state === 'failure').map((a) => String(a.expected));
    if (JSON.stringify([...wait.success].sort()) !== JSON.stringify(success)) problems.push(`${key}: success ${JSON.stringify(wait.success)}, botocore ${name} ${JSON.stringify(success)}`);
    const missing = failure.filter((f) => !wait.failure.includes(f));
    if (missing.length) problems.push(`${key}: failure lacks ${JSON.stringify(missing)} (botocore ${name})`);
  }
  return problems;
}

describe('awscli oracle: the plans\' waits against botocore\'s waiters', function () {
  this.timeout(120_000);
  before(() => { cliTool(); });
  const suite = emulatorSuite('demo');

  async function waitedReads(): Promise<Waited[]> {
    const out: Waited[] = [];
    const ctx = { planId: 'oracle-waiters', createdAt: '2026-12-06T00:00:00.000Z', profile: US.profile, region: US.region, accountId: '123456789012' };
    const flows = APPLY_FLOWS.map((f) => ({ prepare: undefined, build: (layer: typeof suite.layer, cx: typeof ctx) => f.build(layer, US, cx) }));
    for (const c of [...PLAN_CASES, ...flows]) {
      // Each case from the demo world in the state it is built on.
      await control(suite.emu.url, 'POST', 'reset', { scenario: 'demo' });
      seedFreeNlb(suite.emu);
      c.prepare?.(suite.emu);
      const plan = await c.build(suite.layer, ctx);
      for (const s of plan.steps) if (s.waitFor) out.push({ service: s.service, waitFor: s.waitFor });
    }
    return out;
  }

  const waitersOf = (service: string) => (service === 'clickhouse' ? {} : botocoreModel(service, 'waiters-2')?.waiters ?? {});

  it('every waited read has a botocore waiter we keep pace with, or is named unverified', async () => {
    const waited = new Set((await waitedReads()).map((w) => `${w.service}:${w.waitFor.operation}`));
    // The delays of a whole hour's wait, AWS's pace (a ClickHouse read has no botocore waiter).
    const schedule = Array.from({ length: 3_600 }, (_, s) => pollDelay(s * 1000));
    const unverified: string[] = [];
    const slower: string[] = [];
    for (const key of [...waited].sort()) {
      const [service, operation] = key.split(':');
      const same = Object.entries<any>(waitersOf(service)).filter(([, w]) => w.operation === operation);
      if (!same.length) { unverified.push(key); continue; }
      for (const [name, w] of same) {
        if (Math.max(...schedule) > w.delay * 1000) slower.push(`${key}: botocore ${name} waits ${w.delay} s between reads, we up to ${MAX_POLL_MS / 1000} s`);
      }
    }
    assert.ok(waited.size >= 6, `only ${waited.size} waited reads found`);
    assert.deepEqual(slower, []);
    assert.deepEqual(unverified, UNVERIFIED, 'botocore has (or lost) a waiter for one of these reads: revisit src/plans/waiter.ts');
  });

  it('where a botocore waiter reads the same path, our success states are its success values and our failure states include its failure values', async () => {
    const problems: string[] = [];
    const otherPath = new Set<string>();
    const compared = new Set<string>();
    for (const { service, waitFor } of await waitedReads()) {
      const waiters = waitersOf(service);
      if (!Object.values<any>(waiters).some((w) => w.operation === waitFor.operation)) continue; // named unverified above
      const key = `${service}:${waitFor.operation}:${jmesPath(waitFor.statusPath)}`;
      const found = acceptorProblems(key, waitFor, waiters, waitFor.operation, jmesPath(waitFor.statusPath));
      if (!found) { otherPath.add(key); continue; }
      compared.add(key);
      problems.push(...found);
    }
    console.log(`      awscli waiters: ${compared.size} waited (operation, path) pairs compared with botocore's acceptors, ${otherPath.size} on a path no botocore waiter reads`);
    assert.ok(compared.size >= 1, 'no wait compared with a botocore waiter');
    assert.deepEqual([...new Set(problems)], []);
    assert.deepEqual([...otherPath].sort(), OTHER_PATH, 'a wait reads a path no botocore waiter reads: say why above, or wait on the waiter\'s path');
  });

  it('the acceptor check can fail: a missing failure value or another success value is named', () => {
    const waiters = { Up: { operation: 'Get', acceptors: [
      { matcher: 'pathAll', argument: 'Items[].State', state: 'success', expected: 'up' },
      { matcher: 'pathAny', argument: 'Items[].State', state: 'failure', expected: 'broken' },
    ] } };
    assert.equal(jmesPath('Items.0.State'), 'Items[].State');
    assert.deepEqual(acceptorProblems('k', { success: ['up'], failure: ['broken', 'gone'] }, waiters, 'Get', 'Items[].State'), []);
    assert.deepEqual(acceptorProblems('k', { success: ['up', 'sideways'], failure: [] }, waiters, 'Get', 'Items[].State'), [
      'k: success ["up","sideways"], botocore Up ["up"]', 'k: failure lacks ["broken"] (botocore Up)',
    ]);
    assert.equal(acceptorProblems('k', { success: ['up'], failure: [] }, waiters, 'Get', 'Items[].Other'), undefined);
  });
});

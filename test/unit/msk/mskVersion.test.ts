// The executor's one retry after a CurrentVersion conflict (src/plans/mskVersion.ts + the hook in
// executor.ts), on H4's MSK plan and the teardown plan, against a fake MSK with version checks.
import * as assert from 'node:assert/strict';
import { buildMskMultiVpcPlan } from '../../../src/model/builders';
import type { Plan } from '../../../src/model/plan';
import { CLICKPIPES_SIDS, mergeClusterPolicy } from '../../../src/model/policies';
import { applyPlan } from '../../../src/plans/executor';
import { MemoryJournalStore } from '../../../src/plans/journal';
import { mskVersionRefresher } from '../../../src/model/mskVersion';
import { buildMskTeardownPlan } from '../../../src/model/mskTeardownPlan';
import { ARN, FakeMsk } from './fakeMsk';

const ctx = { planId: 'msk-test-1', createdAt: '2026-11-23T18:00:00.000Z', profile: 'dev', region: 'us-east-1', accountId: '123456789012' };
const partner = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Partner', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kafka:DescribeCluster', Resource: ARN }] });

function planFor(msk: FakeMsk): Plan {
  return buildMskMultiVpcPlan({
    clusterArn: ARN, auth: { iam: true, scram: false },
    cluster: { arn: ARN, currentVersion: msk.clusterVersion, multiVpc: { iam: false, scram: false, tls: false }, policy: msk.policy ? { currentVersion: msk.policy.version, document: msk.policy.doc } : null },
  }, ctx);
}

const apply = (plan: Plan, msk: FakeMsk) => applyPlan(plan, { call: msk.call, journal: new MemoryJournalStore(), sleep: async () => undefined });
const sids = (msk: FakeMsk) => JSON.parse(msk.policy!.doc).Statement.map((s: { Sid?: string }) => s.Sid);

describe('msk/version conflicts: re-read and retry once, then a clear error', () => {
  it('no conflict: one UpdateConnectivity, one PutClusterPolicy, no re-reads', async () => {
    const msk = new FakeMsk(partner);
    const outcome = await apply(planFor(msk), msk);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    assert.equal(msk.count('UpdateConnectivity'), 1);
    assert.equal(msk.count('PutClusterPolicy'), 1);
    assert.equal(msk.count('GetClusterPolicy'), 0);
    assert.deepEqual(sids(msk), ['Partner', ...Object.values(CLICKPIPES_SIDS)]);
  });

  it('policy changed between review and apply: re-read, re-merged onto the fresh policy, retried once', async () => {
    const msk = new FakeMsk(partner);
    const plan = planFor(msk);
    msk.changeBefore('PutClusterPolicy');
    const outcome = await apply(plan, msk);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    assert.equal(msk.count('PutClusterPolicy'), 2);
    assert.equal(msk.count('GetClusterPolicy'), 1);
    const [added] = sids(msk).filter((s: string) => s.startsWith('Other'));
    assert.deepEqual(sids(msk), ['Partner', added, ...Object.values(CLICKPIPES_SIDS)], 'the statement added meanwhile is kept');
    const [first, retry] = msk.calls.filter((c) => c.operation === 'PutClusterPolicy');
    assert.equal(first.input.CurrentVersion, 'P1');
    assert.notEqual(retry.input.CurrentVersion, 'P1', 'the retry passes the version read again');
  });

  it('cluster changed between review and apply: CurrentVersion re-read from DescribeClusterV2, retried once', async () => {
    const msk = new FakeMsk();
    const plan = planFor(msk);
    msk.changeBefore('UpdateConnectivity');
    const outcome = await apply(plan, msk);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    const updates = msk.calls.filter((c) => c.operation === 'UpdateConnectivity');
    assert.equal(updates.length, 2);
    assert.equal(updates[0].input.CurrentVersion, 'K1');
    assert.notEqual(updates[1].input.CurrentVersion, 'K1');
    assert.equal(outcome.results.find((r) => r.label === 'Bootstrap brokers (SASL/IAM)')?.value, 'b-1.orders.x.c2.kafka.us-east-1.amazonaws.com:14001');
  });

  for (const op of ['PutClusterPolicy', 'UpdateConnectivity']) {
    it(`${op}: a second conflict fails with a clear VersionConflict error, after exactly one retry`, async () => {
      const msk = new FakeMsk(partner);
      const plan = planFor(msk);
      msk.changeBefore(op, 2);
      const outcome = await apply(plan, msk);
      assert.equal(outcome.status, 'failed');
      assert.equal(msk.count(op), 2, 'retried once, not more');
      assert.equal(outcome.failure?.error.code, 'VersionConflict');
      assert.match(outcome.failure!.error.text, /changed again/);
      assert.match(outcome.failure!.error.text, /retried once/);
      assert.match(outcome.failure!.error.text, /Nothing was written by this step/);
    });
  }

  it('other bad requests are not retried', async () => {
    const msk = new FakeMsk();
    const plan = planFor(msk);
    const step = plan.steps[0];
    const err = Object.assign(new Error('The cluster is in UPDATING state; it must be ACTIVE.'), { name: 'BadRequestException' });
    assert.equal(mskVersionRefresher.isStale(step, err), false);
    assert.equal(mskVersionRefresher.isStale(step, { name: 'AwsCallError', failure: { name: 'BadRequestException', message: 'currentVersion does not match' } }), true);
    assert.equal(mskVersionRefresher.isStale({ ...step, operation: 'CreateResourceGateway', service: 'vpc-lattice' }, err), false);
    assert.equal(mskVersionRefresher.isStale(step, Object.assign(new Error('version'), { name: 'AccessDeniedException' })), false);
  });

  it('a policy deleted meanwhile: the retry puts ours without a version', async () => {
    const msk = new FakeMsk(partner);
    const plan = planFor(msk);
    const step = plan.steps.find((s) => s.operation === 'PutClusterPolicy')!;
    const fresh = await mskVersionRefresher.refresh(step, step.input, async () => { throw Object.assign(new Error('none'), { name: 'NotFoundException' }); });
    assert.equal(fresh!.CurrentVersion, undefined);
    assert.deepEqual(JSON.parse(String(fresh!.Policy)).Statement.map((s: { Sid: string }) => s.Sid), Object.values(CLICKPIPES_SIDS));
  });

  it('teardown: conflict re-read keeps a statement added meanwhile', async () => {
    const msk = new FakeMsk(mergeClusterPolicy(partner, ARN));
    const built = buildMskTeardownPlan({ clusterArn: ARN, policy: { currentVersion: msk.policy!.version, document: msk.policy!.doc } }, ctx);
    assert.ok('plan' in built);
    msk.changeBefore('PutClusterPolicy');
    const outcome = await apply(built.plan, msk);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    assert.deepEqual(sids(msk).map((s: string) => s.replace(/\d+$/, '')), ['Partner', 'Other']);
  });
});

// MSK multi-VPC against the emulator through the real AWS layer: the form session reads the demo
// account (orders-events is ready for multi-VPC, the others each fail one prerequisite), H4's
// builder makes the plan, the executor applies it (UpdateConnectivity → UPDATING → ACTIVE on the
// emulator clock, PutClusterPolicy merged, bootstrap brokers read). Then CurrentVersion conflicts
// made between plan and apply: re-read + retry once → success; a second conflict → clear error.
// And the teardown plan: ClickPipes statements out, foreign ones kept, DeleteClusterPolicy if empty.
import * as assert from 'node:assert/strict';
import type { AwsLayer } from '../../src/aws/api';
import type { Plan } from '../../src/model/plan';
import { CLICKPIPES_SIDS } from '../../src/model/policies';
import { mskReadiness, worstLevel } from '../../src/model/readiness';
import type { ApplyOutcome } from '../../src/plans/executor';
import { MemoryJournalStore } from '../../src/plans/journal';
import { buildMskTeardownPlan } from '../../src/model/mskTeardownPlan';
import { startMskMultiVpcSession } from '../../src/webviews/forms/mskMultiVpc';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { applyOnEmulatorClock, clearLog, control, emulatorSuite, formContext, requestCounts, US } from './awsEnv';

const ourSids = Object.values(CLICKPIPES_SIDS);

describe('MSK multi-VPC against the emulator (form session → plan → executor, real AWS layer)', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  beforeEach(async () => {
    // UpdateConnectivity settles on the emulator clock, which the executor's sleep advances.
    await control(suite.emu.url, 'POST', 'timings', { create: 0, update: 45_000, delete: 0, shareActivate: 0 });
  });

  const region = () => suite.emu.world.region(DEMO_ACCOUNT, 'us-east-1');

  async function clusterArn(layer: AwsLayer, name: string): Promise<string> {
    return (await layer.listMskClusters(US)).find((c) => c.name === name)!.arn;
  }

  /** Someone else's statement in the policy before the form reads it. */
  async function putForeignPolicy(layer: AwsLayer, arn: string, sid = 'PartnerRead'): Promise<void> {
    const current = await layer.getMskClusterPolicy(US, arn);
    const doc = current ? JSON.parse(current.document) : { Version: '2012-10-17', Statement: [] };
    doc.Statement.push({ Sid: sid, Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['kafka:DescribeCluster'], Resource: arn });
    await layer.call(US, 'kafka', 'PutClusterPolicy', { ClusterArn: arn, Policy: JSON.stringify(doc), ...(current ? { CurrentVersion: current.currentVersion } : {}) });
  }

  /** Changes the policy behind the plan's back, in the emulator's world (no request in the log). */
  function changePolicyMeanwhile(arn: string, sid: string): void {
    const policies = region().mskPolicies;
    const current = policies.get(arn)!;
    const doc = JSON.parse(current.policy);
    doc.Statement.push({ Sid: sid, Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'kafka:GetBootstrapBrokers', Resource: arn });
    policies.set(arn, { policy: JSON.stringify(doc), currentVersion: `${current.currentVersion}X` });
  }

  async function buildPlan(layer: AwsLayer, name: string, planId: string): Promise<Plan> {
    const session = startMskMultiVpcSession(formContext(layer));
    const init = await session.loadInit();
    assert.equal(init.loadError, undefined);
    const option = init.clusters.find((c) => c.name === name)!;
    const values = { clusterArn: option.arn, auth: { iam: true, scram: false, tls: false } };
    assert.deepEqual(session.validate(values), {});
    assert.deepEqual(await session.checkRemote!(values), {});
    return session.build(values, { planId, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: DEMO_ACCOUNT });
  }

  function apply(plan: Plan, layer: AwsLayer, before?: (operation: string) => void, journal = new MemoryJournalStore()): Promise<ApplyOutcome> {
    return applyOnEmulatorClock(suite.emu, plan, async (service, operation, input) => {
      before?.(operation);
      return layer.call(US, service, operation, input);
    }, journal);
  }

  const statementSids = async (layer: AwsLayer, arn: string): Promise<string[]> =>
    JSON.parse((await layer.getMskClusterPolicy(US, arn))!.document).Statement.map((s: { Sid?: string }) => s.Sid ?? '-');

  it('the form explains the demo clusters that cannot use multi-VPC and refuses them', async () => {
    const session = startMskMultiVpcSession(formContext(suite.layer));
    const init = await session.loadInit();
    const failed = Object.fromEntries(init.clusters.map((c) => [c.name, c.prerequisites.filter((p) => !p.ok).map((p) => p.id)]));
    assert.deepEqual(failed, {
      'dev-sandbox': ['instanceType'], 'legacy-logs': ['kafkaVersion'], 'orders-events': [], 'payments-stream': [], 'plaintext-metrics': ['authentication'],
    });
    const legacy = init.clusters.find((c) => c.name === 'legacy-logs')!;
    assert.match(session.validate({ clusterArn: legacy.arn, auth: { iam: false, scram: true } }).clusterArn ?? '', /Kafka 2\.6\.2 is older than 2\.7\.1/);
    const orders = init.clusters.find((c) => c.name === 'orders-events')!;
    assert.match(session.validate({ clusterArn: orders.arn, auth: { iam: true, scram: false, tls: true } }).auth ?? '', /TLS is not enabled on the cluster/);
  });

  it('applies to the ready cluster: multi-VPC on (waited ACTIVE), policy merged with the foreign statement kept, brokers in the results, readiness green', async () => {
    const layer = suite.layer;
    const arn = await clusterArn(layer, 'orders-events');
    await putForeignPolicy(layer, arn);
    assert.equal(worstLevel(mskReadiness((await layer.listMskClusters(US)).find((c) => c.arn === arn)!)), 'warning', 'multi-VPC is off before');
    const plan = await buildPlan(layer, 'orders-events', 'msk-happy');
    assert.deepEqual(plan.steps.map((s) => s.operation), ['UpdateConnectivity', 'PutClusterPolicy', 'GetBootstrapBrokers']);
    await clearLog(suite.emu.url);
    const outcome = await apply(plan, layer);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    const counts = await requestCounts(suite.emu.url);
    assert.equal(counts['kafka:UpdateConnectivity'], 1);
    assert.equal(counts['kafka:PutClusterPolicy'], 1);
    assert.ok(counts['kafka:DescribeClusterV2'] >= 2, 'waited through UPDATING until ACTIVE');
    assert.equal(counts['kafka:GetClusterPolicy'] ?? 0, 0, 'no conflict, no re-read');

    const cluster = await layer.describeMskCluster(US, arn);
    assert.equal(cluster.state, 'ACTIVE');
    assert.deepEqual(cluster.multiVpc, { iam: true, scram: false, tls: false });
    assert.deepEqual(await statementSids(layer, arn), ['PartnerRead', ...ourSids]);

    const results = Object.fromEntries(outcome.results.map((r) => [r.label, r.value]));
    assert.equal(results['MSK cluster ARN'], arn);
    assert.equal(results.Authentication, 'SASL_IAM');
    assert.match(results['Bootstrap brokers (SASL/IAM)'], /^b-1\.orders-events\.[a-z0-9]+\.c2\.kafka\.us-east-1\.amazonaws\.com:14001,b-2\..*:14002/);
    // What the explorer shows after its refresh: the cluster as listed, readiness now ok.
    assert.equal(worstLevel(mskReadiness((await layer.listMskClusters(US)).find((c) => c.arn === arn)!)), 'ok');
  });

  it('the policy changed between plan and apply: re-read, re-merged, retried once → success, the change kept', async () => {
    const layer = suite.layer;
    const arn = await clusterArn(layer, 'orders-events');
    await putForeignPolicy(layer, arn);
    const plan = await buildPlan(layer, 'orders-events', 'msk-conflict-once');
    changePolicyMeanwhile(arn, 'AddedMeanwhile');
    await clearLog(suite.emu.url);
    const outcome = await apply(plan, layer);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    const counts = await requestCounts(suite.emu.url);
    assert.equal(counts['kafka:PutClusterPolicy'], 2, 'refused once (stale CurrentVersion), then accepted');
    assert.equal(counts['kafka:GetClusterPolicy'], 1, 're-read once');
    assert.deepEqual(await statementSids(layer, arn), ['PartnerRead', 'AddedMeanwhile', ...ourSids]);
  });

  it('the cluster changed between plan and apply: UpdateConnectivity re-reads CurrentVersion and retries once', async () => {
    const layer = suite.layer;
    const arn = await clusterArn(layer, 'orders-events');
    const plan = await buildPlan(layer, 'orders-events', 'msk-cluster-conflict');
    const record = region().mskClusters.get(arn)!;
    record.CurrentVersion = `${record.CurrentVersion}X`;
    await clearLog(suite.emu.url);
    const outcome = await apply(plan, layer);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    assert.equal((await requestCounts(suite.emu.url))['kafka:UpdateConnectivity'], 2);
    assert.deepEqual((await layer.describeMskCluster(US, arn)).multiVpc.iam, true);
  });

  it('a second conflict fails with a clear VersionConflict error after exactly one retry', async () => {
    const layer = suite.layer;
    const arn = await clusterArn(layer, 'orders-events');
    await putForeignPolicy(layer, arn);
    const plan = await buildPlan(layer, 'orders-events', 'msk-conflict-twice');
    let n = 0;
    await clearLog(suite.emu.url);
    const outcome = await apply(plan, layer, (operation) => {
      if (operation === 'PutClusterPolicy') changePolicyMeanwhile(arn, `Meanwhile${++n}`);
    });
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.failure?.stepId, 'policy');
    assert.equal(outcome.failure?.error.code, 'VersionConflict');
    assert.match(outcome.failure!.error.text, /changed again/);
    assert.equal((await requestCounts(suite.emu.url))['kafka:PutClusterPolicy'], 2, 'one retry, not more');
    assert.deepEqual(await statementSids(layer, arn), ['PartnerRead', 'Meanwhile1', 'Meanwhile2'], 'nothing of ours was written');
    assert.deepEqual(outcome.created.map((c) => c.stepId), ['connectivity'], 'connectivity was already turned on');
  });

  it('interrupted at PutClusterPolicy (denied once): applying again resumes without a second UpdateConnectivity', async () => {
    const layer = suite.layer;
    const arn = await clusterArn(layer, 'orders-events');
    const plan = await buildPlan(layer, 'orders-events', 'msk-resume');
    const journal = new MemoryJournalStore();
    await control(suite.emu.url, 'POST', 'faults', { faults: [{ service: 'kafka', operation: 'PutClusterPolicy', accessDenied: true, times: 1 }] });
    await clearLog(suite.emu.url);
    const first = await apply(plan, layer, undefined, journal);
    assert.equal(first.status, 'failed');
    assert.equal(first.failure?.stepId, 'policy');
    // MSK names a denial ForbiddenException (403); failure.ts does not map it to its AccessDenied wording yet.
    assert.match(first.failure!.error.text, /ForbiddenException|denied/);
    const second = await apply(plan, layer, undefined, journal);
    assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
    assert.deepEqual(second.ran, ['policy', 'brokers']);
    const counts = await requestCounts(suite.emu.url);
    assert.equal(counts['kafka:UpdateConnectivity'], 1, 'connectivity was not changed twice');
    assert.equal(counts['kafka:PutClusterPolicy'], 2, 'denied, then resumed');
    assert.deepEqual(await statementSids(layer, arn), ourSids);
  });

  it('teardown: ClickPipes statements removed, the foreign one kept; a ClickPipes-only policy is deleted', async () => {
    const layer = suite.layer;
    const arn = await clusterArn(layer, 'orders-events');
    await putForeignPolicy(layer, arn);
    assert.equal((await apply(await buildPlan(layer, 'orders-events', 'msk-before-teardown'), layer)).status, 'succeeded');
    const ctx = { planId: 'msk-teardown', createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: DEMO_ACCOUNT };
    const built = buildMskTeardownPlan({ clusterArn: arn, policy: await layer.getMskClusterPolicy(US, arn) }, ctx);
    assert.ok('plan' in built);
    assert.equal((await apply(built.plan, layer)).status, 'succeeded');
    assert.deepEqual(await statementSids(layer, arn), ['PartnerRead']);

    // payments-stream's policy was written by hand for ClickPipes only (no Sids): deleted.
    const payments = await clusterArn(layer, 'payments-stream');
    const onlyOurs = buildMskTeardownPlan({ clusterArn: payments, policy: await layer.getMskClusterPolicy(US, payments) }, { ...ctx, planId: 'msk-teardown-2' });
    assert.ok('plan' in onlyOurs);
    assert.equal(onlyOurs.plan.steps[0].operation, 'DeleteClusterPolicy');
    assert.equal((await apply(onlyOurs.plan, layer)).status, 'succeeded');
    assert.equal(await layer.getMskClusterPolicy(US, payments), null);
  });
});

// The plan spine against the emulator through the real AWS layer: the VPC-resource form session
// reads the account (VPCs, subnets, databases), the pure plan builder (src/model/builders) makes the plan, the executor applies
// it; then every step is interrupted (a fault from the emulator, or a response lost after AWS
// acted) and the plan applied again: no duplicates, checked in the request log and in the account.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AwsLayer } from '../../src/aws/api';
import { createAwsLayer } from '../../src/aws/index';
import type { VpcResourceForm } from '../../src/model/forms';
import type { Plan, StepService } from '../../src/model/plan';
import type { ApplyOutcome, StepCall } from '../../src/plans/executor';
import { FileJournalStore } from '../../src/plans/journal';
import { startVpcResourceSession } from '../../src/webviews/forms/vpcResource';
import { applyOnEmulatorClock, callThrough, clearLog, control, emulatorSuite, formContext, requestCounts, US } from './awsEnv';

const INTERRUPTION_POINTS: { service: StepService; operation: string }[] = [
  { service: 'vpc-lattice', operation: 'CreateResourceGateway' },
  { service: 'vpc-lattice', operation: 'GetResourceGateway' },
  { service: 'vpc-lattice', operation: 'CreateResourceConfiguration' },
  { service: 'vpc-lattice', operation: 'GetResourceConfiguration' },
  { service: 'ram', operation: 'CreateResourceShare' },
];

describe('plans against the emulator: the VPC-resource plan through the real AWS layer', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(async () => {
    journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-plans-'));
    // Creates settle on the emulator clock, which the executor's sleep advances: waits really poll.
    await control(suite.emu.url, 'POST', 'timings', { create: 5_000, update: 0, delete: 0, shareActivate: 0 });
  });
  afterEach(() => rmSync(journalDir, { recursive: true, force: true }));

  /** The form session as the webview would drive it: read the account, pick, validate, build. */
  async function buildPlan(layer: AwsLayer, planId: string, names = 'orders'): Promise<Plan> {
    const session = startVpcResourceSession(formContext(layer));
    const init = await session.loadInit();
    assert.equal(init.loadError, undefined);
    const vpc = init.vpcs.find((v) => v.label.startsWith('prod-data'))!;
    const details = await session.loadVpc(vpc.id);
    const subnets = details.subnets.filter((s) => /prod-data-[ab] /.test(`${s.label} `) || s.label.startsWith('prod-data-a') || s.label.startsWith('prod-data-b'));
    const db = init.databases.find((d) => d.label.includes('orders-aurora-pg'))!;
    assert.ok(init.databases.some((d) => d.publiclyAccessible), 'the demo has a public database the form refuses');
    const values: VpcResourceForm = {
      gatewayMode: 'new', gatewayName: `${names}-gateway`, vpcId: vpc.id, subnetIds: subnets.slice(0, 2).map((s) => s.id),
      securityGroupIds: details.securityGroups.slice(0, 1).map((g) => g.value), ipAddressType: 'IPV4',
      configurationName: `${names}-config`, configurationType: 'ARN', definitionKind: 'arn', arn: db.arn,
      shareName: `${names}-share`, allowExternalPrincipals: true,
    };
    assert.deepEqual(session.validate(values), {});
    const publicDb = init.databases.find((d) => d.publiclyAccessible)!;
    assert.match(session.validate({ ...values, arn: publicDb.arn }).arn ?? '', /publicly accessible/);
    return session.build(values, { planId, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: '123456789012' });
  }

  function apply(plan: Plan, layer: AwsLayer, wrap?: (call: StepCall) => StepCall): Promise<ApplyOutcome> {
    const call = callThrough(layer);
    // A new store per apply: like a new window reading the journal file.
    return applyOnEmulatorClock(suite.emu, plan, wrap ? wrap(call) : call, new FileJournalStore(journalDir));
  }

  async function assertExactlyOne(layer: AwsLayer, names: string): Promise<void> {
    const gateways = (await layer.listResourceGateways(US)).filter((g) => g.name === `${names}-gateway`);
    const configs = (await layer.listResourceConfigurations(US)).filter((c) => c.name === `${names}-config`);
    const shares = (await layer.listResourceShares(US)).filter((s) => s.name === `${names}-share`);
    assert.equal(gateways.length, 1, 'one gateway');
    assert.equal(configs.length, 1, 'one configuration');
    assert.equal(shares.length, 1, 'one share');
    assert.equal(gateways[0].status, 'ACTIVE');
    assert.equal(configs[0].status, 'ACTIVE');
    assert.deepEqual(shares[0].principals.map((p) => p.id), ['072088201116']);
    assert.deepEqual(shares[0].resources.map((r) => r.arn), [configs[0].arn]);
  }

  it('applies the plan built from the form: gateway ACTIVE → configuration ACTIVE → share, results resolved', async () => {
    const layer = suite.layer;
    const plan = await buildPlan(layer, 'vpcres-happy');
    assert.deepEqual(plan.steps.map((s) => s.id), ['gateway', 'configuration', 'share']);
    await clearLog(suite.emu.url);
    const outcome = await apply(plan, layer);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    const counts = await requestCounts(suite.emu.url);
    assert.equal(counts['vpc-lattice:CreateResourceGateway'], 1);
    assert.equal(counts['vpc-lattice:CreateResourceConfiguration'], 1);
    assert.equal(counts['ram:CreateResourceShare'], 1);
    assert.ok(counts['vpc-lattice:GetResourceGateway'] >= 2, 'the gateway wait polled until ACTIVE');
    const results = Object.fromEntries(outcome.results.map((r) => [r.label, r.value]));
    assert.match(results['Resource configuration ID'], /^rcfg-[0-9a-z]{17}$/);
    assert.match(results['Resource share ARN'], /^arn:aws:ram:us-east-1:123456789012:resource-share\//);
    await assertExactlyOne(layer, 'orders');

    await clearLog(suite.emu.url);
    const again = await apply(plan, layer);
    assert.deepEqual(again.results, outcome.results);
    assert.deepEqual(await requestCounts(suite.emu.url), {}, 'a finished plan applied again calls nothing');
  });

  for (const point of INTERRUPTION_POINTS) {
    it(`interrupted by an AWS error at ${point.operation}: resumes without duplicates`, async () => {
      const layer = suite.layer;
      const plan = await buildPlan(layer, `vpcres-fault-${point.operation}`);
      await clearLog(suite.emu.url);
      await control(suite.emu.url, 'POST', 'faults', { faults: [{ service: point.service, operation: point.operation, accessDenied: true, times: 1 }] });
      const first = await apply(plan, layer);
      assert.equal(first.status, 'failed');
      assert.match(first.failure!.error.text, /denied/);
      const doneBefore = INTERRUPTION_POINTS.findIndex((p) => p.operation === point.operation);
      assert.equal(first.created.length, Math.ceil(doneBefore / 2), 'what was created before the failure is reported');
      const second = await apply(plan, layer);
      assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
      const counts = await requestCounts(suite.emu.url);
      for (const create of ['vpc-lattice:CreateResourceGateway', 'vpc-lattice:CreateResourceConfiguration', 'ram:CreateResourceShare']) {
        const failedHere = create === `${point.service}:${point.operation}`;
        assert.equal(counts[create], failedHere ? 2 : 1, `${create} sent ${failedHere ? 'twice (denied, then resumed)' : 'once'}`);
      }
      await assertExactlyOne(layer, 'orders');
    });

    it(`interrupted after ${point.operation} succeeded but before the journal was written: the client token prevents a duplicate`, async () => {
      const layer = suite.layer;
      const plan = await buildPlan(layer, `vpcres-lost-${point.operation}`);
      let armed = true;
      const first = await apply(plan, layer, (call) => async (service, operation, input) => {
        const result = await call(service, operation, input);
        if (armed && operation === point.operation) {
          armed = false;
          throw Object.assign(new Error('socket hang up'), { name: 'ECONNRESET' }); // the window closed, the answer is lost
        }
        return result;
      });
      assert.equal(first.status, 'failed');
      assert.ok(first.failure!.error.retryable);
      const second = await apply(plan, layer);
      assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
      await assertExactlyOne(layer, 'orders');
    });
  }

  it('a dropped connection with no SDK retry left fails the step in plain words; applying again resumes', async () => {
    const layer = createAwsLayer({ maxAttempts: 1 });
    try {
      const plan = await buildPlan(layer, 'vpcres-drop');
      await control(suite.emu.url, 'POST', 'faults', { faults: [{ service: 'vpc-lattice', operation: 'CreateResourceConfiguration', dropConnection: true, times: 1 }] });
      const first = await apply(plan, layer);
      assert.equal(first.status, 'failed');
      assert.equal(first.failure!.stepId, 'configuration');
      assert.deepEqual(first.created.map((c) => c.stepId), ['gateway']);
      const second = await apply(plan, layer);
      assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
      assert.deepEqual(second.ran, ['configuration', 'share']);
      await assertExactlyOne(layer, 'orders');
    } finally {
      layer.dispose();
    }
  });

  it('an edited plan with a name Lattice rejects fails with the AWS validation message and creates nothing more', async () => {
    const layer = suite.layer;
    const plan = await buildPlan(layer, 'vpcres-invalid');
    plan.steps[1].input.name = 'rcfg-not-allowed';
    const outcome = await apply(plan, layer);
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.failure!.stepId, 'configuration');
    assert.match(outcome.failure!.error.text, /rejected the input/);
    assert.deepEqual(outcome.created.map((c) => c.stepId), ['gateway']);
  });
});

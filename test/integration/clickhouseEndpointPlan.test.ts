// One plan from nothing to a Ready endpoint, against the emulator: the VPC-resource form's plan
// with the ClickHouse Cloud step appended (its body takes the configuration ID and share ARN by
// reference), applied through the real AWS layer and the real ClickHouse client. Then the apply is
// killed at every call of the plan, either before the call reaches the server or after the
// server acted (the answer lost), and applied again from the journal file as a new window would:
// it finishes with exactly one gateway, configuration, share and endpoint.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ClickHouseApi } from '../../src/clickhouse/api';
import { clickhouseStepCall } from '../../src/clickhouse/stepCall';
import { withClickhouseEndpoint } from '../../src/model/builders/clickhouseEndpoint';
import type { Plan } from '../../src/model/plan';
import type { ApplyOutcome, StepCall } from '../../src/plans/executor';
import { FileJournalStore } from '../../src/plans/journal';
import { startEndpointServiceSession } from '../../src/webviews/forms/endpointService';
import { startMskMultiVpcSession } from '../../src/webviews/forms/mskMultiVpc';
import { DEMO_CH_KEY_ID, DEMO_CH_KEY_SECRET, DEMO_CH_ORG_ID, DEMO_CH_SERVICE_US } from '../emulator/services/clickhouse';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { loadBalancer } from '../emulator/services/query/fixtures';
import { applyOnEmulatorClock, callThrough, clearLog, control, emulatorSuite, formContext, requestCounts, US } from './awsEnv';
import { demoVpcResourcePlanWithEndpoint } from './demoPlans';

/** Every call the plan makes, in order (the waits poll until ACTIVE / Ready). */
const POINTS = [
  'CreateResourceGateway', 'GetResourceGateway', 'CreateResourceConfiguration', 'GetResourceConfiguration', 'CreateResourceShare',
  'CreateReversePrivateEndpoint', 'GetReversePrivateEndpoint',
];
const KILLS = ['before the call', 'after the server acted'] as const;
const CREATES = ['vpc-lattice:CreateResourceGateway', 'vpc-lattice:CreateResourceConfiguration', 'ram:CreateResourceShare', 'clickhouse:CreateReversePrivateEndpoint'];

describe('one plan from nothing to a Ready ClickHouse Cloud endpoint (emulator)', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(async () => {
    journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-chplan-'));
    await control(suite.emu.url, 'POST', 'timings', { create: 5_000, update: 0, delete: 0, shareActivate: 0 });
  });
  afterEach(() => rmSync(journalDir, { recursive: true, force: true }));

  const buildPlan = (planId: string): Promise<Plan> => demoVpcResourcePlanWithEndpoint(formContext(suite.layer), planId, 'ch');


  const clickhouse = (): StepCall => {
    const api = new ClickHouseApi({ baseUrl: suite.emu.url, key: { keyId: DEMO_CH_KEY_ID, keySecret: DEMO_CH_KEY_SECRET } });
    const call = clickhouseStepCall(async () => api);
    return (_service, operation, input) => call(operation, input);
  };

  /** A new journal store per apply (a new window reading the file); `kill` wraps both backends. */
  function apply(plan: Plan, kill?: (call: StepCall) => StepCall): Promise<ApplyOutcome> {
    const wrap = kill ?? ((c: StepCall) => c);
    return applyOnEmulatorClock(suite.emu, plan, wrap(callThrough(suite.layer)), new FileJournalStore(journalDir), { clickhouse: wrap(clickhouse()) });
  }

  function exactlyOne(outcome: ApplyOutcome): void {
    const r = suite.emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    const gateways = [...r.resourceGateways.values()].filter((g) => g.name === 'ch-gateway');
    const configs = [...r.resourceConfigurations.values()].filter((c) => c.name === 'ch-config');
    const shares = [...r.resourceShares.values()].filter((s) => s.name === 'ch-share');
    assert.deepEqual([gateways.length, configs.length, shares.length], [1, 1, 1], 'one gateway, one configuration, one share');
    const endpoints = [...suite.emu.world.clickhouse.reversePrivateEndpoints.values()]
      .filter((e) => !e._gone && e.vpcResourceConfigurationId === configs[0].id);
    assert.equal(endpoints.length, 1, 'one reverse private endpoint');
    assert.equal(endpoints[0].status, 'Ready');
    assert.equal(endpoints[0].vpcResourceShareArn, shares[0].resourceShareArn);
    assert.equal(outcome.outputs.endpoint.id, endpoints[0].id);
  }

  it('applies AWS then ClickHouse in one plan; the results carry the DNS name and the final status', async () => {
    const plan = await buildPlan('chplan-happy');
    assert.deepEqual(plan.steps.map((s) => `${s.id}:${s.service}`), ['gateway:vpc-lattice', 'configuration:vpc-lattice', 'share:ram', 'endpoint:clickhouse']);
    await clearLog(suite.emu.url);
    const outcome = await apply(plan);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    exactlyOne(outcome);
    const results = Object.fromEntries(outcome.results.map((r) => [r.label, r.value]));
    assert.match(results['DNS name'], /\.vpc-lattice-rsc\.us-east-1\.on\.aws$/);
    assert.equal(results['Endpoint status'], 'Ready');
    const counts = await requestCounts(suite.emu.url);
    for (const create of CREATES) assert.equal(counts[create], 1, `${create} once (${JSON.stringify(counts)})`);
    assert.ok(counts['clickhouse:GetReversePrivateEndpoint'] >= 2, 'the endpoint wait polled until Ready');
    const journal = await new FileJournalStore(journalDir).load(plan.id);
    assert.equal(journal?.steps.endpoint.state, 'done');
    assert.ok(!JSON.stringify(journal).includes(DEMO_CH_KEY_SECRET), 'no key in the journal');
    assert.ok(!JSON.stringify(plan).includes(DEMO_CH_KEY_SECRET), 'no key in the plan');

    await clearLog(suite.emu.url);
    const again = await apply(plan);
    assert.deepEqual(again.results, outcome.results);
    assert.deepEqual(await requestCounts(suite.emu.url), {}, 'a finished plan applied again calls nothing');
  });

  const target = { organizationId: DEMO_CH_ORG_ID, serviceId: DEMO_CH_SERVICE_US, organizationName: 'Demo organization', serviceName: 'orders-analytics', serviceRegion: 'us-east-1' };
  const ctx = (planId: string) => ({ planId, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: DEMO_ACCOUNT });
  const liveEndpoints = () => [...suite.emu.world.clickhouse.reversePrivateEndpoints.values()].filter((e) => !e._gone);

  it('MSK multi-VPC form + endpoint: the ClickHouse step takes the cluster ARN; Ready, brokers with ports in the results', async () => {
    const session = startMskMultiVpcSession(formContext(suite.layer));
    const init = await session.loadInit();
    const cluster = init.clusters.find((c) => c.name === 'orders-events')!;
    const values = { clusterArn: cluster.arn, auth: { iam: true, scram: false, tls: false } };
    assert.deepEqual(session.validate(values), {});
    assert.deepEqual(await session.checkRemote!(values), {}, 'the cluster is read right before the build');
    const plan = withClickhouseEndpoint(session.build(values, ctx('chplan-msk')), target);
    const step = plan.steps.find((s) => s.service === 'clickhouse')!;
    assert.deepEqual(step.input.body, { description: `ClickPipes MSK_MULTI_VPC — ${plan.title.replace(' + ClickHouse Cloud endpoint', '')}`, type: 'MSK_MULTI_VPC', mskClusterArn: cluster.arn, mskAuthentication: 'SASL_IAM' });
    const outcome = await apply(plan);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    const made = liveEndpoints().filter((e) => e.mskClusterArn === cluster.arn);
    assert.equal(made.length, 1);
    assert.equal(made[0].status, 'Ready');
    const brokers = outcome.results.find((r) => r.label === 'Brokers (host:port) to paste into the ClickPipe')!.value;
    assert.match(brokers, /^b-1\.orders-events\.[0-9a-z]+\.c2\.kafka\.us-east-1\.amazonaws\.com:14001,b-2\./);
  });

  it('endpoint service form + endpoint: acceptance required, so the plan accepts the ClickPipes connection and waits until Ready', async () => {
    const session = startEndpointServiceSession(formContext(suite.layer));
    const init = await session.loadInit();
    // The demo's free NLB (the others already front a service, and an NLB fronts one only).
    const nlb = init.loadBalancers.find((o) => o.name === 'reports-nlb')!;
    const values = { mode: 'new' as const, networkLoadBalancerArns: [nlb.arn], acceptanceRequired: true };
    assert.deepEqual(session.validate(values), {});
    const plan = withClickhouseEndpoint(session.build(values, ctx('chplan-vpcesvc')), target);
    assert.deepEqual(plan.steps.map((s) => `${s.id}:${s.operation}`).slice(-3),
      ['endpoint:CreateReversePrivateEndpoint', 'accept:AcceptVpcEndpointConnections', 'endpointReady:GetReversePrivateEndpoint']);
    await clearLog(suite.emu.url);
    const outcome = await apply(plan);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    const name = outcome.results.find((r) => r.label === 'Service name')!.value;
    const made = liveEndpoints().filter((e) => e.vpcEndpointServiceName === name);
    assert.equal(made.length, 1);
    assert.equal(made[0].status, 'Ready');
    assert.equal(outcome.results.find((r) => r.label === 'Endpoint status')!.value, 'Ready');
    assert.match(outcome.results.find((r) => r.label === 'DNS name')!.value, /\.vpce\.amazonaws\.com$/);
    const counts = await requestCounts(suite.emu.url);
    assert.equal(counts['ec2:AcceptVpcEndpointConnections'], 1);
    assert.equal(counts['clickhouse:CreateReversePrivateEndpoint'], 1);

    // Resumed after the accept's answer was lost: accepted again harmlessly, still one endpoint.
    // A second service needs a load balancer of its own (an NLB fronts a single endpoint service).
    const spare = loadBalancer('us-east-1', 'spare-nlb', 'network');
    suite.emu.world.region(DEMO_ACCOUNT, 'us-east-1').loadBalancers.set(spare.LoadBalancerArn, spare);
    const again = withClickhouseEndpoint(session.build({ ...values, networkLoadBalancerArns: [spare.LoadBalancerArn] }, ctx('chplan-vpcesvc-lost')), target);
    let armed = true;
    const first = await apply(again, (call) => async (service, operation, input) => {
      const result = await call(service, operation, input);
      if (armed && operation === 'AcceptVpcEndpointConnections') {
        armed = false;
        throw Object.assign(new Error('socket hang up'), { name: 'ECONNRESET' });
      }
      return result;
    });
    assert.equal(first.status, 'failed');
    const second = await apply(again);
    assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
    const name2 = second.results.find((r) => r.label === 'Service name')!.value;
    assert.equal(liveEndpoints().filter((e) => e.vpcEndpointServiceName === name2).length, 1);
  });

  for (const kill of KILLS) {
    for (const [index, point] of POINTS.entries()) {
      it(`killed ${kill} at call ${index + 1}/${POINTS.length} (${point}): the resume finishes with no duplicate in AWS or ClickHouse Cloud`, async () => {
        const plan = await buildPlan(`chplan-${kill === 'before the call' ? 'b' : 'a'}-${point}`);
        await clearLog(suite.emu.url);
        let armed = true;
        const first = await apply(plan, (call) => async (service, operation, input) => {
          if (!armed || operation !== point) return call(service, operation, input);
          armed = false;
          if (kill === 'after the server acted') await call(service, operation, input);
          throw Object.assign(new Error('socket hang up'), { name: 'ECONNRESET' }); // the window closed
        });
        assert.equal(first.status, 'failed', `the first apply stops at ${point}`);
        assert.ok(first.failure!.error.retryable, first.failure!.error.text);
        const second = await apply(plan);
        assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
        exactlyOne(second);
        const counts = await requestCounts(suite.emu.url);
        // AWS creates carry a client token: a lost one is sent again and matched; the ClickHouse
        // create is never sent twice, because the resume finds the endpoint it made.
        for (const create of CREATES) {
          const twice = kill === 'after the server acted' && create.endsWith(`:${point}`) && !create.startsWith('clickhouse');
          assert.equal(counts[create], twice ? 2 : 1, `${create} (${JSON.stringify(counts)})`);
        }
      });
    }
  }
});

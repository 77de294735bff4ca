// The executor with two backends: AWS steps to the (fake) AWS layer, the ClickHouse endpoint step
// to src/clickhouse/stepCall.ts over a fake ClickHouse Cloud API. Reuse of an existing endpoint,
// the journal, a lost answer, a missing sign-in, and the final state in the results.
import * as assert from 'node:assert/strict';
import { buildClickhouseEndpointPlan, withClickhouseEndpoint } from '../../../src/model/builders/clickhouseEndpoint';
import type { CreateRpeBody, ReversePrivateEndpoint } from '../../../src/model/clickhouse';
import { clickhouseStepCall } from '../../../src/clickhouse/stepCall';
import { applyPlan } from '../../../src/plans/executor';
import { MemoryJournalStore } from '../../../src/plans/journal';
import { FakeAws, vpcResourcePlan } from './fixtures';

const ORG = 'org-1';
const SERVICE = 'svc-1';
const target = { organizationId: ORG, serviceId: SERVICE, organizationName: 'Demo org', serviceName: 'orders-analytics', serviceRegion: 'us-east-1' };

/** Endpoints go Provisioning → Ready after `readsUntilReady` reads; `loseNextCreate` drops the answer after creating. */
class FakeClickHouse {
  readonly endpoints: ReversePrivateEndpoint[] = [];
  readonly calls: string[] = [];
  loseNextCreate = false;
  private reads = new Map<string, number>();
  constructor(private readonly readsUntilReady = 1) {}

  listReversePrivateEndpoints = async (org: string, service: string) => {
    this.calls.push('list');
    assert.deepEqual([org, service], [ORG, SERVICE]);
    return this.endpoints.map((e) => ({ ...e }));
  };
  createReversePrivateEndpoint = async (_org: string, service: string, body: CreateRpeBody) => {
    this.calls.push('create');
    const rpe: ReversePrivateEndpoint = { id: `rpe-${this.endpoints.length + 1}`, serviceId: service, status: 'Provisioning', dnsNames: [], privateDnsNames: [], ...body };
    this.endpoints.push(rpe);
    if (this.loseNextCreate) {
      this.loseNextCreate = false;
      throw Object.assign(new Error('socket hang up'), { name: 'ECONNRESET' });
    }
    return { ...rpe };
  };
  getReversePrivateEndpoint = async (_org: string, _service: string, id: string) => {
    this.calls.push('get');
    const rpe = this.endpoints.find((e) => e.id === id)!;
    const n = (this.reads.get(id) ?? 0) + 1;
    this.reads.set(id, n);
    if (n >= this.readsUntilReady && rpe.status === 'Provisioning') Object.assign(rpe, { status: 'Ready', dnsNames: [`${id}.rsc.on.aws`] });
    return { ...rpe };
  };
  deleteReversePrivateEndpoint = async () => undefined;
}

const noWait = { sleep: async () => undefined };

function fullPlan(id = 'plan-ch-1') {
  return withClickhouseEndpoint(vpcResourcePlan({ id }), target);
}

describe('plans/executor with the ClickHouse Cloud backend', () => {
  it('sends AWS steps to AWS and the endpoint step to ClickHouse, with the AWS outputs in its body, and journals it', async () => {
    const aws = new FakeAws();
    const ch = new FakeClickHouse(2);
    const journal = new MemoryJournalStore();
    const plan = fullPlan();
    assert.deepEqual(plan.steps.map((s) => s.id), ['gateway', 'configuration', 'share', 'endpoint']);
    assert.deepEqual(plan.steps[3].input.body, {
      description: 'ClickPipes VPC_RESOURCE — VPC resource for ClickPipes', type: 'VPC_RESOURCE',
      vpcResourceConfigurationId: '${steps.configuration.id}', vpcResourceShareArn: '${steps.share.arn}',
    });
    const outcome = await applyPlan(plan, { call: aws.call, backends: { clickhouse: (_s, op, input) => clickhouseStepCall(async () => ch)(op, input) }, journal, ...noWait });
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    assert.ok(aws.calls.every((c) => c.service !== 'clickhouse'), 'no ClickHouse call reached AWS');
    assert.deepEqual(ch.calls, ['list', 'create', 'get', 'get']);
    assert.equal(ch.endpoints.length, 1);
    assert.equal(ch.endpoints[0].vpcResourceConfigurationId, outcome.outputs.configuration.id);
    assert.equal(ch.endpoints[0].vpcResourceShareArn, outcome.outputs.share.arn);
    const saved = await journal.load(plan.id);
    assert.equal(saved?.steps.endpoint.state, 'done');
    assert.equal(saved?.steps.endpoint.outputs.id, 'rpe-1');
    const results = Object.fromEntries(outcome.results.map((r) => [r.label, r.value]));
    assert.equal(results['DNS name'], 'rpe-1.rsc.on.aws');
    assert.equal(results['Reverse private endpoint ID'], 'rpe-1');
  });

  it('shows the state the wait ended in, not the create call\'s Provisioning', async () => {
    const ch = new FakeClickHouse(1);
    const plan = buildClickhouseEndpointPlan({ ...target, description: 'orders', type: 'VPC_RESOURCE', vpcResourceConfigurationId: 'rcfg-0123456789abcdef0', vpcResourceShareArn: 'arn:aws:ram:us-east-1:111122223333:resource-share/abc' },
      { planId: 'plan-ch-state', createdAt: '2026-11-23T18:00:00Z', profile: 'p', region: 'us-east-1' });
    const outcome = await applyPlan(plan, { call: new FakeAws().call, backends: { clickhouse: (_s, op, input) => clickhouseStepCall(async () => ch)(op, input) }, journal: new MemoryJournalStore(), ...noWait });
    assert.equal(outcome.status, 'succeeded');
    assert.equal(outcome.outputs.endpoint.status, 'Ready');
    assert.equal(outcome.results.find((r) => r.label === 'Endpoint status')?.value, 'Ready');
  });

  it('reuses an endpoint that already exists for the same resource configuration instead of creating a second', async () => {
    const aws = new FakeAws();
    const ch = new FakeClickHouse();
    const plan = fullPlan('plan-ch-reuse');
    // Run the AWS part first to learn the configuration id, then plant an endpoint for it.
    const backends = { clickhouse: (_s: string, op: string, input: Record<string, unknown>) => clickhouseStepCall(async () => ch)(op, input) };
    const journal = new MemoryJournalStore();
    const first = await applyPlan(plan, { call: aws.call, backends, journal, ...noWait, cancelled: () => aws.count('CreateResourceShare') > 0 });
    assert.equal(first.status, 'cancelled');
    ch.endpoints.push({ id: 'rpe-existing', serviceId: SERVICE, description: 'made by hand', type: 'VPC_RESOURCE', status: 'Ready',
      dnsNames: ['existing.rsc.on.aws'], privateDnsNames: [], vpcResourceConfigurationId: first.outputs.configuration.id, vpcResourceShareArn: first.outputs.share.arn });
    const second = await applyPlan(plan, { call: aws.call, backends, journal, ...noWait });
    assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
    assert.ok(!ch.calls.includes('create'), 'nothing created');
    assert.equal(second.outputs.endpoint.id, 'rpe-existing');
    assert.equal(ch.endpoints.length, 1);
  });

  it('a create whose answer was lost is found again on resume: exactly one endpoint', async () => {
    const aws = new FakeAws();
    const ch = new FakeClickHouse();
    ch.loseNextCreate = true;
    const backends = { clickhouse: (_s: string, op: string, input: Record<string, unknown>) => clickhouseStepCall(async () => ch)(op, input) };
    const journal = new MemoryJournalStore();
    const plan = fullPlan('plan-ch-lost');
    const first = await applyPlan(plan, { call: aws.call, backends, journal, ...noWait });
    assert.equal(first.status, 'failed');
    assert.equal(first.failure?.stepId, 'endpoint');
    assert.ok(first.failure?.error.retryable);
    const second = await applyPlan(plan, { call: aws.call, backends, journal, ...noWait });
    assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
    assert.deepEqual(second.ran, ['endpoint']);
    assert.equal(ch.endpoints.length, 1);
    assert.equal(aws.count('CreateResourceShare'), 1);
  });

  it('without a ClickHouse backend (signed out) the step fails in plain words, the AWS steps stay done', async () => {
    const aws = new FakeAws();
    const plan = fullPlan('plan-ch-missing');
    const outcome = await applyPlan(plan, { call: aws.call, journal: new MemoryJournalStore(), ...noWait });
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.failure?.stepId, 'endpoint');
    assert.match(outcome.failure!.error.text, /Sign in to ClickHouse Cloud/);
    assert.equal(outcome.created.length, 3);
  });

  it('the signed-out backend refuses with the sign-in hint', async () => {
    const call = clickhouseStepCall(async () => undefined);
    await assert.rejects(call('CreateReversePrivateEndpoint', { organizationId: ORG, serviceId: SERVICE, body: {} }), /Sign in to ClickHouse Cloud/);
  });
});

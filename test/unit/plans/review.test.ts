import * as assert from 'node:assert/strict';
import { buildVpcResourcePlan } from '../../../src/model/builders';
import { buildClickhouseEndpointPlan, withClickhouseEndpoint } from '../../../src/model/builders/clickhouseEndpoint';
import type { Plan } from '../../../src/model/plan';
import { confirmationText } from '../../../src/plans/confirm';
import { checkPlanText, dotPathToSegments, schemaDescription } from '../../../src/plans/planValidation';
import { isMutating, locate, parsePlanText } from '../../../src/plans/planText';
import { parseJsonTree, pathAt } from '../../../src/plans/jsonTree';

function builtPlan(): Plan {
  return buildVpcResourcePlan({
    gatewayMode: 'new', gatewayName: 'orders-gateway', vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'], securityGroupIds: ['sg-0123456789abcdef0'],
    ipAddressType: 'IPV4', configurationName: 'orders-config', configurationType: 'ARN', definitionKind: 'arn',
    arn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders', shareName: 'orders-share', allowExternalPrincipals: true,
  }, { planId: 'vpcres-1', createdAt: '2026-11-23T18:00:00.000Z', profile: 'demo', region: 'us-east-1', accountId: '123456789012' });
}

const text = (plan: unknown) => JSON.stringify(plan, null, 2);

describe('plans/review: the plan tab text', () => {
  it("accepts the builder's plan as written", () => {
    const { plan, problems } = checkPlanText(text(builtPlan()));
    assert.deepEqual(problems, []);
    assert.equal(plan?.id, 'vpcres-1');
  });

  it('locates a JSON syntax error', () => {
    const t = text(builtPlan()).replace('"kind": "vpcResource",', '"kind": "vpcResource"');
    const { plan, problems } = checkPlanText(t);
    assert.equal(plan, undefined);
    assert.match(problems[0].message, /Not valid JSON/);
    assert.ok(problems[0].offset > 0);
  });

  const edits: [string, (p: any) => void, RegExp][] = [
    ['a step that refers to a later step', (p) => (p.steps[0].input.vpcIdentifier = '${steps.share.arn}'), /runs later/],
    ['a misspelled step reference', (p) => (p.steps[2].input.resourceArns = ['${steps.configurtion.arn}']), /unknown step "configurtion"/],
    ['a duplicate step id', (p) => (p.steps[1].id = 'gateway'), /used twice/],
    ['a waitFor that writes', (p) => (p.steps[0].waitFor.operation = 'DeleteResourceGateway'), /read operation/],
    ['a skipIf that writes', (p) => (p.steps[0].skipIf = { operation: 'CreateResourceGateway', input: {} }), /read operation/],
    ['an existsError that adopts through a write', (p) => (p.steps[0].existsError = { code: 'ConflictException', adopt: { operation: 'CreateResourceGateway', input: {}, list: 'items', match: { name: 'x' } } }), /read operation/],
    ['an existsError whose check writes', (p) => (p.steps[0].existsError = { code: 'ConflictException', adopt: { operation: 'ListResourceGateways', input: {}, list: 'items', match: { name: 'x' }, same: { operation: 'DeleteResourceGateway', input: {}, path: 'a', equals: 'b' } } }), /read operation/],
    ['an unknown service', (p) => (p.steps[0].service = 's3'), /service/],
    ['no steps', (p) => (p.steps = []), /steps/],
    ['a bad account id', (p) => (p.accountId = '12345'), /12/],
    ['a plan id that is a path', (p) => (p.id = '../../etc/passwd'), /plan id|id/],
    ['input that is not an object', (p) => (p.steps[1].input = 'x'), /input/],
  ];
  for (const [name, edit, message] of edits) {
    it(`blocks ${name}, located in the text`, () => {
      const p = builtPlan() as any;
      edit(p);
      const t = text(p);
      const { plan, problems } = checkPlanText(t);
      assert.equal(plan, undefined, 'blocked');
      const problem = problems.find((x) => message.test(x.message));
      assert.ok(problem, `expected ${message} in ${JSON.stringify(problems.map((x) => x.message))}`);
      assert.ok(problem.offset >= 0 && problem.offset < t.length);
    });
  }

  it('warns (without blocking) when a writing operation is marked not mutating, and still lists it', () => {
    const p = builtPlan();
    p.steps[2].mutating = false;
    const { plan, problems } = checkPlanText(text(p));
    assert.ok(plan, 'a warning does not block');
    assert.equal(problems[0].severity, 'warning');
    assert.ok(isMutating(p.steps[2]));
    assert.equal(confirmationText(p, '123456789012', undefined).calls.length, 3);
  });

  it('locates a missing key at its parent property and a path as segments', () => {
    const t = '{\n  "a": { "b": 1 }\n}';
    const root = parseJsonTree(t).root;
    const at = locate(root, ['a', 'missing']);
    assert.deepEqual(pathAt(root!, t.indexOf('1')), ['a', 'b']);
    assert.equal(t.slice(at.offset, at.offset + at.length), '"a"');
    assert.deepEqual(dotPathToSegments('steps.1.input.name'), ['steps', 1, 'input', 'name']);
    assert.deepEqual(parsePlanText('[]').problems.map((x) => x.message), ['The plan must be a JSON object.']);
  });

  it('hover text comes from the JSON Schema', () => {
    assert.match(schemaDescription(['steps', 0, 'clientTokenField']) ?? '', /idempotency/);
    assert.equal(schemaDescription(['nope']), undefined);
  });
});

describe('plans/confirm: the modal text', () => {
  it('names account, region, profile and every mutating call in order', () => {
    const c = confirmationText(builtPlan(), '123456789012', undefined);
    assert.match(c.message, /^Apply ".*" in account 123456789012 \(us-east-1\)\?$/);
    assert.match(c.detail, /Account 123456789012, region us-east-1, profile demo\./);
    assert.deepEqual(c.calls.map((x) => x.split(' — ')[0]), ['vpc-lattice CreateResourceGateway', 'vpc-lattice CreateResourceConfiguration', 'ram CreateResourceShare']);
    assert.match(c.detail, /1\. vpc-lattice CreateResourceGateway/);
  });

  it('says what a resume skips and what it still waits for', () => {
    const journal = { planId: 'vpcres-1', title: 't', profile: 'demo', region: 'us-east-1', startedAt: '', updatedAt: '', steps: {
      gateway: { state: 'done' as const, outputs: { id: 'rgw-1' }, at: '' },
      configuration: { state: 'created' as const, outputs: { id: 'rcfg-1' }, at: '' },
    } };
    const c = confirmationText(builtPlan(), '123456789012', journal);
    assert.match(c.message, /^Resume applying/);
    assert.match(c.detail, /Already done in an earlier apply \(skipped\): Create resource gateway/);
    assert.match(c.detail, /still to wait for: Create resource configuration/);
    assert.equal(c.calls.length, 2);
  });

  it('with a ClickHouse Cloud step, names the organization and service too, with that call apart from the AWS ones', () => {
    const plan = withClickhouseEndpoint(builtPlan(), { organizationId: 'org-1', serviceId: 'svc-1', organizationName: 'Acme', serviceName: 'orders-analytics', serviceRegion: 'us-east-1' });
    const c = confirmationText(plan, '123456789012', undefined);
    assert.match(c.message, /^Apply ".*" in account 123456789012 \(us-east-1\)\?$/);
    assert.match(c.detail, /Account 123456789012, region us-east-1, profile demo\./);
    assert.match(c.detail, /ClickHouse Cloud organization \/ service: Acme \/ orders-analytics \(us-east-1\)\./);
    assert.match(c.detail, /These calls change your AWS account:\n1\. vpc-lattice CreateResourceGateway[\s\S]*3\. ram CreateResourceShare[^\n]*\nThese calls change your ClickHouse Cloud service:\n4\. clickhouse CreateReversePrivateEndpoint/);
    const only = buildClickhouseEndpointPlan({ organizationId: 'org-1', serviceId: 'svc-1', organizationName: 'Acme', serviceName: 'orders-analytics', description: 'x', type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' },
      { planId: 'ch-1', createdAt: '2026-11-23T18:00:00.000Z', profile: 'none', region: 'us-east-1' });
    const d = confirmationText(only, '', undefined);
    assert.equal(d.message, 'Apply "ClickHouse Cloud reverse private endpoint: x" in ClickHouse Cloud Acme / orders-analytics?');
    assert.doesNotMatch(d.detail, /Account|profile/);
  });
});

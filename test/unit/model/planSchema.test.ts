import * as assert from 'node:assert/strict';
import { buildVpcResourcePlan } from '../../../src/model/builders';
import type { Plan } from '../../../src/model/plan';
import { PLAN_JSON_SCHEMA, validatePlan } from '../../../src/model/planSchema';
import { ctx, vpcForm } from './fixtures';

const base = (): Plan => JSON.parse(JSON.stringify(buildVpcResourcePlan(vpcForm, ctx)));
const edit = (f: (p: Plan & Record<string, any>) => void) => {
  const p = base() as Plan & Record<string, any>;
  f(p);
  return validatePlan(p);
};

describe('planSchema', () => {
  it('a built plan is valid', () => assert.deepEqual(validatePlan(base()), []));

  it('schema names every top-level field a plan has', () => {
    assert.deepEqual(Object.keys(PLAN_JSON_SCHEMA.properties).sort(), [...Object.keys(base()), 'meta', 'unchanged'].sort());
  });

  it('unchanged, when present, is a list of strings', () => {
    assert.deepEqual(edit((p) => { p.unchanged = ['Resource gateway rgw-1: existing, used as it is']; }), []);
    assert.deepEqual(edit((p) => { (p as Record<string, unknown>).unchanged = 'gateway'; }), [{ path: 'unchanged', message: 'unchanged must be a list of strings.' }]);
  });

  it('rejects non-objects and empty steps', () => {
    assert.deepEqual(validatePlan([]), [{ path: '', message: 'The plan must be a JSON object.' }]);
    assert.deepEqual(edit((p) => { p.steps = []; }), [{ path: 'steps', message: 'steps must be a non-empty list.' }]);
  });

  const cases: [string, (p: Plan & Record<string, any>) => void, { path: string; message: string }[]][] = [
    ['dangling reference to an unknown step', (p) => { p.steps[2].input.resourceArns = ['${steps.config.arn}']; },
      [{ path: 'steps.2.input.resourceArns.0', message: '${steps.config.arn} refers to an unknown step "config".' }]],
    ['forward reference', (p) => { p.steps[1].input.name = '${steps.share.arn}'; },
      [{ path: 'steps.1.input.name', message: '${steps.share.arn} refers to step "share", which runs later; only earlier steps\' outputs can be used.' }]],
    ['reference to its own output in the input', (p) => { p.steps[0].input.name = '${steps.gateway.id}'; },
      [{ path: 'steps.0.input.name', message: '${steps.gateway.id} refers to step "gateway", which runs in this same step; only earlier steps\' outputs can be used.' }]],
    ['reference to a missing output', (p) => { p.steps[1].input.resourceGatewayIdentifier = '${steps.gateway.gatewayId}'; },
      [{ path: 'steps.1.input.resourceGatewayIdentifier', message: '${steps.gateway.gatewayId}: step "gateway" has no output "gatewayId" (it has: id, arn).' }]],
    ['result refers to a missing output', (p) => { p.results['Resource share ARN'] = '${steps.share.resourceShareArn}'; },
      [{ path: 'results.Resource share ARN', message: '${steps.share.resourceShareArn}: step "share" has no output "resourceShareArn" (it has: arn, status).' }]],
    ['waitFor may use its own step outputs, but not unknown ones', (p) => { p.steps[0].waitFor!.input.resourceGatewayIdentifier = '${steps.gateway.name}'; },
      [{ path: 'steps.0.waitFor.input.resourceGatewayIdentifier', message: '${steps.gateway.name}: step "gateway" has no output "name" (it has: id, arn).' }]],
    ['bad gateway name', (p) => { p.steps[0].input.name = 'rgw-bad'; },
      [{ path: 'steps.0.input.name', message: 'Resource gateway name must not start with "rgw-".' }]],
    ['bad configuration name', (p) => { p.steps[1].input.name = 'My Config'; },
      [{ path: 'steps.1.input.name', message: 'Resource configuration name may contain only lowercase letters, digits and hyphens.' }]],
    ['bad VPC id', (p) => { p.steps[0].input.vpcIdentifier = 'vpc-xyz'; },
      [{ path: 'steps.0.input.vpcIdentifier', message: 'VPC ID must be "vpc-" followed by 8 or 17 lowercase hex characters (got "vpc-xyz").' }]],
    ['bad subnet list', (p) => { p.steps[0].input.subnetIds = []; },
      [{ path: 'steps.0.input.subnetIds', message: 'Subnets: choose at least one.' }]],
    ['subnets not a list', (p) => { p.steps[0].input.subnetIds = 'subnet-0123abcd'; },
      [{ path: 'steps.0.input.subnetIds', message: 'subnetIds must be a list of strings.' }]],
    ['bad port range', (p) => { p.steps[1].input.portRanges = ['5432-80']; },
      [{ path: 'steps.1.input.portRanges', message: 'Port range "5432-80": the first port must not be greater than the last.' }]],
    ['bad ARN definition', (p) => { p.steps[1].input.resourceConfigurationDefinition = { arnResource: { arn: 'arn:aws:rds:us-east-1:123456789012:snapshot:x' } }; },
      [{ path: 'steps.1.input.resourceConfigurationDefinition.arnResource.arn', message: 'RDS ARN must look like arn:aws:rds:<region>:<12-digit account>:cluster:<name> or …:db:<name>.' }]],
    ['share without the ClickPipes principal', (p) => { p.steps[2].input.principals = ['111122223333']; },
      [{ path: 'steps.2.input.principals', message: 'Principals must include the ClickPipes account 072088201116.' }]],
    ['share without external principals', (p) => { p.steps[2].input.allowExternalPrincipals = false; },
      [{ path: 'steps.2.input.allowExternalPrincipals', message: 'allowExternalPrincipals must be true: the ClickPipes account is outside your organization.' }]],
    ['duplicate step id', (p) => { p.steps[2].id = 'configuration'; delete p.steps[2].waitFor; p.results = {}; },
      [{ path: 'steps.2.id', message: 'Step id "configuration" is used twice.' }]],
    ['unknown service and bad operation', (p) => { p.steps[2].service = 's3' as any; p.steps[2].operation = 'create-resource-share'; },
      [
        { path: 'steps.2.service', message: 'Service must be one of vpc-lattice, ram, kafka, ec2, iam, rds, elbv2, sts, clickhouse.' },
        { path: 'steps.2.operation', message: 'Operation must be an SDK command name such as CreateResourceGateway.' },
      ]],
    ['bad region and schema version', (p) => { p.region = 'moon-1'; p.schemaVersion = 2 as any; },
      [
        { path: 'schemaVersion', message: 'schemaVersion must be 1.' },
        { path: 'region', message: 'Region must be an AWS region code such as us-east-1 (got "moon-1").' },
      ]],
    ['bad waitFor', (p) => { p.steps[0].waitFor!.success = []; p.steps[0].waitFor!.timeoutSeconds = 0; },
      [
        { path: 'steps.0.waitFor.success', message: 'waitFor.success must list at least one status.' },
        { path: 'steps.0.waitFor.timeoutSeconds', message: 'waitFor.timeoutSeconds must be a positive number.' },
      ]],
    ['mutating missing and outputs not strings', (p) => { delete (p.steps[0] as any).mutating; (p.steps[2] as any).outputs = { arn: 1 }; p.results = {}; },
      [
        { path: 'steps.0.mutating', message: 'mutating must be true or false.' },
        { path: 'steps.2.outputs', message: 'outputs must map names to dot paths.' },
      ]],
  ];

  for (const [name, change, expected] of cases) it(`catches: ${name}`, () => assert.deepEqual(edit(change), expected));

  it('checks IAM, MSK and endpoint-service fields too', () => {
    const plan: Plan = {
      ...base(),
      steps: [
        { id: 'role', title: 'r', service: 'iam', operation: 'CreateRole', input: { RoleName: 'bad/name', AssumeRolePolicyDocument: '{' }, outputs: { arn: 'Role.Arn' }, mutating: true },
        { id: 'msk', title: 'm', service: 'kafka', operation: 'PutClusterPolicy', input: { ClusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/x', Policy: '{"Statement":[]}' }, outputs: {}, mutating: true },
        { id: 'svc', title: 's', service: 'ec2', operation: 'CreateVpcEndpointServiceConfiguration', input: { NetworkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/a/0123456789abcdef'], SupportedRegions: ['mars-1'] }, outputs: {}, mutating: true },
      ],
      results: { 'IAM role ARN': '${steps.role.arn}' },
    };
    assert.deepEqual(validatePlan(plan), [
      { path: 'steps.0.input.RoleName', message: 'IAM role name may contain only letters, digits and +=,.@_- characters.' },
      { path: 'steps.0.input.AssumeRolePolicyDocument', message: validatePlan(plan)[1].message },
      { path: 'steps.1.input.ClusterArn', message: 'MSK cluster ARN must look like arn:aws:kafka:<region>:<12-digit account>:cluster/<name>/<uuid>.' },
      { path: 'steps.1.input.Policy', message: 'Policy has no statements.' },
      { path: 'steps.2.input.NetworkLoadBalancerArns', message: "Network Load Balancer ARN: the load balancer is in us-west-2, not in the service's region us-east-1." },
      { path: 'steps.2.input.SupportedRegions', message: 'Region must be an AWS region code such as us-east-1 (got "mars-1").' },
    ]);
    assert.match(validatePlan(plan)[1].message, /^The policy is not valid JSON/);
  });

  it('existsError: a code, and an adoption by a list read matched on values, checked on a read of the item', () => {
    const adopt = { operation: 'ListResourceGateways', input: {}, list: 'items', match: { name: 'x' }, same: { operation: 'GetResourceGateway', input: { resourceGatewayIdentifier: 'id' }, path: 'status', equals: 'ACTIVE' } };
    assert.deepEqual(edit((p) => { p.steps[0].existsError = { code: 'ConflictException', adopt }; }), []);
    assert.deepEqual(edit((p) => { p.steps[0].existsError = { code: 'InvalidPermission.Duplicate' }; }), []);
    assert.deepEqual(edit((p) => { p.steps[0].existsError = { code: '' }; }), [{ path: 'steps.0.existsError.code', message: 'existsError.code must be the AWS error code that means it already exists.' }]);
    assert.deepEqual(edit((p) => { p.steps[0].existsError = { code: 'C', adopt: { ...adopt, match: {} } }; }),
      [{ path: 'steps.0.existsError.adopt', message: 'existsError.adopt must be { operation, input, list, match (at least one field → value), same? }.' }]);
    assert.deepEqual(edit((p) => { p.steps[0].existsError = { code: 'C', adopt: { ...adopt, same: { ...adopt.same, equals: 1 as unknown as string } } }; }),
      [{ path: 'steps.0.existsError.adopt.same', message: 'existsError.adopt.same must be { operation, input (field → dot path), path, equals, base64? }.' }]);
  });
});

// validateForm (src/model/validation.ts) is called with whatever a sender put in a message, and
// the ClickHouse flow calls it without a shape guard in front. Found by the fuzz test (seed
// 20261123, form input #354; seed 7, #259; seed 12345, #469): an object whose toString is not callable made it THROW, and an
// array holding a valid id was coerced by String() into that id and accepted. Fixed in `str`.
import * as assert from 'node:assert/strict';
import type { FormKind } from '../../src/model/forms';
import { validateForm } from '../../src/model/formValidation';

const HOSTILE: [string, unknown][] = [
  ['object with a non-callable toString', { toString: 'nope' }],
  ['null-prototype object', Object.create(null)],
  ['array', ['x']],
  ['nested object', { a: { b: [1] } }],
  ['function', () => 'x'],
  ['symbol-free number', 42],
];
const FIELDS: Record<FormKind, string[]> = {
  vpcResource: ['gatewayName', 'vpcId', 'gatewayId', 'configurationName', 'groupId', 'arn', 'ipAddress', 'domainName', 'shareName'],
  mskMultiVpc: ['clusterArn'],
  endpointService: ['serviceId', 'privateDnsName'],
  iamDbAuth: ['databaseId', 'resourceId', 'engine', 'region', 'account', 'clickhouseRoleArn', 'dbUser', 'roleName'],
  clickhouseEndpoint: ['organizationId', 'serviceId', 'description', 'vpcEndpointServiceName', 'vpcResourceConfigurationId', 'vpcResourceShareArn', 'mskClusterArn'],
};
const TYPES: Record<FormKind, Record<string, unknown>> = {
  vpcResource: { gatewayMode: 'new', configurationType: 'SINGLE', definitionKind: 'dns' },
  mskMultiVpc: {},
  endpointService: { mode: 'existing' },
  iamDbAuth: { databaseKind: 'cluster' },
  clickhouseEndpoint: { type: 'VPC_RESOURCE' },
};

describe('resilience: validateForm never throws on hostile values and never coerces them into valid text', () => {
  for (const kind of Object.keys(FIELDS) as FormKind[]) {
    it(`${kind}: every text field × ${HOSTILE.length} hostile values`, () => {
      for (const field of FIELDS[kind]) {
        for (const [what, value] of HOSTILE) {
          assert.doesNotThrow(() => validateForm(kind, { ...TYPES[kind], [field]: value }), `${kind}.${field} = ${what}`);
        }
      }
    });
  }

  it('context fields (VPC CIDRs, region, cluster auth, auth choice) with hostile values', () => {
    for (const [what, value] of HOSTILE) {
      assert.doesNotThrow(() => validateForm('vpcResource', { gatewayMode: 'new', configurationType: 'SINGLE', definitionKind: 'ip', ipAddress: '10.0.0.5', vpcCidrs: value }), `vpcCidrs = ${what}`);
      assert.doesNotThrow(() => validateForm('vpcResource', { gatewayMode: 'new', configurationType: 'SINGLE', definitionKind: 'ip', ipAddress: '10.0.0.5', vpcCidrs: [value] }), `vpcCidrs = [${what}]`);
      assert.doesNotThrow(() => validateForm('endpointService', { mode: 'new', networkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/a/0123456789abcdef'], supportedRegions: ['eu-central-1'], region: value }), `region = ${what}`);
      assert.doesNotThrow(() => validateForm('mskMultiVpc', { clusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/a/b', auth: value, clusterAuth: value }), `auth = ${what}`);
      assert.doesNotThrow(() => validateForm('mskMultiVpc', { clusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/a/b', auth: { iam: value, scram: value }, clusterAuth: { iam: value } }), `auth.iam = ${what}`);
    }
  });

  it('values that are not an object at all (seed 7, form input #259: null made it throw)', () => {
    for (const kind of Object.keys(FIELDS) as FormKind[]) {
      for (const [what, value] of [['null', null], ['undefined', undefined], ['a string', 'x'], ['a number', 1], ['an array', []]] as [string, unknown][]) {
        let errors: Record<string, string> = {};
        assert.doesNotThrow(() => (errors = validateForm(kind, value as never)), `${kind}: ${what}`);
        assert.ok(Object.keys(errors).length > 0, `${kind}: ${what} is refused`);
      }
    }
  });

  it('an object or a list of objects where text belongs is refused by name (seed 12345, form input #469: the builder threw on it)', () => {
    const base = { organizationId: '0b5e7d2a-0000-4000-8000-000000000001', serviceId: '0b5e7d2a-0000-4000-8000-000000000002', type: 'VPC_RESOURCE',
      vpcResourceConfigurationId: 'rcfg-0123456789abcdef0', vpcResourceShareArn: 'arn:aws:ram:us-east-1:123456789012:resource-share/0b5e7d2a-0000-4000-8000-000000000003' };
    assert.deepEqual(validateForm('clickhouseEndpoint', { ...base, description: 'ok' }), {});
    for (const bad of [{ toString: 'x' }, { a: 1 }, [{ a: 1 }], [1, 2], new Date(0)]) {
      assert.match(validateForm('clickhouseEndpoint', { ...base, description: bad }).description ?? '', /unexpected value/, JSON.stringify(bad));
    }
    // MSK auth flags stay a valid shape.
    assert.equal(validateForm('mskMultiVpc', { clusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/a/b', auth: { iam: true, scram: false } }).auth, undefined);
  });

  it('an array holding a valid id is not taken for the id', () => {
    const errors = validateForm('clickhouseEndpoint', {
      organizationId: ['0b5e7d2a-0000-4000-8000-000000000001'], serviceId: '0b5e7d2a-0000-4000-8000-000000000002', description: 'x',
      type: 'VPC_RESOURCE', vpcResourceConfigurationId: ['rcfg-0123456789abcdef0'],
      vpcResourceShareArn: 'arn:aws:ram:us-east-1:123456789012:resource-share/0b5e7d2a-0000-4000-8000-000000000003',
    });
    assert.ok(errors.organizationId, 'organizationId refused');
    assert.ok(errors.vpcResourceConfigurationId, 'vpcResourceConfigurationId refused');
  });
});

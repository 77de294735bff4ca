import * as assert from 'node:assert/strict';
import {
  bodyFromPlan, buildCreateBody, connectionAddress, endpointRegion, explainRpeStatus, isRpeAwaitingAcceptance,
  isRpeInTransition, isValidPort, parseCreateBody, regionWarning, rpeStatusIcon, rpeTypeForPlan, toReversePrivateEndpoint,
  validateCreateBody, valuesFromResults,
} from '../../../src/model/clickhouse';
import { buildMskTeardownPlan } from '../../../src/model/mskTeardownPlan';

const RCFG = 'rcfg-0123456789abcdef0';
const SHARE = 'arn:aws:ram:us-east-1:111122223333:resource-share/7ab63972-b505-4a2a-a0d2-1f4a8e1b2c3d';
const MSK = 'arn:aws:kafka:eu-central-1:111122223333:cluster/orders/3f0c8d2e-1111-2222-3333-444455556666-2';
const SVC = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';

describe('clickhouse model: create body', () => {
  it('builds a VPC_RESOURCE body from a plan, recognising values by shape', () => {
    const r = bodyFromPlan({ kind: 'vpcResource', title: 'orders-db' }, {
      'Resource configuration ID': RCFG, 'Resource share ARN': SHARE, 'Gateway': 'rgw-0123456789abcdef0',
    });
    assert.ok('body' in r, JSON.stringify(r));
    assert.deepEqual(r.body, {
      description: 'ClickPipes VPC_RESOURCE — orders-db', type: 'VPC_RESOURCE',
      vpcResourceConfigurationId: RCFG, vpcResourceShareArn: SHARE,
    });
  });

  it('builds an MSK_MULTI_VPC body; the auth comes from the results or an override', () => {
    const fromResults = bodyFromPlan({ kind: 'mskMultiVpc', title: 'orders' }, { 'Cluster ARN': MSK, 'Authentication': 'SASL_SCRAM' });
    assert.ok('body' in fromResults);
    assert.equal(fromResults.body.mskAuthentication, 'SASL_SCRAM');
    const missing = bodyFromPlan({ kind: 'mskMultiVpc', title: 'orders' }, { 'Cluster ARN': MSK });
    assert.ok('errors' in missing);
    assert.match(missing.errors.join(), /SASL_IAM or SASL_SCRAM/);
    const chosen = bodyFromPlan({ kind: 'mskMultiVpc', title: 'orders' }, { 'Cluster ARN': MSK }, { mskAuthentication: 'SASL_IAM' });
    assert.ok('body' in chosen);
    assert.deepEqual(Object.keys(chosen.body).sort(), ['description', 'mskAuthentication', 'mskClusterArn', 'type']);
  });

  it('builds a VPC_ENDPOINT_SERVICE body with only the service name', () => {
    const r = bodyFromPlan({ kind: 'endpointService', title: 'nlb' }, { 'Service name': SVC, 'Service ID': 'vpce-svc-0123456789abcdef0' });
    assert.ok('body' in r);
    assert.deepEqual(r.body, { description: 'ClickPipes VPC_ENDPOINT_SERVICE — nlb', type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: SVC });
  });

  it('refuses plans that make no endpoint and plans missing a value', () => {
    assert.ok('errors' in bodyFromPlan({ kind: 'iamDbAuth', title: 'x' }, {}));
    const r = bodyFromPlan({ kind: 'vpcResource', title: 'x' }, { 'Resource configuration ID': RCFG });
    assert.ok('errors' in r);
    assert.match(r.errors.join(), /resource share ARN is required/);
  });

  it('offers no endpoint after a teardown plan (it removes ClickPipes) nor after a plan that already creates one', () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::072088201116:root' }, Action: ['kafka:CreateVpcConnection'], Resource: MSK }] });
    const teardown = buildMskTeardownPlan({ clusterArn: MSK, policy: { currentVersion: 'K1', document: policy } },
      { planId: 'p', createdAt: '2026-01-01T00:00:00Z', profile: 'p', region: 'eu-central-1' });
    assert.ok('plan' in teardown);
    assert.equal(rpeTypeForPlan(teardown.plan), undefined);
    const r = bodyFromPlan(teardown.plan, { 'MSK cluster ARN': MSK, Authentication: 'SASL_IAM' });
    assert.ok('errors' in r, 'no endpoint body for a teardown');
    const withStep = { kind: 'mskMultiVpc' as const, steps: [{ service: 'clickhouse' } as never] };
    assert.equal(rpeTypeForPlan(withStep), undefined);
    assert.equal(rpeTypeForPlan({ kind: 'mskMultiVpc', steps: [] }), 'MSK_MULTI_VPC');
  });

  it('validates each field per type and the description length', () => {
    assert.deepEqual(validateCreateBody({ type: 'VPC_RESOURCE', description: 'd', vpcResourceConfigurationId: RCFG, vpcResourceShareArn: SHARE }), {});
    const bad = validateCreateBody({ type: 'VPC_RESOURCE', description: 'x'.repeat(256), vpcResourceConfigurationId: 'cfg-1', vpcResourceShareArn: 'arn:aws:iam::1:role/x' });
    assert.deepEqual(Object.keys(bad).sort(), ['description', 'vpcResourceConfigurationId', 'vpcResourceShareArn']);
    assert.ok(validateCreateBody({ type: 'MSK_MULTI_VPC', description: 'd', mskClusterArn: MSK, mskAuthentication: 'TLS' }).mskAuthentication);
    assert.ok(validateCreateBody({ type: 'VPC_ENDPOINT_SERVICE', description: 'd', vpcEndpointServiceName: 'vpce-svc-123' }).vpcEndpointServiceName);
    assert.ok(validateCreateBody({ type: 'GCP_PSC_SERVICE_ATTACHMENT' as never, description: 'd' }).type);
    assert.ok(validateCreateBody({ type: 'VPC_ENDPOINT_SERVICE', description: '  ', vpcEndpointServiceName: SVC }).description);
  });

  it('drops fields that do not belong to the type', () => {
    const body = buildCreateBody({ type: 'VPC_ENDPOINT_SERVICE', description: ' d ', vpcEndpointServiceName: SVC, mskClusterArn: MSK });
    assert.deepEqual(body, { type: 'VPC_ENDPOINT_SERVICE', description: 'd', vpcEndpointServiceName: SVC });
  });

  it('parses a reviewed JSON document and reports bad edits', () => {
    assert.ok('body' in parseCreateBody(JSON.stringify({ type: 'VPC_ENDPOINT_SERVICE', description: 'd', vpcEndpointServiceName: SVC })));
    const notJson = parseCreateBody('{ "type": ');
    assert.ok('errors' in notJson && /not valid JSON/.test(notJson.errors[0]));
    assert.ok('errors' in parseCreateBody('[]'));
    const bad = parseCreateBody(JSON.stringify({ type: 'MSK_MULTI_VPC', description: 'd', mskClusterArn: MSK }));
    assert.ok('errors' in bad && bad.errors[0].startsWith('mskAuthentication:'));
  });

  it('reads the endpoint region from the ARN or service name', () => {
    assert.equal(endpointRegion({ vpcResourceShareArn: SHARE }), 'us-east-1');
    assert.equal(endpointRegion({ mskClusterArn: MSK }), 'eu-central-1');
    assert.equal(endpointRegion({ vpcEndpointServiceName: SVC }), 'us-east-1');
    assert.equal(endpointRegion({}), undefined);
  });

  it('ignores unrelated values when recognising results', () => {
    assert.deepEqual(valuesFromResults({ a: 'hello', b: '' }), {});
    assert.equal(valuesFromResults({ 'Auth type': 'IAM' }).mskAuthentication, 'SASL_IAM');
  });
});

describe('clickhouse model: region warning', () => {
  const eu = { name: 'eu', region: 'eu-central-1', provider: 'aws' };
  it('notes that same-region-only types do not connect across regions', () => {
    assert.match(regionWarning('VPC_RESOURCE', 'us-east-1', eu) ?? '', /same-region only/);
    assert.match(regionWarning('MSK_MULTI_VPC', 'us-east-1', eu) ?? '', /same-region only/);
  });
  it('only notes supported regions for an endpoint service, and is silent in-region', () => {
    assert.match(regionWarning('VPC_ENDPOINT_SERVICE', 'us-east-1', eu) ?? '', /supported regions/);
    assert.equal(regionWarning('VPC_RESOURCE', 'eu-central-1', eu), undefined);
  });
  it('warns about a non-AWS service', () => {
    assert.match(regionWarning('VPC_RESOURCE', 'eu-central-1', { ...eu, provider: 'gcp' }) ?? '', /need an AWS service/);
  });
});

describe('clickhouse model: status', () => {
  it('polls only Provisioning and Deleting', () => {
    assert.equal(isRpeInTransition('Provisioning'), true);
    assert.equal(isRpeInTransition('Deleting'), true);
    for (const s of ['Ready', 'Failed', 'PendingAcceptance', 'Rejected', 'Expired', 'Unknown', undefined]) assert.equal(isRpeInTransition(s), false, String(s));
  });
  it('PendingAcceptance waits on a person and says how to accept', () => {
    assert.equal(isRpeAwaitingAcceptance('PendingAcceptance'), true);
    assert.match(explainRpeStatus('PendingAcceptance'), /Accept/);
    assert.equal(rpeStatusIcon('PendingAcceptance').icon, 'bell-dot');
  });
  it('maps every status to an icon and an explanation', () => {
    assert.equal(rpeStatusIcon('Ready').icon, 'pass-filled');
    assert.match(rpeStatusIcon('Provisioning').icon, /~spin$/);
    assert.equal(rpeStatusIcon('Failed').icon, 'error');
    for (const s of ['Failed', 'Rejected', 'Expired', 'Ready', 'Deleting', 'Unknown']) assert.ok(explainRpeStatus(s).length > 10);
    assert.match(explainRpeStatus('Failed', 'VPC_RESOURCE'), /\/28/);
  });
});

describe('clickhouse model: connection address', () => {
  const rpe = toReversePrivateEndpoint({
    id: '1', dnsNames: ['vpce-0a-x.rcfg-0b.4k8p.vpc-lattice-rsc.us-east-1.on.aws'],
  });
  it('appends the source port to the DNS name', () => {
    assert.equal(connectionAddress(rpe, 'postgres'), 'vpce-0a-x.rcfg-0b.4k8p.vpc-lattice-rsc.us-east-1.on.aws:5432');
    assert.equal(connectionAddress(rpe, 'mysql'), 'vpce-0a-x.rcfg-0b.4k8p.vpc-lattice-rsc.us-east-1.on.aws:3306');
    assert.equal(connectionAddress(rpe, 6432), 'vpce-0a-x.rcfg-0b.4k8p.vpc-lattice-rsc.us-east-1.on.aws:6432');
  });
  it('prefers the private DNS name and is undefined without any name', () => {
    assert.equal(connectionAddress({ dnsNames: ['a.example'], privateDnsNames: ['db.internal'] }, 'postgres'), 'db.internal:5432');
    assert.equal(connectionAddress({ dnsNames: [], privateDnsNames: [] }, 'postgres'), undefined);
  });
  it('gives Kafka a bootstrap string, MSK own string first', () => {
    const msk = { dnsNames: ['b-1.orders.abc.c2.kafka.eu-central-1.amazonaws.com', 'b-2.orders.abc.c2.kafka.eu-central-1.amazonaws.com'], privateDnsNames: [] };
    assert.equal(connectionAddress(msk, 'kafka'),
      'b-1.orders.abc.c2.kafka.eu-central-1.amazonaws.com:14001,b-2.orders.abc.c2.kafka.eu-central-1.amazonaws.com:14002');
    assert.equal(connectionAddress(msk, 'kafka', 'x:14001'), 'x:14001');
  });
  it('validates ports', () => {
    assert.equal(isValidPort('5432'), true);
    for (const p of ['0', '65536', '54a', '', '-1']) assert.equal(isValidPort(p), false, p);
  });
  it('normalises API objects with missing arrays', () => {
    const r = toReversePrivateEndpoint({ id: 'x', type: 'VPC_RESOURCE' });
    assert.deepEqual([r.dnsNames, r.privateDnsNames, r.status], [[], [], 'Unknown']);
  });
});

describe('clickhouse model: plan results', () => {
  it('resolves step references and leaves out unresolved results', async () => {
    const { resolveResultTemplates } = await import('../../../src/model/clickhouse');
    assert.deepEqual(
      resolveResultTemplates({ a: '${steps.cfg.id}', b: '${steps.share.arn}', c: 'literal', d: 'x-${steps.cfg.id}' }, { cfg: { id: RCFG } }),
      { a: RCFG, c: 'literal', d: `x-${RCFG}` });
  });
});

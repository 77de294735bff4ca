// Actions on an existing endpoint service without VS Code: the small plans (nothing to do when
// ClickPipes is already allowed / the region already supported), EC2's Unsuccessful lists read
// as failures, the teardown order (reject live connections, then delete; stop at the first
// failure), and the confirmation texts naming account, region and ClickPipes' account.
import * as assert from 'node:assert/strict';
import { buildEndpointServicePlan } from '../../../src/model/builders';
import { validatePlan } from '../../../src/model/planSchema';
import type { EndpointService } from '../../../src/model/resources';
import {
  acceptConnections, addClickPipesRegionPlan, allowClickPipesPlan, connectionConfirmation, deleteConfirmation, deleteEndpointService,
  dnsConfirmation, dnsVerificationInfo, isLive, isPendingAcceptance, ownerLabel, regionsToOffer, unsuccessfulOf,
} from '../../../src/commands/endpointServiceActions';

const SCOPE = { profile: 'demo', region: 'us-east-1' };
const ctx = { planId: 'p1', createdAt: '2026-01-01T00:00:00Z', profile: 'demo', region: 'us-east-1', accountId: '123456789012' };
const CP = 'arn:aws:iam::072088201116:root';

function svc(over: Partial<EndpointService> = {}): EndpointService {
  return {
    id: 'vpce-svc-0123456789abcdef0', name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', state: 'Available', acceptanceRequired: true,
    networkLoadBalancerArns: [], supportedRegions: [{ region: 'us-east-1', state: 'Available' }], allowedPrincipals: [], connections: [], baseEndpointDnsNames: [],
    ...over,
  };
}

type Call = { operation: string; input: Record<string, unknown> };
function fakeAws(answers: Record<string, Record<string, unknown> | Error>): { calls: Call[]; call: (s: unknown, service: string, operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>> } {
  const calls: Call[] = [];
  return {
    calls,
    async call(_scope, _service, operation, input) {
      calls.push({ operation, input });
      const a = answers[operation] ?? {};
      if (a instanceof Error) throw a;
      return a;
    },
  };
}

describe('endpoint service actions', () => {
  it('Allow ClickPipes: Describe + ModifyVpcEndpointServicePermissions; nothing to do when already allowed (ARN, account or *)', () => {
    const built = allowClickPipesPlan(svc(), ctx);
    assert.ok('plan' in built);
    assert.deepEqual(built.plan.steps.map((s) => s.operation), ['DescribeVpcEndpointServiceConfigurations', 'ModifyVpcEndpointServicePermissions']);
    assert.deepEqual(built.plan.steps[1].input, { ServiceId: 'vpce-svc-0123456789abcdef0', AddAllowedPrincipals: [CP] });
    assert.deepEqual(built.plan.results, { 'Service name': '${steps.service.name}' });
    assert.deepEqual(validatePlan(built.plan), []);
    for (const p of [CP, '072088201116', '*']) assert.ok('nothingToDo' in allowClickPipesPlan(svc({ allowedPrincipals: [p] }), ctx), p);
  });

  it('Add ClickPipes region: AddSupportedRegions only for new regions; the permission too when ClickPipes is not allowed yet', () => {
    const notAllowed = addClickPipesRegionPlan(svc(), ['eu-central-1'], ctx);
    assert.ok('plan' in notAllowed);
    assert.deepEqual(notAllowed.plan.steps.map((s) => s.operation), ['DescribeVpcEndpointServiceConfigurations', 'ModifyVpcEndpointServiceConfiguration', 'ModifyVpcEndpointServicePermissions']);
    assert.deepEqual(notAllowed.plan.steps[1].input, { ServiceId: 'vpce-svc-0123456789abcdef0', AddSupportedRegions: ['eu-central-1'] });
    assert.match(notAllowed.plan.title, /eu-central-1 \(Europe \(Frankfurt\)\)/);
    const allowed = addClickPipesRegionPlan(svc({ allowedPrincipals: [CP], supportedRegions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] }), ['us-east-2', 'us-east-1', 'eu-west-1'], ctx);
    assert.ok('plan' in allowed);
    assert.deepEqual(allowed.plan.steps.map((s) => s.operation), ['DescribeVpcEndpointServiceConfigurations', 'ModifyVpcEndpointServiceConfiguration']);
    assert.deepEqual(allowed.plan.steps[1].input.AddSupportedRegions, ['eu-west-1']);
    assert.deepEqual(validatePlan(allowed.plan), []);
    assert.ok('nothingToDo' in addClickPipesRegionPlan(svc({ supportedRegions: [{ region: 'us-east-1' }, { region: 'us-east-2' }] }), ['us-east-2'], ctx));
  });

  it('regions to offer: ClickPipes regions not yet supported and not the own one', () => {
    const offer = regionsToOffer(svc({ supportedRegions: [{ region: 'us-east-1' }, { region: 'eu-central-1' }] }), 'us-east-1');
    assert.equal(offer.includes('us-east-1'), false);
    assert.equal(offer.includes('eu-central-1'), false);
    assert.equal(offer.includes('us-west-2'), true);
    assert.equal(offer.includes('eu-south-1'), false, 'not a ClickPipes region');
  });

  it('connection states in either spelling; ClickPipes account labelled', () => {
    assert.equal(isPendingAcceptance({ state: 'pendingAcceptance' }), true);
    assert.equal(isPendingAcceptance({ state: 'PendingAcceptance' }), true);
    assert.equal(isPendingAcceptance({ state: 'Pending' }), false);
    assert.deepEqual(['available', 'Pending', 'rejected', 'Expired', 'pendingAcceptance'].map((state) => isLive({ state })), [true, true, false, false, true]);
    assert.equal(ownerLabel('072088201116'), '072088201116 (ClickPipes)');
    assert.equal(ownerLabel('111122223333'), '111122223333');
  });

  it('new service with private DNS: the result view shows the TXT record name and value beside the service name', () => {
    const plan = buildEndpointServicePlan({ mode: 'new', networkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/a/0123456789abcdef'], privateDnsName: 'db.example.com' }, ctx);
    assert.deepEqual(plan.results, {
      'Service name': '${steps.service.name}',
      'TXT record name (under db.example.com)': '${steps.service.txtName}',
      'TXT record value': '${steps.service.txtValue}',
    });
    assert.deepEqual(validatePlan(plan), []);
  });

  it('Unsuccessful lists are failures; accept reports which endpoints moved', async () => {
    assert.deepEqual(unsuccessfulOf({}), []);
    assert.deepEqual(unsuccessfulOf({ Unsuccessful: [{ ResourceId: 'vpce-1', Error: { Code: 'InvalidState', Message: 'in state available' } }] }), [{ id: 'vpce-1', code: 'InvalidState', message: 'in state available' }]);
    const aws = fakeAws({ AcceptVpcEndpointConnections: { Unsuccessful: [{ ResourceId: 'vpce-2', Error: { Code: 'InvalidVpcEndpointId.NotFound' } }] } });
    const r = await acceptConnections(aws, SCOPE, 'vpce-svc-0123456789abcdef0', ['vpce-1', 'vpce-2']);
    assert.deepEqual(r, { done: ['vpce-1'], failed: [{ id: 'vpce-2', code: 'InvalidVpcEndpointId.NotFound', message: '' }] });
    assert.deepEqual(aws.calls[0].input, { ServiceId: 'vpce-svc-0123456789abcdef0', VpcEndpointIds: ['vpce-1', 'vpce-2'] });
  });

  it('teardown: reject the live connections, then delete; a failed reject stops before delete; Unsuccessful delete is a failure', async () => {
    const ok = fakeAws({});
    assert.deepEqual(await deleteEndpointService(ok, SCOPE, 'vpce-svc-1', ['vpce-1']), { status: 'deleted', rejected: ['vpce-1'] });
    assert.deepEqual(ok.calls.map((c) => c.operation), ['RejectVpcEndpointConnections', 'DeleteVpcEndpointServiceConfigurations']);

    const none = fakeAws({});
    await deleteEndpointService(none, SCOPE, 'vpce-svc-1', []);
    assert.deepEqual(none.calls.map((c) => c.operation), ['DeleteVpcEndpointServiceConfigurations']);

    const badReject = fakeAws({ RejectVpcEndpointConnections: { Unsuccessful: [{ ResourceId: 'vpce-1', Error: { Code: 'InvalidState' } }] } });
    const r1 = await deleteEndpointService(badReject, SCOPE, 'vpce-svc-1', ['vpce-1']);
    assert.equal(r1.status, 'failed');
    assert.deepEqual(badReject.calls.map((c) => c.operation), ['RejectVpcEndpointConnections']);

    const live = fakeAws({ DeleteVpcEndpointServiceConfigurations: { Unsuccessful: [{ ResourceId: 'vpce-svc-1', Error: { Code: 'ExistingVpcEndpointConnections', Message: 'Service has existing active VPC Endpoint connections!' } }] } });
    const r2 = await deleteEndpointService(live, SCOPE, 'vpce-svc-1', []);
    assert.ok(r2.status === 'failed' && r2.stage === 'delete' && /still live/.test(r2.message));

    const thrown = fakeAws({ RejectVpcEndpointConnections: new Error('AccessDenied') });
    await assert.rejects(deleteEndpointService(thrown, SCOPE, 'vpce-svc-1', ['vpce-1']), /AccessDenied/);
    assert.equal(thrown.calls.length, 1);
  });

  it('confirmations name the account, region, profile, every endpoint with its requester, and the call', () => {
    const conns = [
      { vpcEndpointId: 'vpce-0aaa', owner: '072088201116', state: 'pendingAcceptance', region: 'eu-central-1' },
      { vpcEndpointId: 'vpce-0bbb', owner: '111122223333', state: 'PendingAcceptance' },
    ];
    const c = connectionConfirmation('accept', '123456789012', SCOPE, svc(), conns);
    assert.equal(c.message, 'Accept 2 endpoint connections on vpce-svc-0123456789abcdef0 in account 123456789012 (us-east-1)?');
    assert.match(c.detail, /Account 123456789012, region us-east-1, profile demo\./);
    assert.match(c.detail, /vpce-0aaa from account 072088201116 \(ClickPipes\) in eu-central-1, pendingAcceptance/);
    assert.match(c.detail, /vpce-0bbb from account 111122223333, PendingAcceptance/);
    assert.match(c.detail, /ec2 AcceptVpcEndpointConnections/);
    assert.match(c.detail, /not every requester is ClickPipes/);
    assert.equal(c.button, 'Accept');
    const r = connectionConfirmation('reject', '123456789012', SCOPE, svc(), conns.slice(0, 1));
    assert.equal(r.message, 'Reject endpoint connection vpce-0aaa on vpce-svc-0123456789abcdef0 in account 123456789012 (us-east-1)?');
    assert.doesNotMatch(r.detail, /not every requester/);

    const d = deleteConfirmation('123456789012', SCOPE, svc(), conns.slice(0, 1));
    assert.equal(d.message, 'Delete endpoint service vpce-svc-0123456789abcdef0 and reject its 1 live connection in account 123456789012 (us-east-1)?');
    assert.match(d.detail, /1\. ec2 RejectVpcEndpointConnections \(1\)\n2\. ec2 DeleteVpcEndpointServiceConfigurations/);
    assert.equal(d.button, 'Reject and delete');
    assert.equal(deleteConfirmation('123456789012', SCOPE, svc(), []).button, 'Delete');
  });

  it('private DNS: the TXT record to publish, or why verification cannot start', () => {
    assert.deepEqual(dnsVerificationInfo(svc()), { ok: false, reason: 'Endpoint service vpce-svc-0123456789abcdef0 has no private DNS name to verify.' });
    assert.equal(dnsVerificationInfo(svc({ privateDnsName: 'db.example.com', privateDnsVerification: { state: 'verified' } })).ok, false);
    const info = dnsVerificationInfo(svc({ privateDnsName: 'db.example.com', privateDnsVerification: { state: 'pendingVerification', type: 'TXT', name: '_abc123', value: 'vpce:xyz' } }));
    assert.deepEqual(info, { ok: true, record: '_abc123.db.example.com', value: 'vpce:xyz', state: 'pendingVerification' });
    const c = dnsConfirmation('123456789012', SCOPE, svc({ privateDnsName: 'db.example.com' }), info as { record: string; value: string });
    assert.match(c.message, /db\.example\.com .* account 123456789012 \(us-east-1\)/);
    assert.match(c.detail, /Name: {2}_abc123\.db\.example\.com\n {2}Type: {2}TXT\n {2}Value: vpce:xyz/);
  });
});

// The VPC endpoint service form without VS Code: 30+ bad inputs through validateForm (each with
// the field and the words the user reads), the host-side checks that need the ELBv2 list, the
// load balancer options (only NLBs choosable, the others say why), the ClickPipes region choices
// and the message guard.
import * as assert from 'node:assert/strict';
import type { EndpointServiceForm } from '../../../src/model/forms';
import type { EndpointService, LoadBalancer } from '../../../src/model/resources';
import { validateForm } from '../../../src/model/formValidation';
import { isEndpointServiceForm, SubmitEndpointServiceCommand } from '../../../src/webviews/endpointServiceProtocol';
import {
  checkEndpointService, clickPipesCanReach, clickpipesRegionChoices, endpointServicePreset, endpointServiceRegionWarning, loadBalancerOptions,
} from '../../../src/webviews/forms/endpointService';
import { parseInbound } from '../../../src/webviews/protocol';

const NLB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/pg-proxy/0123456789abcdef';
const NLB2 = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/kafka/fedcba9876543210';
const ALB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef';
const GWLB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/gwy/fw/0123456789abcdef';
const good: EndpointServiceForm = { mode: 'new', networkLoadBalancerArns: [NLB], acceptanceRequired: true, region: 'us-east-1' };

// [what, values, field, words the message must contain]
const BAD: [string, Partial<EndpointServiceForm> & Record<string, unknown>, string, string][] = [
  ['no load balancer', { networkLoadBalancerArns: [] }, 'networkLoadBalancerArns', 'choose at least one'],
  ['load balancers missing', { networkLoadBalancerArns: undefined }, 'networkLoadBalancerArns', 'choose at least one'],
  ['empty ARN', { networkLoadBalancerArns: [''] }, 'networkLoadBalancerArns', 'is required'],
  ['blank ARN', { networkLoadBalancerArns: ['   '] }, 'networkLoadBalancerArns', 'is required'],
  ['application load balancer', { networkLoadBalancerArns: [ALB] }, 'networkLoadBalancerArns', 'not an application or gateway'],
  ['gateway load balancer', { networkLoadBalancerArns: [GWLB] }, 'networkLoadBalancerArns', 'not an application or gateway'],
  ['short hex', { networkLoadBalancerArns: [NLB.slice(0, -1)] }, 'networkLoadBalancerArns', '<16 hex>'],
  ['uppercase hex', { networkLoadBalancerArns: [NLB.replace('abcdef', 'ABCDEF')] }, 'networkLoadBalancerArns', '<16 hex>'],
  ['not an ARN', { networkLoadBalancerArns: ['pg-proxy-nlb'] }, 'networkLoadBalancerArns', 'must look like'],
  ['wrong service', { networkLoadBalancerArns: [NLB.replace('elasticloadbalancing', 'ec2')] }, 'networkLoadBalancerArns', 'must look like'],
  ['11-digit account', { networkLoadBalancerArns: [NLB.replace('123456789012', '12345678901')] }, 'networkLoadBalancerArns', 'must look like'],
  ['name too long', { networkLoadBalancerArns: [NLB.replace('pg-proxy', 'n'.repeat(33))] }, 'networkLoadBalancerArns', 'must look like'],
  ['name with underscore', { networkLoadBalancerArns: [NLB.replace('pg-proxy', 'pg_proxy')] }, 'networkLoadBalancerArns', 'must look like'],
  ['other region', { networkLoadBalancerArns: [NLB.replace('us-east-1', 'eu-west-1')] }, 'networkLoadBalancerArns', 'is in eu-west-1, not in the service\'s region us-east-1'],
  ['listed twice', { networkLoadBalancerArns: [NLB, NLB] }, 'networkLoadBalancerArns', 'listed twice'],
  ['eleven NLBs', { networkLoadBalancerArns: Array.from({ length: 11 }, (_, i) => NLB.replace('pg-proxy', `nlb-${i}`)) }, 'networkLoadBalancerArns', 'at most 10'],
  ['aws-cn partition', { networkLoadBalancerArns: [NLB.replace('arn:aws:', 'arn:aws-cn:')] }, 'networkLoadBalancerArns', 'must look like'],
  ['DNS with port', { privateDnsName: 'db.example.com:5432' }, 'privateDnsName', 'only letters, digits, hyphens and dots'],
  ['DNS one label', { privateDnsName: 'localhost' }, 'privateDnsName', 'at least two labels'],
  ['DNS double dot', { privateDnsName: 'db..example.com' }, 'privateDnsName', 'empty labels'],
  ['DNS trailing dot', { privateDnsName: 'db.example.com.' }, 'privateDnsName', 'empty labels'],
  ['DNS IP address', { privateDnsName: '10.0.0.1' }, 'privateDnsName', 'not an IP address'],
  ['DNS underscore', { privateDnsName: 'my_db.example.com' }, 'privateDnsName', 'only letters, digits, hyphens and dots'],
  ['DNS label hyphen', { privateDnsName: '-db.example.com' }, 'privateDnsName', 'must not start or end with a hyphen'],
  ['DNS numeric TLD', { privateDnsName: 'db.example.123' }, 'privateDnsName', 'alphabetic top-level domain'],
  ['DNS label too long', { privateDnsName: `${'a'.repeat(64)}.example.com` }, 'privateDnsName', 'at most 63'],
  ['DNS too long', { privateDnsName: `${'abcdefghi.'.repeat(26)}com` }, 'privateDnsName', '3 to 255'],
  ['DNS with scheme', { privateDnsName: 'https://db.example.com' }, 'privateDnsName', 'only letters, digits, hyphens and dots'],
  ['DNS with space', { privateDnsName: 'db example.com' }, 'privateDnsName', 'only letters, digits, hyphens and dots'],
  ['region made up', { supportedRegions: ['mars-1'] }, 'supportedRegions', 'such as us-east-1'],
  ['region not commercial', { supportedRegions: ['us-gov-west-1'] }, 'supportedRegions', 'not an AWS commercial region'],
  ['region uppercase', { supportedRegions: ['US-EAST-2'] }, 'supportedRegions', 'such as us-east-1'],
  ['region empty', { supportedRegions: [''] }, 'supportedRegions', 'Region is required'],
  ['own region listed', { supportedRegions: ['us-east-1'] }, 'supportedRegions', 'the service\'s own region'],
  ['region twice', { supportedRegions: ['us-east-2', 'us-east-2'] }, 'supportedRegions', 'listed twice'],
  ['existing without id', { mode: 'existing', networkLoadBalancerArns: undefined }, 'serviceId', 'is required'],
  ['existing bad id', { mode: 'existing', serviceId: 'vpce-svc-123' }, 'serviceId', '17 hex characters'],
  ['existing uppercase id', { mode: 'existing', serviceId: 'vpce-svc-0123456789ABCDEF0' }, 'serviceId', '17 hex characters'],
  ['existing endpoint id', { mode: 'existing', serviceId: 'vpce-0123456789abcdef0' }, 'serviceId', '17 hex characters'],
];

describe('endpoint service form: validation, host checks, options, guard', () => {
  it('accepts a valid new-service form (with DNS and a cross-region ClickPipes region)', () => {
    assert.deepEqual(validateForm('endpointService', good), {});
    assert.deepEqual(validateForm('endpointService', { ...good, networkLoadBalancerArns: [NLB, NLB2], privateDnsName: 'db.example.com', supportedRegions: ['eu-central-1', 'us-west-2'] }), {});
    assert.deepEqual(validateForm('endpointService', { mode: 'existing', serviceId: 'vpce-svc-0123456789abcdef0', region: 'eu-south-1', supportedRegions: ['eu-central-1'] }), {});
  });

  it(`reports ${BAD.length} bad inputs at the field, in words that name the rule`, () => {
    assert.ok(BAD.length >= 30);
    for (const [what, over, field, words] of BAD) {
      const errors = validateForm('endpointService', { ...good, ...over });
      assert.ok(errors[field], `${what}: expected an error at ${field}, got ${JSON.stringify(errors)}`);
      assert.ok(errors[field].includes(words), `${what}: "${errors[field]}" should contain "${words}"`);
    }
  });

  const lbs: LoadBalancer[] = [
    { arn: ALB, name: 'web-alb', type: 'application', scheme: 'internet-facing', state: 'active', vpcId: 'vpc-1' },
    { arn: NLB2, name: 'kafka', type: 'network', scheme: 'internal', state: 'provisioning' },
    { arn: NLB, name: 'pg-proxy', type: 'network', scheme: 'internal', state: 'active', vpcId: 'vpc-1' },
    { arn: GWLB, name: 'fw', type: 'gateway', scheme: '', state: 'active' },
  ];
  const used = { id: 'vpce-svc-0123456789abcdef0', networkLoadBalancerArns: [NLB] } as EndpointService;

  it('load balancer options: free NLBs first and choosable; ALB/GWLB and an NLB already behind a service disabled with the reason; a note for state', () => {
    const options = loadBalancerOptions(lbs, [used]);
    assert.deepEqual(options.map((o) => [o.name, !!o.disabledReason]), [['kafka', false], ['fw', true], ['pg-proxy', true], ['web-alb', true]]);
    assert.match(options.find((o) => o.name === 'web-alb')!.disabledReason!, /Application Load Balancer: a VPC endpoint service for ClickPipes needs a Network Load Balancer/);
    assert.match(options.find((o) => o.name === 'fw')!.disabledReason!, /Gateway Load Balancer/);
    assert.match(options.find((o) => o.name === 'kafka')!.note!, /state provisioning/);
    // AWS PrivateLink guide: a Network Load Balancer can be associated with a single endpoint service.
    assert.match(options.find((o) => o.name === 'pg-proxy')!.disabledReason!, /pg-proxy already fronts endpoint service vpce-svc-0123456789abcdef0, and AWS associates a Network Load Balancer with a single endpoint service/);
    assert.equal(options.find((o) => o.name === 'pg-proxy')!.usedByService, 'vpce-svc-0123456789abcdef0');
    assert.equal(options.find((o) => o.name === 'pg-proxy')!.label, 'pg-proxy (network, internal, active, vpc-1)');
  });

  it('host checks: the region is the scope\'s; an ARN not in the ELBv2 list or not an NLB is refused', () => {
    const scope = { profile: 'p', region: 'us-east-1' };
    const options = loadBalancerOptions(lbs);
    // The page said another region: the scope wins, so the NLB is judged against us-east-1.
    const { values, errors } = checkEndpointService({ ...good, region: 'eu-west-1' }, scope, options);
    assert.equal(values.region, 'us-east-1');
    assert.deepEqual(errors, {});
    const unknown = NLB.replace('pg-proxy', 'gone');
    assert.match(checkEndpointService({ ...good, networkLoadBalancerArns: [unknown] }, scope, options).errors.networkLoadBalancerArns, /is not in us-east-1 for profile p/);
    // Without a list (ELBv2 failed) the validators alone decide.
    assert.deepEqual(checkEndpointService({ ...good, networkLoadBalancerArns: [unknown] }, scope, undefined).errors, {});
    assert.match(checkEndpointService({ ...good, networkLoadBalancerArns: [ALB] }, scope, options).errors.networkLoadBalancerArns, /not an application or gateway/);
  });

  it('ClickPipes regions: every one but the own region; a warning only outside ClickPipes regions', () => {
    const choices = clickpipesRegionChoices('us-east-1');
    assert.equal(choices.some((c) => c.code === 'us-east-1'), false);
    assert.deepEqual(choices.find((c) => c.code === 'eu-central-1'), { code: 'eu-central-1', name: 'Europe (Frankfurt)' });
    assert.equal(clickpipesRegionChoices('eu-south-1').length, 20);
    assert.equal(endpointServiceRegionWarning('us-east-1'), undefined);
    assert.match(endpointServiceRegionWarning('eu-south-1')!, /eu-south-1 \(Europe \(Milan\)\) is not a ClickPipes region: choose at least one ClickPipes region/);
    assert.equal(clickPipesCanReach('eu-south-1', []), false);
    assert.equal(clickPipesCanReach('eu-south-1', ['eu-central-1']), true);
    assert.equal(clickPipesCanReach('us-east-1', undefined), true);
  });

  it('preset: a load balancer node preselects its NLB; an ALB says why not', () => {
    const options = loadBalancerOptions(lbs);
    assert.deepEqual(endpointServicePreset({ type: 'loadBalancer', resource: { arn: NLB } }, options), { preset: { networkLoadBalancerArns: [NLB] } });
    assert.match(endpointServicePreset({ type: 'loadBalancer', resource: { arn: ALB } }, options).note!, /needs a Network Load Balancer/);
    assert.deepEqual(endpointServicePreset({ type: 'region' }, options), { preset: {} });
  });

  it('guard: shape only, unknown keys and wrong types dropped before any rule runs', () => {
    assert.equal(isEndpointServiceForm(good), true);
    assert.equal(isEndpointServiceForm({ ...good, extra: 1 }), false);
    assert.equal(isEndpointServiceForm({ ...good, mode: 'other' }), false);
    assert.equal(isEndpointServiceForm({ ...good, acceptanceRequired: 'yes' }), false);
    assert.equal(isEndpointServiceForm({ ...good, networkLoadBalancerArns: NLB }), false);
    assert.equal(isEndpointServiceForm({ ...good, networkLoadBalancerArns: [1] }), false);
    assert.equal(isEndpointServiceForm({ ...good, supportedRegions: Array(51).fill('us-east-2') }), false);
    assert.equal(isEndpointServiceForm({ ...good, privateDnsName: 'a'.repeat(256) }), false);
    assert.equal(parseInbound({ method: 'endpointService/submit', params: { values: good } }, [SubmitEndpointServiceCommand]).ok, true);
    assert.equal(parseInbound({ method: 'endpointService/submit', params: { values: good, more: true } }, [SubmitEndpointServiceCommand]).ok, false);
  });
});

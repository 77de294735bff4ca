// The VPC resource path for IP and DNS targets: an IP is fronted by the ENI that owns it in the
// gateway's VPC, a DNS name by the RDS database whose endpoint it is; anything else is unknown,
// never a pass or a fail.
import * as assert from 'node:assert/strict';
import { checkVpcResource, rdsEndpointHint, type VpcResourceFacts } from '../../../src/model/doctor/vpcResource';
import { known, unknownFact, type Hop, type SgRule } from '../../../src/model/doctor/types';
import type { ResourceConfigurationDefinition } from '../../../src/model/resources';

const verdicts = (hops: Hop[]) => Object.fromEntries(hops.map((h) => [h.id, h.verdict]));
const hop = (hops: Hop[], id: string) => hops.find((h) => h.id === id)!;
const rule = (r: Partial<SgRule> & Pick<SgRule, 'id' | 'groupId'>): SgRule => ({ egress: false, protocol: 'tcp', fromPort: 5432, toPort: 5432, ...r });
const EGRESS = rule({ id: 'sgr-out', groupId: 'sg-gw', egress: true, protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' });

function facts(definition: ResourceConfigurationDefinition, rules: SgRule[]): VpcResourceFacts {
  return {
    configuration: known({ id: 'rcfg-1', arn: 'arn:cfg', name: 'reports', type: 'SINGLE', status: 'ACTIVE', resourceGatewayId: 'rgw-1', portRanges: ['5432'], definition }),
    gateway: known({ id: 'rgw-1', arn: 'arn:gw', name: 'gw', status: 'ACTIVE', vpcId: 'vpc-1', subnetIds: ['subnet-a'], securityGroupIds: ['sg-gw'] }),
    target: known(undefined),
    rules: known(rules),
    gatewaySubnets: known([{ id: 'subnet-a', vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24', availabilityZone: 'us-east-1a', availableIpAddressCount: 200, state: 'available' }]),
  };
}

describe('doctor: VPC resource path, IP targets', () => {
  const ip = (rules: SgRule[]): VpcResourceFacts => ({
    ...facts({ kind: 'ip', ipAddress: '10.0.1.40' }, rules),
    targetInterface: known({ id: 'eni-1', vpcId: 'vpc-1', securityGroupIds: ['sg-app'], description: 'Primary network interface' }),
  });

  it('passes when the ENI owning the address admits the gateway group, naming the ENI', () => {
    const hops = checkVpcResource(ip([EGRESS, rule({ id: 'sgr-in', groupId: 'sg-app', referencedGroupId: 'sg-gw' })]));
    assert.deepEqual(verdicts(hops), { configuration: 'pass', gateway: 'pass', gatewayEgress: 'pass', targetIngress: 'pass', targetPlacement: 'pass' });
    assert.match(hop(hops, 'targetIngress').evidence[0], /^eni-1 owns 10\.0\.1\.40 .*sg-app/);
    assert.match(hop(hops, 'targetIngress').evidence[1], /^sgr-in /);
  });

  it('fails when the ENI\'s groups shut the gateway out, with the ingress-rule fix on the ENI\'s group', () => {
    const h = hop(checkVpcResource(ip([EGRESS, rule({ id: 'sgr-app', groupId: 'sg-app', cidr: '10.0.8.0/24' })])), 'targetIngress');
    assert.equal(h.verdict, 'fail');
    assert.deepEqual(h.fix, { kind: 'ingressRule', groupId: 'sg-app', sourceGroupId: 'sg-gw', port: 5432, description: 'ClickPipes resource gateway rgw-1' });
  });

  it('egress to the ENI\'s group counts as letting the port out', () => {
    const out = rule({ id: 'sgr-out-app', groupId: 'sg-gw', egress: true, referencedGroupId: 'sg-app' });
    assert.equal(hop(checkVpcResource(ip([out, rule({ id: 'sgr-in', groupId: 'sg-app', referencedGroupId: 'sg-gw' })])), 'gatewayEgress').verdict, 'pass');
  });

  it('no ENI owns the address: unknown (peered VPC or on premises), with no fix', () => {
    const f = { ...ip([EGRESS]), targetInterface: known(undefined) };
    const h = hop(checkVpcResource(f), 'targetIngress');
    assert.equal(h.verdict, 'unknown');
    assert.equal(h.fix, undefined);
    assert.match(h.evidence[0], /No network interface in vpc-1 owns 10\.0\.1\.40: .*peered VPC or on premises/);
  });

  it('an unreadable ENI lookup is unknown with the read\'s error', () => {
    const h = hop(checkVpcResource({ ...ip([EGRESS]), targetInterface: unknownFact('AccessDenied: ec2:DescribeNetworkInterfaces') }), 'targetIngress');
    assert.deepEqual([h.verdict, h.evidence], ['unknown', ['AccessDenied: ec2:DescribeNetworkInterfaces']]);
  });
});

describe('doctor: VPC resource path, DNS targets', () => {
  const endpoint = 'crm-postgres.abcdefghijkl.us-east-1.rds.amazonaws.com';
  const dns = (rules: SgRule[], matched: boolean): VpcResourceFacts => ({
    ...facts({ kind: 'dns', domainName: endpoint }, rules),
    target: known(matched ? { kind: 'instance', id: 'crm-postgres', engine: 'postgres', engineVersion: '16.3', status: 'available', port: 5432, vpcId: 'vpc-1', securityGroupIds: ['sg-db'], iamAuth: false } : undefined),
  });

  it('an RDS endpoint name is checked with that database\'s groups: pass, and fail with the fix', () => {
    assert.deepEqual(verdicts(checkVpcResource(dns([EGRESS, rule({ id: 'sgr-in', groupId: 'sg-db', referencedGroupId: 'sg-gw' })], true))),
      { configuration: 'pass', gateway: 'pass', gatewayEgress: 'pass', targetIngress: 'pass', targetPlacement: 'pass', targetAvailable: 'pass' });
    const h = hop(checkVpcResource(dns([EGRESS], true)), 'targetIngress');
    assert.equal(h.verdict, 'fail');
    assert.deepEqual(h.fix, { kind: 'ingressRule', groupId: 'sg-db', sourceGroupId: 'sg-gw', port: 5432, description: 'ClickPipes resource gateway rgw-1' });
  });

  it('any other name stays unknown', () => {
    const h = hop(checkVpcResource(dns([EGRESS], false)), 'targetIngress');
    assert.equal(h.verdict, 'unknown');
    assert.match(h.evidence[0], /is not the endpoint of an RDS database of this region/);
  });

  it('reads instance, writer, reader and custom endpoint names of the same region only', () => {
    assert.deepEqual(rdsEndpointHint(endpoint, 'us-east-1'), { kind: 'instance', id: 'crm-postgres' });
    assert.deepEqual(rdsEndpointHint('Orders-Aurora.cluster-abc123.us-east-1.rds.amazonaws.com', 'us-east-1'), { kind: 'cluster', id: 'orders-aurora' });
    assert.deepEqual(rdsEndpointHint('orders-aurora.cluster-ro-abc123.us-east-1.rds.amazonaws.com', 'us-east-1'), { kind: 'cluster', id: 'orders-aurora' });
    assert.equal(rdsEndpointHint(endpoint, 'eu-central-1'), undefined);
    // A custom endpoint names itself, not its cluster: the hint is the endpoint's identifier.
    assert.deepEqual(rdsEndpointHint('Reports.cluster-custom-abc123.us-east-1.rds.amazonaws.com', 'us-east-1'), { kind: 'customEndpoint', id: 'reports' });
    assert.equal(rdsEndpointHint('reports.cluster-custom-abc123.eu-central-1.rds.amazonaws.com', 'us-east-1'), undefined);
    assert.equal(rdsEndpointHint('billing-postgres.internal.example.com', 'us-east-1'), undefined);
  });
});

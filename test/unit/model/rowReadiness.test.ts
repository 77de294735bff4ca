import * as assert from 'node:assert/strict';
import { worstLevel } from '../../../src/model/readiness';
import {
  configurationNeedsTarget, configurationVerdict, gatewayVerdict, mskNeedsPolicy, mskVerdict, type Loaded,
} from '../../../src/model/rowReadiness';
import type { Database, MskCluster, ResourceConfiguration, ResourceGateway, ResourceShare, Subnet } from '../../../src/model/resources';

const R = 'us-east-1';
const CFG_ARN = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdefg';
const DB_ARN = 'arn:aws:rds:us-east-1:123456789012:db:billing';

const ok = <T>(value: T): Loaded<T> => ({ ok: true, value });
const failed = (error: string): Loaded<never> => ({ ok: false, error });

const gateway: ResourceGateway = {
  id: 'rgw-1', name: 'gw', status: 'ACTIVE', arn: 'arn:aws:vpc-lattice:us-east-1:123456789012:resourcegateway/rgw-1',
  vpcId: 'vpc-1', subnetIds: ['subnet-a'], securityGroupIds: [],
};
const subnet = (cidrBlock: string, free: number): Subnet => ({ id: 'subnet-a', vpcId: 'vpc-1', cidrBlock, availabilityZone: 'us-east-1a', availableIpAddressCount: free, state: 'available' });

const cfg = (over: Partial<ResourceConfiguration> = {}): ResourceConfiguration => ({
  id: 'rcfg-0123456789abcdefg', arn: CFG_ARN, name: 'billing', status: 'ACTIVE', type: 'ARN', resourceGatewayId: 'rgw-1', portRanges: [], ...over,
});
const shared: ResourceShare = {
  arn: 'arn:aws:ram:us-east-1:123456789012:resource-share/x', name: 's', status: 'ACTIVE', allowExternalPrincipals: true,
  principals: [{ id: '072088201116', status: 'ASSOCIATED' }], resources: [{ arn: CFG_ARN, status: 'ASSOCIATED' }],
};
const db = (publiclyAccessible: boolean): Database => ({
  kind: 'instance', id: 'billing', arn: DB_ARN, resourceId: 'db-1', engine: 'postgres', engineVersion: '16.3', status: 'available',
  publiclyAccessible, iamAuth: true,
});
const msk = (over: Partial<MskCluster> = {}): MskCluster => ({
  arn: 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/abc-1', name: 'demo', clusterType: 'PROVISIONED', state: 'ACTIVE', currentVersion: 'K1',
  kafkaVersion: '3.6.0', instanceType: 'kafka.m5.large', auth: { iam: true, scram: false, tls: false }, multiVpc: { iam: true, scram: false, tls: false }, ...over,
});

describe('model/rowReadiness: verdicts from what loaded with the list', () => {
  it('gateway: subnets decide; not read or failed → unknown with the reason, never ok', () => {
    assert.equal(worstLevel(gatewayVerdict(gateway, R, ok([subnet('10.0.0.0/24', 245)]))), 'ok');
    assert.equal(worstLevel(gatewayVerdict(gateway, R, ok([subnet('10.0.0.0/28', 11)]))), 'error');
    assert.equal(worstLevel(gatewayVerdict(gateway, R, undefined)), 'unknown');
    const f = gatewayVerdict(gateway, R, failed('not authorized to perform ec2:DescribeSubnets'));
    assert.equal(worstLevel(f), 'unknown');
    assert.match(f.map((x) => x.message).join('\n'), /could not be read \(not authorized to perform ec2:DescribeSubnets\)/);
    assert.equal(worstLevel(gatewayVerdict(gateway, R, ok([]))), 'unknown', 'a subnet missing from the answer is not a pass');
  });

  it('configuration: shares decide; not read → unknown; no share → warning', () => {
    const single = cfg({ type: 'SINGLE', definition: { kind: 'dns', domainName: 'db.example.com' } });
    assert.equal(worstLevel(configurationVerdict(single, R, { shares: ok([shared]) })), 'ok');
    assert.equal(worstLevel(configurationVerdict(single, R, { shares: ok([]) })), 'warning');
    assert.equal(worstLevel(configurationVerdict(single, R, {})), 'unknown');
    assert.equal(worstLevel(configurationVerdict(single, R, { shares: failed('denied') })), 'unknown');
  });

  it('an ARN configuration without its definition: unknown only while a public database could be its target', () => {
    const summary = cfg();
    assert.equal(worstLevel(configurationVerdict(summary, R, { shares: ok([shared]), databases: ok([db(false)]) })), 'ok', 'no public database: no target can be public');
    assert.equal(worstLevel(configurationVerdict(summary, R, { shares: ok([shared]), databases: ok([db(true)]) })), 'unknown');
    assert.equal(worstLevel(configurationVerdict(summary, R, { shares: ok([shared]) })), 'unknown', 'databases not read');
    const full = cfg({ definition: { kind: 'arn', arn: DB_ARN } });
    assert.equal(worstLevel(configurationVerdict(full, R, { shares: ok([shared]), databases: ok([db(true)]) })), 'error');
  });

  it('the target is read only when it can decide the icon', () => {
    const summary = cfg();
    assert.equal(configurationNeedsTarget(summary, R, { shares: ok([shared]), databases: ok([db(true)]) }), true);
    assert.equal(configurationNeedsTarget(summary, R, { shares: ok([shared]), databases: ok([db(false)]) }), false, 'no public database');
    assert.equal(configurationNeedsTarget(summary, R, { shares: ok([]), databases: ok([db(true)]) }), true, 'a warning can still become an error');
    const notShared = { ...shared, principals: [] };
    assert.equal(configurationNeedsTarget(summary, R, { shares: ok([notShared]), databases: ok([db(true)]) }), false, 'already an error');
    assert.equal(configurationNeedsTarget(cfg({ type: 'SINGLE' }), R, { shares: ok([shared]), databases: ok([db(true)]) }), false);
    assert.equal(configurationNeedsTarget(cfg({ definition: { kind: 'arn', arn: DB_ARN } }), R, { shares: ok([shared]), databases: ok([db(true)]) }), false);
  });

  it('MSK: the policy is read only when the rest is ready; without it the verdict is unknown, not ready', () => {
    assert.equal(mskNeedsPolicy(msk(), R), true);
    assert.equal(mskNeedsPolicy(msk({ multiVpc: { iam: false, scram: false, tls: false } }), R), false, 'multi-VPC off is already a warning');
    assert.equal(mskNeedsPolicy(msk({ kafkaVersion: '2.6.2' }), R), false);
    assert.equal(mskNeedsPolicy(msk({ policy: null }), R), false, 'already read');
    assert.equal(mskNeedsPolicy(msk(), 'eu-south-1'), false, 'not a ClickPipes region');
    assert.equal(worstLevel(mskVerdict(msk(), R)), 'unknown');
    assert.match(mskVerdict(msk(), R, 'throttled').map((f) => f.message).join('\n'), /could not be read \(throttled\)/);
    assert.ok(!mskVerdict(msk(), R).some((f) => f.level === 'ok'), 'no "ready" line without the policy');
    assert.equal(worstLevel(mskVerdict(msk({ policy: null }), R)), 'warning');
  });
});

import * as assert from 'node:assert/strict';
import {
  compareVersions, configurationReadiness, databaseReadiness, endpointServiceReadiness, gatewayReadiness, mskReadiness, regionReadiness, shareReadiness, worstLevel,
} from '../../../src/model/readiness';
import { mskClusterPolicy } from '../../../src/model/policies';
import type { Database, EndpointService, MskCluster, ResourceConfiguration, ResourceGateway, ResourceShare, Subnet } from '../../../src/model/resources';

const CFG_ARN = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdefg';
const CLUSTER_ARN = 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/abc-1';

const share = (over: Partial<ResourceShare> = {}): ResourceShare => ({
  arn: 'arn:aws:ram:us-east-1:123456789012:resource-share/x', name: 's', status: 'ACTIVE', allowExternalPrincipals: true,
  principals: [{ id: '072088201116', status: 'ASSOCIATED' }], resources: [{ arn: CFG_ARN, status: 'ASSOCIATED' }], ...over,
});

const msk = (over: Partial<MskCluster> = {}): MskCluster => ({
  arn: CLUSTER_ARN, name: 'demo', clusterType: 'PROVISIONED', state: 'ACTIVE', currentVersion: 'K1', kafkaVersion: '3.6.0',
  instanceType: 'kafka.m5.large', auth: { iam: true, scram: false, tls: false }, multiVpc: { iam: true, scram: false, tls: false },
  policy: { currentVersion: 'P1', document: mskClusterPolicy(CLUSTER_ARN) }, ...over,
});

const levels = (findings: { level: string; message: string }[]) => findings.map((f) => `${f.level}: ${f.message}`);

describe('readiness', () => {
  it('compares versions', () => {
    assert.ok(compareVersions('2.7.0', '2.7.1') < 0);
    assert.equal(compareVersions('2.7.1', '2.7.1'), 0);
    assert.ok(compareVersions('2.8.2.tiered', '2.7.1') > 0);
    assert.ok(compareVersions('3', '2.7.1') > 0);
    assert.ok(compareVersions('2.6.2', '2.7.1') < 0);
  });

  it('regions', () => {
    assert.deepEqual(levels(regionReadiness('us-east-1')), ['ok: us-east-1 is a ClickPipes region.']);
    assert.deepEqual(levels(regionReadiness('eu-south-1')), ['error: eu-south-1 is not a ClickPipes region; ClickPipes cannot reach this endpoint type across regions.']);
    assert.deepEqual(levels(regionReadiness('eu-south-1', ['eu-central-1'])), ['ok: eu-south-1 is not a ClickPipes region, but the service is offered cross-region to eu-central-1.']);
    assert.deepEqual(levels(regionReadiness('eu-south-1', ['eu-south-2'])), ["error: eu-south-1 is not a ClickPipes region: add a ClickPipes region (e.g. us-east-1) to the service's supported regions."]);
  });

  it('shares', () => {
    assert.equal(worstLevel(shareReadiness(share(), CFG_ARN)), 'ok');
    assert.deepEqual(levels(shareReadiness(share({ principals: [] }), CFG_ARN)), ['error: Not shared with ClickPipes: principal 072088201116 is missing.']);
    assert.deepEqual(levels(shareReadiness(share({ principals: [{ id: '072088201116', status: 'FAILED' }] }))), ['error: Not shared with ClickPipes: principal 072088201116 is failed.']);
    assert.deepEqual(levels(shareReadiness(share({ resources: [] }), CFG_ARN)).slice(1), ['error: The share does not include this resource configuration.']);
    assert.deepEqual(levels(shareReadiness(share({ resources: [] }))).slice(1), ['error: The share contains no resource configuration.']);
    assert.deepEqual(levels(shareReadiness(share({ allowExternalPrincipals: false }))).slice(1), ['error: External principals are not allowed, so the ClickPipes account cannot accept the share.']);
  });

  it('gateway subnets', () => {
    const gw: ResourceGateway = { id: 'rgw-1', arn: 'a', name: 'g', status: 'ACTIVE', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'], securityGroupIds: [] };
    const subnet = (id: string, cidrBlock: string, free: number): Subnet => ({ id, vpcId: 'vpc-1', cidrBlock, availabilityZone: 'us-east-1a', availableIpAddressCount: free, state: 'available' });
    assert.deepEqual(levels(gatewayReadiness(gw, [subnet('subnet-a', '10.0.0.0/24', 251), subnet('subnet-b', '10.0.1.0/26', 59)])), ['ok: Subnets have room for reverse private endpoints.']);
    assert.deepEqual(levels(gatewayReadiness(gw, [subnet('subnet-a', '10.0.0.0/27', 27), subnet('subnet-b', '10.0.1.0/28', 11), subnet('subnet-c', '10.0.2.0/24', 12)])), [
      'warning: Subnet subnet-a (10.0.0.0/27) is smaller than the recommended /26.',
      'warning: Subnet subnet-a may lack a free /28 block: 27 addresses are free but possibly scattered.',
      'warning: Subnet subnet-b (10.0.1.0/28) is smaller than the recommended /26.',
      'error: Subnet subnet-b has no free /28 block (11 free addresses); a reverse private endpoint will fail.',
      'error: Subnet subnet-c has no free /28 block (12 free addresses); a reverse private endpoint will fail.',
    ]);
  });

  it('configuration targeting a public database', () => {
    const db = (over: Partial<Database>): Database => ({
      kind: 'cluster', id: 'aurora', arn: 'arn:aws:rds:us-east-1:123456789012:cluster:aurora', resourceId: 'cluster-X', engine: 'aurora-postgresql',
      engineVersion: '16', status: 'available', publiclyAccessible: false, iamAuth: true, ...over,
    });
    const cfg: ResourceConfiguration = {
      id: 'rcfg-1', arn: CFG_ARN, name: 'c', type: 'ARN', status: 'ACTIVE', portRanges: [],
      definition: { kind: 'arn', arn: 'arn:aws:rds:us-east-1:123456789012:cluster:aurora' },
    };
    assert.deepEqual(levels(configurationReadiness(cfg, [db({})])), ['ok: Configuration can be shared with ClickPipes.']);
    assert.deepEqual(levels(configurationReadiness(cfg, [db({ publiclyAccessible: true })])), ['error: Targets aurora, which is publicly accessible: make it private or use IP allow-listing instead.']);
    const instance = db({ kind: 'instance', id: 'aurora-1', arn: 'arn:aws:rds:us-east-1:123456789012:db:aurora-1', clusterId: 'aurora', publiclyAccessible: true });
    assert.deepEqual(levels(configurationReadiness(cfg, [db({}), instance])), ['error: Targets aurora-1, which is publicly accessible: make it private or use IP allow-listing instead.']);
    assert.deepEqual(levels(configurationReadiness({ ...cfg, failureReason: 'boom' })), ['error: Configuration failed: boom']);
  });

  it('MSK clusters', () => {
    assert.deepEqual(levels(mskReadiness(msk())), ['ok: Ready for ClickPipes multi-VPC.', 'ok: The cluster policy allows ClickPipes.']);
    assert.deepEqual(levels(mskReadiness(msk({ clusterType: 'SERVERLESS' }))), ['error: Serverless cluster: ClickPipes multi-VPC connectivity needs a provisioned cluster.']);
    assert.deepEqual(
      levels(mskReadiness(msk({ kafkaVersion: '2.6.2', instanceType: 'kafka.t3.small', auth: { iam: false, scram: false, tls: false, unauthenticated: true }, multiVpc: { iam: false, scram: false, tls: false }, policy: null, state: 'UPDATING' }))),
      [
        'error: Kafka 2.6.2 is older than 2.7.1, the minimum for multi-VPC connectivity.',
        'error: Broker type kafka.t3.small does not support multi-VPC connectivity.',
        'error: Only unauthenticated access is enabled; multi-VPC needs IAM, SASL/SCRAM or TLS authentication.',
        'warning: Multi-VPC connectivity is off for SASL/IAM and SASL/SCRAM.',
        'warning: Cluster is UPDATING; it must be ACTIVE to change connectivity.',
        'warning: No cluster policy: ClickPipes (072088201116) is not allowed to connect.',
      ],
    );
    const foreign = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kafka:*', Resource: '*' }] });
    assert.deepEqual(levels(mskReadiness(msk({ policy: { currentVersion: 'P', document: foreign } }))).slice(-1), ['warning: The cluster policy does not allow ClickPipes (072088201116).']);
    const weak = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::072088201116:root' }, Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'] }] });
    assert.deepEqual(levels(mskReadiness(msk({ policy: { currentVersion: 'P', document: weak } }))).slice(-1), [
      'warning: The cluster policy allows ClickPipes but not kafka:CreateVpcConnection, kafka:GetBootstrapBrokers, kafka:DescribeCluster, kafka:DescribeClusterV2, kafka-cluster:*.',
    ]);
    assert.deepEqual(levels(mskReadiness(msk({ auth: { iam: false, scram: false, tls: true }, multiVpc: { iam: false, scram: false, tls: true } }))).slice(0, 1), [
      'error: ClickPipes needs SASL/IAM or SASL/SCRAM on the cluster (TLS alone is not enough).',
    ]);
  });

  it('endpoint services', () => {
    const svc = (over: Partial<EndpointService> = {}): EndpointService => ({
      id: 'vpce-svc-1', name: 'com.amazonaws.vpce.us-east-1.vpce-svc-1', state: 'Available', acceptanceRequired: true, networkLoadBalancerArns: [],
      supportedRegions: [{ region: 'us-east-1' }], allowedPrincipals: ['arn:aws:iam::072088201116:root'], connections: [], baseEndpointDnsNames: [], ...over,
    });
    assert.deepEqual(levels(endpointServiceReadiness(svc(), 'us-east-1')), ['ok: ClickPipes is an allowed principal.']);
    assert.deepEqual(
      levels(endpointServiceReadiness(svc({
        allowedPrincipals: [], acceptanceRequired: false, supportedRegions: [{ region: 'eu-south-1' }],
        connections: [{ vpcEndpointId: 'vpce-1', owner: '072088201116', state: 'PendingAcceptance' }, { vpcEndpointId: 'vpce-2', owner: '1', state: 'Available' }],
      }), 'eu-south-1')),
      [
        'error: ClickPipes (arn:aws:iam::072088201116:root) is not an allowed principal.',
        'warning: 1 endpoint connection pending acceptance: vpce-1 (072088201116).',
        'ok: Acceptance is not required: allowed principals connect without approval.',
        "error: eu-south-1 is not a ClickPipes region: add a ClickPipes region (e.g. us-east-1) to the service's supported regions.",
      ],
    );
    // Real EC2 spells connection states in lowerCamel; the SDK enum in PascalCase. Both count.
    assert.deepEqual(
      levels(endpointServiceReadiness(svc({ connections: [{ vpcEndpointId: 'vpce-3', owner: '072088201116', state: 'pendingAcceptance' }] }), 'us-east-1')),
      ['ok: ClickPipes is an allowed principal.', 'warning: 1 endpoint connection pending acceptance: vpce-3 (072088201116).'],
    );
    assert.deepEqual(levels(endpointServiceReadiness(svc({ supportedRegions: [{ region: 'eu-south-1' }, { region: 'eu-central-1' }] }), 'eu-south-1')).slice(1), [
      'ok: eu-south-1 is not a ClickPipes region, but the service is offered cross-region to eu-central-1.',
    ]);
  });

  it('databases', () => {
    const db = (over: Partial<Database>): Database => ({
      kind: 'instance', id: 'pg', arn: 'arn:aws:rds:us-east-1:123456789012:db:pg', resourceId: 'db-X', engine: 'postgres', engineVersion: '16',
      status: 'available', publiclyAccessible: false, iamAuth: false, ...over,
    });
    assert.deepEqual(levels(databaseReadiness(db({ engine: 'mysql' }))), ['warning: IAM database authentication is off.']);
    assert.deepEqual(levels(databaseReadiness(db({ iamAuth: true }))), [
      'ok: IAM database authentication is on.',
      'warning: With IAM authentication, Postgres CDC needs rds.iam_auth_for_replication = 1 (and rds.logical_replication = 1); otherwise ClickPipes can do the initial load only.',
    ]);
    assert.deepEqual(levels(databaseReadiness(db({ iamAuth: true, engine: 'aurora-postgresql' }), { 'rds.iam_auth_for_replication': '1', 'rds.logical_replication': '0' })), [
      'ok: IAM database authentication is on.',
      'warning: rds.logical_replication is 0: ClickPipes CDC needs it set to 1.',
      'ok: rds.iam_auth_for_replication = 1: CDC works with IAM authentication.',
    ]);
  });
});

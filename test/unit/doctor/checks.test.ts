// Every doctor check passes on a healthy setup, fails (with evidence and a fix) on a broken one,
// and says unknown — never pass — for the hops a failed read hides.
import * as assert from 'node:assert/strict';
import { checkVpcResource, type VpcResourceFacts } from '../../../src/model/doctor/vpcResource';
import { checkEndpointService, type EndpointServiceFacts } from '../../../src/model/doctor/endpointService';
import { checkMskMultiVpc, propertyValue, type MskDetail, type MskFacts } from '../../../src/model/doctor/mskMultiVpc';
import { checkDatabase, type DatabaseFacts } from '../../../src/model/doctor/database';
import { parameterFamily } from '../../../src/model/doctor/family';
import { admitting, cidrWithin } from '../../../src/model/doctor/rules';
import { known, overall, unknownFact, type Hop, type SgRule } from '../../../src/model/doctor/types';
import { mskClusterPolicy } from '../../../src/model/policies';

const verdicts = (hops: Hop[]) => Object.fromEntries(hops.map((h) => [h.id, h.verdict]));
const hop = (hops: Hop[], id: string) => hops.find((h) => h.id === id)!;
const DENIED = 'AccessDenied: not authorized to perform ec2:DescribeSecurityGroupRules';

const rule = (r: Partial<SgRule> & Pick<SgRule, 'id' | 'groupId'>): SgRule => ({ egress: false, protocol: 'tcp', fromPort: 5432, toPort: 5432, ...r });

describe('doctor: security group rule matching', () => {
  it('matches a referenced group or a CIDR that holds every source subnet, on the port', () => {
    const rules = [
      rule({ id: 'sgr-a', groupId: 'sg-db', referencedGroupId: 'sg-gw' }),
      rule({ id: 'sgr-b', groupId: 'sg-db', cidr: '10.0.0.0/16', fromPort: 3306, toPort: 3306 }),
      rule({ id: 'sgr-c', groupId: 'sg-db', cidr: '10.0.0.0/23' }),
    ];
    assert.deepEqual(admitting(rules, ['sg-db'], 5432, ['sg-gw'], []).map((r) => r.id), ['sgr-a']);
    assert.deepEqual(admitting(rules, ['sg-db'], 5432, [], ['10.0.0.0/24', '10.0.1.0/24']).map((r) => r.id), ['sgr-c']);
    assert.deepEqual(admitting(rules, ['sg-db'], 5432, [], ['10.0.0.0/24', '10.0.2.0/24']).map((r) => r.id), []);
    assert.ok(cidrWithin('10.0.1.0/24', '10.0.0.0/16'));
    assert.ok(!cidrWithin('10.0.0.0/16', '10.0.1.0/24'));
  });
});

describe('doctor: VPC resource path', () => {
  const base = (): VpcResourceFacts => ({
    configuration: known({ id: 'rcfg-1', arn: 'arn:cfg', name: 'orders', type: 'ARN', status: 'ACTIVE', resourceGatewayId: 'rgw-1', portRanges: ['5432'],
      definition: { kind: 'arn', arn: 'arn:aws:rds:us-east-1:123456789012:db:orders' } }),
    gateway: known({ id: 'rgw-1', arn: 'arn:gw', name: 'gw', status: 'ACTIVE', vpcId: 'vpc-1', subnetIds: ['subnet-a'], securityGroupIds: ['sg-gw'] }),
    target: known({ kind: 'instance', id: 'orders', engine: 'postgres', engineVersion: '16.3', status: 'available', port: 5432, vpcId: 'vpc-1', securityGroupIds: ['sg-db'], iamAuth: false }),
    rules: known([
      rule({ id: 'sgr-out', groupId: 'sg-gw', egress: true, protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }),
      rule({ id: 'sgr-in', groupId: 'sg-db', referencedGroupId: 'sg-gw' }),
    ]),
    gatewaySubnets: known([{ id: 'subnet-a', vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24', availabilityZone: 'us-east-1a', availableIpAddressCount: 200, state: 'available' }]),
  });

  it('passes every hop when the target admits the gateway group', () => {
    const hops = checkVpcResource(base());
    assert.deepEqual(verdicts(hops), { configuration: 'pass', gateway: 'pass', gatewayEgress: 'pass', targetIngress: 'pass', targetPlacement: 'pass', targetAvailable: 'pass' });
    assert.match(hop(hops, 'targetIngress').evidence[0], /^sgr-in /);
    assert.equal(overall(hops), 'pass');
  });

  it('fails the target ingress hop with an ingress-rule fix from the gateway group on the port', () => {
    const f = base();
    f.rules = known([rule({ id: 'sgr-out', groupId: 'sg-gw', egress: true, protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }),
      rule({ id: 'sgr-app', groupId: 'sg-db', cidr: '10.0.8.0/24' })]);
    const h = hop(checkVpcResource(f), 'targetIngress');
    assert.equal(h.verdict, 'fail');
    assert.deepEqual(h.fix, { kind: 'ingressRule', groupId: 'sg-db', sourceGroupId: 'sg-gw', port: 5432, description: 'ClickPipes resource gateway rgw-1' });
  });

  it('fails egress, placement and availability when they are wrong', () => {
    const f = base();
    f.rules = known([rule({ id: 'sgr-in', groupId: 'sg-db', referencedGroupId: 'sg-gw' })]);
    f.target = known({ ...(f.target as { ok: true; value: any }).value, vpcId: 'vpc-2', status: 'stopped' });
    assert.deepEqual(verdicts(checkVpcResource(f)), { configuration: 'pass', gateway: 'pass', gatewayEgress: 'fail', targetIngress: 'pass', targetPlacement: 'fail', targetAvailable: 'fail' });
  });

  it('an unreadable rule set makes the network hops unknown, never pass', () => {
    const f = base();
    f.rules = unknownFact(DENIED);
    const hops = checkVpcResource(f);
    assert.equal(hop(hops, 'gatewayEgress').verdict, 'unknown');
    assert.equal(hop(hops, 'targetIngress').verdict, 'unknown');
    assert.deepEqual(hop(hops, 'targetIngress').evidence, [DENIED]);
    assert.equal(overall(hops), 'unknown');
    assert.deepEqual(verdicts(checkVpcResource({ ...f, configuration: unknownFact('Throttling') })), { configuration: 'unknown' });
  });
});

describe('doctor: endpoint service path', () => {
  const base = (): EndpointServiceFacts => ({
    service: known({ id: 'vpce-svc-1', name: 'com.amazonaws.vpce.us-east-1.vpce-svc-1', state: 'Available', acceptanceRequired: true, networkLoadBalancerArns: ['arn:nlb'],
      supportedRegions: [{ region: 'us-east-1' }], allowedPrincipals: ['arn:aws:iam::072088201116:root'], baseEndpointDnsNames: [],
      connections: [{ vpcEndpointId: 'vpce-1', owner: '072088201116', state: 'Available', region: 'us-east-1' }] }),
    loadBalancers: known([{ arn: 'arn:nlb', name: 'nlb', securityGroupIds: [] }]),
    listeners: known([{ loadBalancerArn: 'arn:nlb', port: 5432, protocol: 'TCP', targetGroupArns: ['arn:tg'] }]),
    targetHealth: known([{ targetGroupArn: 'arn:tg', targetId: '10.0.0.15', port: 5432, state: 'healthy' }]),
    rules: known([]),
    region: 'us-east-1',
  });

  it('passes a healthy, allowed, accepted service', () => {
    assert.deepEqual(verdicts(checkEndpointService(base())), {
      service: 'pass', principal: 'pass', connection: 'pass', region: 'pass', listener: 'pass', targets: 'pass', nlbSecurityGroups: 'pass',
    });
  });

  it('fails with the fixes: allow the principal, accept the connection, add the region; and on an unhealthy target', () => {
    const f = base();
    const s = (f.service as { ok: true; value: any }).value;
    f.service = known({ ...s, allowedPrincipals: [], connections: [{ vpcEndpointId: 'vpce-2', owner: '072088201116', state: 'PendingAcceptance', region: 'eu-west-1' }] });
    f.targetHealth = known([{ targetGroupArn: 'arn:tg', targetId: '10.0.1.30', port: 3306, state: 'unhealthy', reason: 'Target.Timeout' }]);
    const hops = checkEndpointService(f);
    assert.deepEqual(hop(hops, 'principal').fix, { kind: 'allowPrincipal', serviceId: 'vpce-svc-1' });
    assert.deepEqual(hop(hops, 'connection').fix, { kind: 'acceptConnections', serviceId: 'vpce-svc-1', endpointIds: ['vpce-2'] });
    assert.deepEqual(hop(hops, 'region').fix, { kind: 'addRegion', serviceId: 'vpce-svc-1', region: 'eu-west-1' });
    assert.equal(hop(hops, 'targets').verdict, 'fail');
    assert.match(hop(hops, 'targets').evidence[0], /10\.0\.1\.30:3306 unhealthy \(Target\.Timeout\)/);
  });

  it('NLB security groups: evaluated for PrivateLink traffic they must admit the listener port from any address; off needs nothing', () => {
    const f = base();
    f.loadBalancers = known([{ arn: 'arn:nlb', name: 'nlb', securityGroupIds: ['sg-nlb'], enforcePrivateLinkRules: 'on' }]);
    const closed = hop(checkEndpointService(f), 'nlbSecurityGroups');
    assert.equal(closed.verdict, 'fail');
    assert.deepEqual(closed.fix, { kind: 'nlbPrivateLinkRules', loadBalancerArn: 'arn:nlb', loadBalancerName: 'nlb', securityGroupIds: ['sg-nlb'] });
    // ClickPipes' client addresses are not known: a narrower CIDR is not a pass, nor a fail.
    f.rules = known([rule({ id: 'sgr-n', groupId: 'sg-nlb', cidr: '10.0.0.0/16' })]);
    const narrow = hop(checkEndpointService(f), 'nlbSecurityGroups');
    assert.equal(narrow.verdict, 'unknown');
    assert.equal(narrow.fix, undefined);
    f.rules = known([rule({ id: 'sgr-n', groupId: 'sg-nlb', cidr: '0.0.0.0/0' })]);
    assert.equal(hop(checkEndpointService(f), 'nlbSecurityGroups').verdict, 'pass');
    f.rules = known([]);
    f.loadBalancers = known([{ arn: 'arn:nlb', name: 'nlb', securityGroupIds: ['sg-nlb'], enforcePrivateLinkRules: 'off' }]);
    assert.equal(hop(checkEndpointService(f), 'nlbSecurityGroups').verdict, 'pass');
  });

  it('AccessDenied on ELBv2 makes the NLB hops unknown and leaves the service hops decided', () => {
    const f = { ...base(), loadBalancers: unknownFact<never>(DENIED), listeners: unknownFact<never>(DENIED), targetHealth: unknownFact<never>(DENIED) };
    const v = verdicts(checkEndpointService(f));
    assert.deepEqual([v.listener, v.targets, v.nlbSecurityGroups], ['unknown', 'unknown', 'unknown']);
    assert.equal(v.principal, 'pass');
  });
});

describe('doctor: MSK multi-VPC path', () => {
  const ARN = 'arn:aws:kafka:eu-central-1:123456789012:cluster/audit/abc-1';
  const base = (): MskFacts => ({
    auth: 'SASL_SCRAM',
    cluster: known({ arn: ARN, name: 'audit', clusterType: 'PROVISIONED', state: 'ACTIVE', currentVersion: 'K1', auth: { iam: false, scram: true, tls: false },
      multiVpc: { iam: false, scram: true, tls: false }, brokerCount: 2, securityGroupIds: ['sg-k'] }),
    policy: known({ currentVersion: 'K1', document: mskClusterPolicy(ARN) }),
    scramSecrets: known(['arn:aws:secretsmanager:eu-central-1:123456789012:secret:AmazonMSK_x-abc']),
    serverProperties: known('allow.everyone.if.no.acl.found = false\n'),
    rules: known([rule({ id: 'sgr-k', groupId: 'sg-k', cidr: '10.50.0.0/16', fromPort: 14001, toPort: 14100 })]),
  });

  it('passes a SCRAM cluster with ACLs enforced, a secret, the policy and open broker ports', () => {
    assert.deepEqual(verdicts(checkMskMultiVpc(base())), { cluster: 'pass', auth: 'pass', policy: 'pass', scramSecret: 'pass', acls: 'pass', brokerPorts: 'pass' });
  });

  it('fails a cluster that allows everyone, has no secret, no policy; closed broker ports are unknown, not a failure (the port range is unverified)', () => {
    const f = { ...base(), serverProperties: known('allow.everyone.if.no.acl.found=true'), scramSecrets: known([]), policy: known(null),
      rules: known([rule({ id: 'sgr-k', groupId: 'sg-k', cidr: '10.50.0.0/16', fromPort: 14001, toPort: 14001 })]) };
    const hops = checkMskMultiVpc(f);
    assert.deepEqual(verdicts(hops), { cluster: 'pass', auth: 'pass', policy: 'fail', scramSecret: 'fail', acls: 'fail', brokerPorts: 'unknown' });
    assert.match(hop(hops, 'acls').evidence[0], /allow\.everyone\.if\.no\.acl\.found=true/);
    assert.match(hop(hops, 'brokerPorts').evidence[0], /14002/);
    assert.match(hop(hops, 'brokerPorts').evidence.join(' '), /not in AWS's documentation/);
    assert.equal(hop(hops, 'brokerPorts').fix, undefined, 'no fix rests on an unverified port range');
    assert.equal(hop(checkMskMultiVpc({ ...base(), serverProperties: known(undefined) }), 'acls').verdict, 'fail');
  });

  it('no SASL/SCRAM secret: the hop fails with the secret fix and says how to make one; no fix while SCRAM is off on the cluster', () => {
    const none = hop(checkMskMultiVpc({ ...base(), scramSecrets: known([]) }), 'scramSecret');
    assert.equal(none.verdict, 'fail');
    assert.deepEqual(none.fix, { kind: 'mskScramSecret', clusterArn: ARN, clusterName: 'audit' });
    assert.match(none.evidence.join(' '), /name begins with AmazonMSK_, encrypted with a customer managed KMS key/);
    const c = base().cluster as { ok: true; value: MskDetail };
    const off = hop(checkMskMultiVpc({ ...base(), cluster: known({ ...c.value, auth: { ...c.value.auth, scram: false } }), scramSecrets: known([]) }), 'scramSecret');
    assert.deepEqual([off.verdict, off.fix], ['fail', undefined]);
    assert.equal(hop(checkMskMultiVpc(base()), 'scramSecret').fix, undefined);
  });

  it('IAM: multi-VPC IAM off fails; a throttled policy read is unknown', () => {
    const f: MskFacts = { ...base(), auth: 'SASL_IAM', policy: unknownFact('Throttling: Rate exceeded') };
    delete f.scramSecrets;
    const v = verdicts(checkMskMultiVpc(f));
    assert.deepEqual(v, { cluster: 'pass', auth: 'fail', policy: 'unknown', brokerPorts: 'pass' });
  });

  it('reads Java properties as Kafka does (last wins, comments skipped)', () => {
    assert.equal(propertyValue('# a=1\na=2\na : 3\n', 'a'), '3');
    assert.equal(propertyValue('b=1', 'a'), undefined);
  });
});

describe('doctor: database CDC path', () => {
  const pg = (over: Record<string, unknown> = {}) => known({
    kind: 'instance' as const, id: 'ledger', engine: 'postgres', engineVersion: '16.3', status: 'available', securityGroupIds: [], iamAuth: false,
    parameterGroup: 'default.postgres16', parameterApplyStatus: 'in-sync', ...over,
  });

  it('Postgres with logical replication on and in effect passes', () => {
    const f: DatabaseFacts = { database: pg({ parameterGroup: 'cdc' }), parameters: known({ 'rds.logical_replication': '1' }), family: 'postgres16' };
    assert.deepEqual(verdicts(checkDatabase(f)), { parameters: 'pass', applied: 'pass' });
  });

  it('Postgres on a default group with logical replication off fails with a copy-set-attach fix (static: reboot later)', () => {
    const f: DatabaseFacts = { database: pg(), parameters: known({ 'rds.logical_replication': '0' }), family: 'postgres16' };
    const h = hop(checkDatabase(f), 'parameters');
    assert.equal(h.verdict, 'fail');
    assert.match(h.evidence[0], /rds\.logical_replication=0 in default\.postgres16 \(needs 1\)/);
    assert.deepEqual(h.fix, { kind: 'parameters', level: 'instance', dbId: 'ledger', family: 'postgres16', currentGroup: 'default.postgres16', values: { 'rds.logical_replication': '1' }, static: true });
  });

  it('IAM auth for replication is required when the pipe uses IAM; pending reboot is its own failing hop with a reboot fix', () => {
    const f: DatabaseFacts = { database: pg({ parameterGroup: 'cdc', parameterApplyStatus: 'pending-reboot' }), parameters: known({ 'rds.logical_replication': '1' }), family: 'postgres16', iamAuthForReplication: true };
    assert.deepEqual(hop(checkDatabase(f), 'parameters').fix?.kind === 'parameters' && hop(checkDatabase(f), 'parameters').fix, {
      kind: 'parameters', level: 'instance', dbId: 'ledger', family: 'postgres16', currentGroup: 'cdc', values: { 'rds.iam_auth_for_replication': '1' }, static: false,
    });
    const ok: DatabaseFacts = { ...f, parameters: known({ 'rds.logical_replication': '1', 'rds.iam_auth_for_replication': '1' }) };
    const applied = hop(checkDatabase(ok), 'applied');
    assert.equal(applied.verdict, 'fail');
    assert.deepEqual(applied.fix, { kind: 'reboot', instanceId: 'ledger', reason: 'apply the parameter group cdc' });
  });

  it('MySQL needs ROW/FULL binlog and backups; Aurora fixes go to the cluster group; unreadable parameters are unknown', () => {
    const mysql: DatabaseFacts = {
      database: known({ kind: 'instance', id: 'inv', engine: 'mysql', engineVersion: '8.0.36', status: 'available', securityGroupIds: [], iamAuth: false, parameterGroup: 'default.mysql8.0', backupRetentionDays: 0 }),
      parameters: known({ binlog_format: 'MIXED', binlog_row_image: 'FULL' }), family: 'mysql8.0',
    };
    const hops = checkDatabase(mysql);
    assert.deepEqual(verdicts(hops), { parameters: 'fail', backups: 'fail' });
    assert.deepEqual((hop(hops, 'parameters').fix as { values: unknown }).values, { binlog_format: 'ROW' });
    const aurora: DatabaseFacts = { ...mysql, database: known({ kind: 'cluster', id: 'cat', engine: 'aurora-mysql', engineVersion: '8.0.mysql_aurora.3.05.2', status: 'available', securityGroupIds: [], iamAuth: false, parameterGroup: 'default.aurora-mysql8.0', backupRetentionDays: 7 }), parameters: known({ binlog_format: 'OFF', binlog_row_image: 'FULL' }), family: 'aurora-mysql8.0' };
    const fix = hop(checkDatabase(aurora), 'parameters').fix as { level: string; static: boolean };
    assert.deepEqual([fix.level, fix.static], ['cluster', true]);
    assert.equal(hop(checkDatabase({ ...mysql, parameters: unknownFact(DENIED) }), 'parameters').verdict, 'unknown');
  });

  it('backups off on a MySQL/MariaDB instance fail with the backups fix; Aurora always keeps backups, so its hop passes', () => {
    const instance = (engine: string, backupRetentionDays?: number): DatabaseFacts => ({
      database: known({ kind: 'instance', id: 'inv', engine, engineVersion: '8.0.36', status: 'available', securityGroupIds: [], iamAuth: false, parameterGroup: 'cdc', backupRetentionDays }),
      parameters: known({ binlog_format: 'ROW', binlog_row_image: 'FULL' }), family: 'mysql8.0',
    });
    for (const engine of ['mysql', 'mariadb']) {
      const off = hop(checkDatabase(instance(engine, 0)), 'backups');
      assert.equal(off.verdict, 'fail', engine);
      assert.deepEqual(off.fix, { kind: 'backups', instanceId: 'inv' });
      assert.deepEqual([hop(checkDatabase(instance(engine, 1)), 'backups').verdict, hop(checkDatabase(instance(engine, 1)), 'backups').fix], ['pass', undefined]);
      assert.equal(hop(checkDatabase(instance(engine)), 'backups').verdict, 'unknown');
    }
    // Even a figure of 0 (an Aurora member's own field) does not fail an Aurora cluster.
    const aurora: DatabaseFacts = { ...instance('aurora-mysql', 0), database: known({ kind: 'cluster', id: 'cat', engine: 'aurora-mysql', engineVersion: '8.0.mysql_aurora.3.05.2', status: 'available', securityGroupIds: [], iamAuth: false, parameterGroup: 'cdc', backupRetentionDays: 0 }) };
    const backups = hop(checkDatabase(aurora), 'backups');
    assert.deepEqual([backups.verdict, backups.fix], ['pass', undefined]);
    assert.match(backups.source ?? '', /API_ModifyDBCluster\.html$/);
  });

  it('names parameter group families as RDS does', () => {
    assert.equal(parameterFamily('postgres', '16.3', 'cdc'), 'postgres16');
    assert.equal(parameterFamily('aurora-mysql', '8.0.mysql_aurora.3.05.2'), 'aurora-mysql8.0');
    assert.equal(parameterFamily('mariadb', '10.11.8'), 'mariadb10.11');
    assert.equal(parameterFamily('postgres', '15.7', 'default.postgres15'), 'postgres15');
  });
});

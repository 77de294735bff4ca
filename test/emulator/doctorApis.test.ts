// The reads (and the few writes) behind the connectivity doctor, through the real SDK clients:
// security group rules, the network interface owning an IP, NLB listeners/target groups/health/attributes, RDS parameter groups and
// reboots, MSK SCRAM secrets and configuration revisions — on the demo scenario's broken setups.
import * as assert from 'node:assert/strict';
import {
  AuthorizeSecurityGroupIngressCommand, DescribeNetworkInterfacesCommand, DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand, EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand, DescribeLoadBalancerAttributesCommand, DescribeLoadBalancersCommand, DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand, ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  CreateDBClusterParameterGroupCommand, CreateDBParameterGroupCommand, DescribeDBClusterParametersCommand, DescribeDBClustersCommand,
  DescribeDBInstancesCommand, DescribeDBParametersCommand, ModifyDBClusterCommand, ModifyDBClusterParameterGroupCommand,
  ModifyDBInstanceCommand, ModifyDBParameterGroupCommand, RDSClient, RebootDBInstanceCommand,
} from '@aws-sdk/client-rds';
import { DescribeClusterV2Command, DescribeConfigurationRevisionCommand, KafkaClient, ListScramSecretsCommand } from '@aws-sdk/client-kafka';
import { startEmulator, RunningEmulator } from './index';
import { control, sdkConfig } from './testHelpers';
import { DEMO_ACCOUNT } from './scenarios/accounts';

const REGION = 'us-east-1';

async function failsWith(p: Promise<unknown>, name: string): Promise<any> {
  const err: any = await p.then(() => undefined, (e) => e);
  assert.ok(err, `expected ${name}, but the call succeeded`);
  assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
  return err;
}

describe('emulator: the connectivity doctor\'s APIs', () => {
  let emu: RunningEmulator;
  const region = () => emu.world.region(DEMO_ACCOUNT, REGION);
  const sg = (name: string) => [...region().securityGroups.values()].find((g) => g.GroupName === name)!.GroupId as string;
  before(async () => { emu = await startEmulator({ scenario: 'demo' }); });
  after(async () => { await emu.stop(); });
  beforeEach(async () => { await control(emu.url, 'POST', 'reset', { scenario: 'demo' }); });

  describe('EC2 security group rules', () => {
    const ec2 = () => new EC2Client(sdkConfig(emu.url, REGION));

    it('lists one rule per source with a stable id, CIDR or referenced group, filtered by group-id', async () => {
      const ledger = sg('ledger-database');
      const out = await ec2().send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [ledger] }] }));
      const ingress = out.SecurityGroupRules!.filter((r) => !r.IsEgress);
      assert.equal(ingress.length, 1);
      assert.equal(ingress[0].ReferencedGroupInfo?.GroupId, sg('resource-gateway'));
      assert.equal(ingress[0].FromPort, 5432);
      assert.match(ingress[0].SecurityGroupRuleId!, /^sgr-[0-9a-f]{17}$/);
      const egress = out.SecurityGroupRules!.filter((r) => r.IsEgress);
      assert.deepEqual(egress.map((r) => [r.IpProtocol, r.CidrIpv4, r.FromPort]), [['-1', '0.0.0.0/0', -1]]);
      const again = await ec2().send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [ingress[0].SecurityGroupRuleId!] }));
      assert.equal(again.SecurityGroupRules![0].GroupId, ledger);
      await failsWith(ec2().send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'bogus', Values: ['x'] }] })), 'InvalidParameterValue');
    });

    it('finds the network interface owning a private IP in a VPC, with its groups; another VPC or IP finds none', async () => {
      const vpc = region().vpcs.values().next().value!.VpcId as string;
      const byIp = (ip: string, vpcId = vpc) => ec2().send(new DescribeNetworkInterfacesCommand({
        Filters: [{ Name: 'addresses.private-ip-address', Values: [ip] }, { Name: 'vpc-id', Values: [vpcId] }],
      }));
      const [eni] = (await byIp('10.0.1.40')).NetworkInterfaces!;
      assert.match(eni.NetworkInterfaceId!, /^eni-[0-9a-f]{17}$/);
      assert.deepEqual(eni.Groups, [{ GroupId: sg('reports-ec2'), GroupName: 'reports-ec2' }]);
      assert.deepEqual([eni.VpcId, eni.PrivateIpAddress, eni.PrivateIpAddresses?.[0].Primary, eni.Attachment?.Status], [vpc, '10.0.1.40', true, 'attached']);
      const [rds] = (await byIp('10.0.1.25')).NetworkInterfaces!;
      assert.deepEqual([rds.RequesterManaged, rds.Description], [true, 'RDSNetworkInterface']);
      assert.deepEqual((await byIp('10.0.1.99')).NetworkInterfaces, []);
      assert.deepEqual((await byIp('10.0.1.40', 'vpc-00000000000000000')).NetworkInterfaces, []);
      const again = await ec2().send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni.NetworkInterfaceId!] }));
      assert.equal(again.NetworkInterfaces![0].PrivateIpAddress, '10.0.1.40');
      await failsWith(ec2().send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ['eni-0123456789abcdef0'] })), 'InvalidNetworkInterfaceID.NotFound');
      await failsWith(ec2().send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'bogus', Values: ['x'] }] })), 'InvalidParameterValue');
    });

    it('authorizes ingress from a security group; the rule shows in both reads, and a second time is a duplicate', async () => {
      const crm = sg('crm-database');
      const gateway = sg('resource-gateway');
      const input = { GroupId: crm, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: gateway, Description: 'ClickPipes resource gateway' }] }] };
      const out = await ec2().send(new AuthorizeSecurityGroupIngressCommand(input));
      assert.equal(out.Return, true);
      assert.equal(out.SecurityGroupRules!.length, 1);
      assert.equal(out.SecurityGroupRules![0].ReferencedGroupInfo?.GroupId, gateway);
      const groups = await ec2().send(new DescribeSecurityGroupsCommand({ GroupIds: [crm] }));
      const perm = groups.SecurityGroups![0].IpPermissions!.find((p) => p.UserIdGroupPairs?.length);
      assert.equal(perm?.UserIdGroupPairs![0].GroupId, gateway);
      await failsWith(ec2().send(new AuthorizeSecurityGroupIngressCommand(input)), 'InvalidPermission.Duplicate');
      await failsWith(ec2().send(new AuthorizeSecurityGroupIngressCommand({ ...input, GroupId: 'sg-0000000000000000f' })), 'InvalidGroup.NotFound');
      await failsWith(ec2().send(new AuthorizeSecurityGroupIngressCommand({
        GroupId: crm, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/33x' }] }],
      })), 'InvalidParameterValue');
    });
  });

  describe('ELBv2 listeners, target groups, health and attributes', () => {
    const elb = () => new ElasticLoadBalancingV2Client(sdkConfig(emu.url, REGION));
    const lbArn = async (name: string) => (await elb().send(new DescribeLoadBalancersCommand({ Names: [name] }))).LoadBalancers![0].LoadBalancerArn!;

    it('reads the listener, its target group and an unhealthy target with its reason', async () => {
      const arn = await lbArn('mysql-nlb');
      const listeners = await elb().send(new DescribeListenersCommand({ LoadBalancerArn: arn }));
      assert.deepEqual(listeners.Listeners!.map((l) => [l.Port, l.Protocol]), [[3306, 'TCP']]);
      const tgs = await elb().send(new DescribeTargetGroupsCommand({ LoadBalancerArn: arn }));
      assert.equal(tgs.TargetGroups!.length, 1);
      assert.equal(listeners.Listeners![0].DefaultActions![0].TargetGroupArn, tgs.TargetGroups![0].TargetGroupArn);
      const health = await elb().send(new DescribeTargetHealthCommand({ TargetGroupArn: tgs.TargetGroups![0].TargetGroupArn }));
      assert.deepEqual(health.TargetHealthDescriptions!.map((h) => [h.Target!.Id, h.TargetHealth!.State, h.TargetHealth!.Reason]),
        [['10.0.1.30', 'unhealthy', 'Target.Timeout']]);
      const healthy = await elb().send(new DescribeTargetGroupsCommand({ LoadBalancerArn: await lbArn('pg-proxy-nlb') }));
      const h2 = await elb().send(new DescribeTargetHealthCommand({ TargetGroupArn: healthy.TargetGroups![0].TargetGroupArn }));
      assert.ok(h2.TargetHealthDescriptions!.every((h) => h.TargetHealth!.State === 'healthy'));
    });

    it('reports NLB attributes and refuses unknown load balancers and target groups', async () => {
      const attrs = await elb().send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: await lbArn('kafka-nlb') }));
      assert.equal(attrs.Attributes!.find((a) => a.Key === 'load_balancing.cross_zone.enabled')?.Value, 'false');
      const bogus = (await lbArn('kafka-nlb')).replace(/[0-9a-f]{16}$/, '0000000000000000');
      await failsWith(elb().send(new DescribeListenersCommand({ LoadBalancerArn: bogus })), 'LoadBalancerNotFoundException');
      await failsWith(elb().send(new DescribeListenersCommand({})), 'ValidationError');
      await failsWith(elb().send(new DescribeTargetHealthCommand({
        TargetGroupArn: `arn:aws:elasticloadbalancing:${REGION}:${DEMO_ACCOUNT}:targetgroup/none/0123456789abcdef`,
      })), 'TargetGroupNotFoundException');
      const none = await elb().send(new DescribeListenersCommand({ LoadBalancerArn: await lbArn('kafka-nlb') }));
      assert.deepEqual(none.Listeners, []);
    });
  });

  describe('RDS parameter groups', () => {
    const rds = () => new RDSClient(sdkConfig(emu.url, REGION));
    const value = (params: Array<{ ParameterName?: string; ParameterValue?: string }>, name: string) =>
      params.find((p) => p.ParameterName === name)?.ParameterValue;

    it('a default group says logical replication is off and cannot be changed; a custom copy can, and takes effect after a reboot', async () => {
      const db = (await rds().send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'ledger-postgres' }))).DBInstances![0];
      assert.equal(db.DBParameterGroups![0].DBParameterGroupName, 'default.postgres16');
      const defaults = await rds().send(new DescribeDBParametersCommand({ DBParameterGroupName: 'default.postgres16' }));
      assert.equal(value(defaults.Parameters!, 'rds.logical_replication'), '0');
      assert.equal(defaults.Parameters!.find((p) => p.ParameterName === 'rds.logical_replication')!.ApplyType, 'static');
      const set = [{ ParameterName: 'rds.logical_replication', ParameterValue: '1', ApplyMethod: 'pending-reboot' as const }];
      await failsWith(rds().send(new ModifyDBParameterGroupCommand({ DBParameterGroupName: 'default.postgres16', Parameters: set })), 'InvalidParameterValue');
      const created = await rds().send(new CreateDBParameterGroupCommand({
        DBParameterGroupName: 'Ledger-CDC', DBParameterGroupFamily: 'postgres16', Description: 'logical replication on',
      }));
      assert.equal(created.DBParameterGroup!.DBParameterGroupName, 'ledger-cdc');
      await failsWith(rds().send(new CreateDBParameterGroupCommand({
        DBParameterGroupName: 'ledger-cdc', DBParameterGroupFamily: 'postgres16', Description: 'again',
      })), 'DBParameterGroupAlreadyExistsFault');
      await failsWith(rds().send(new ModifyDBParameterGroupCommand({
        DBParameterGroupName: 'ledger-cdc', Parameters: [{ ...set[0], ApplyMethod: 'immediate' }],
      })), 'InvalidParameterCombination');
      const modified = await rds().send(new ModifyDBParameterGroupCommand({ DBParameterGroupName: 'ledger-cdc', Parameters: set }));
      assert.equal(modified.DBParameterGroupName, 'ledger-cdc');
      const user = await rds().send(new DescribeDBParametersCommand({ DBParameterGroupName: 'ledger-cdc', Source: 'user' }));
      assert.deepEqual(user.Parameters!.map((p) => [p.ParameterName, p.ParameterValue]), [['rds.logical_replication', '1']]);
      await rds().send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'ledger-postgres', DBParameterGroupName: 'ledger-cdc', ApplyImmediately: true }));
      const pending = (await rds().send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'ledger-postgres' }))).DBInstances![0];
      assert.deepEqual(pending.DBParameterGroups, [{ DBParameterGroupName: 'ledger-cdc', ParameterApplyStatus: 'pending-reboot' }]);
      await rds().send(new RebootDBInstanceCommand({ DBInstanceIdentifier: 'ledger-postgres' }));
      await failsWith(rds().send(new RebootDBInstanceCommand({ DBInstanceIdentifier: 'ledger-postgres' })), 'InvalidDBInstanceStateFault');
      await control(emu.url, 'POST', 'clock/advance', { ms: 60_000 });
      const after = (await rds().send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'ledger-postgres' }))).DBInstances![0];
      assert.equal(after.DBInstanceStatus, 'available');
      assert.equal(after.DBParameterGroups![0].ParameterApplyStatus, 'in-sync');
      await failsWith(rds().send(new DescribeDBParametersCommand({ DBParameterGroupName: 'missing' })), 'DBParameterGroupNotFoundFault');
    });

    it('Aurora keeps the setting in the cluster group: copy, set, attach to the cluster, members pending reboot', async () => {
      const cluster = (await rds().send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'orders-aurora-pg' }))).DBClusters![0];
      const params = await rds().send(new DescribeDBClusterParametersCommand({ DBClusterParameterGroupName: cluster.DBClusterParameterGroup! }));
      assert.equal(value(params.Parameters!, 'rds.logical_replication'), '0');
      await rds().send(new CreateDBClusterParameterGroupCommand({
        DBClusterParameterGroupName: 'orders-cdc', DBParameterGroupFamily: 'aurora-postgresql16', Description: 'cdc',
      }));
      await rds().send(new ModifyDBClusterParameterGroupCommand({
        DBClusterParameterGroupName: 'orders-cdc', Parameters: [{ ParameterName: 'rds.logical_replication', ParameterValue: '1', ApplyMethod: 'pending-reboot' }],
      }));
      await rds().send(new ModifyDBClusterCommand({ DBClusterIdentifier: 'orders-aurora-pg', DBClusterParameterGroupName: 'orders-cdc', ApplyImmediately: true }));
      const after = (await rds().send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'orders-aurora-pg' }))).DBClusters![0];
      assert.equal(after.DBClusterParameterGroup, 'orders-cdc');
      assert.ok(after.DBClusterMembers!.every((m) => m.DBClusterParameterGroupStatus === 'pending-reboot'));
      await failsWith(rds().send(new ModifyDBClusterCommand({ DBClusterIdentifier: 'orders-aurora-pg', DBClusterParameterGroupName: 'default.aurora-mysql8.0' })),
        'InvalidParameterCombination');
    });
  });

  describe('MSK SCRAM secrets and configuration revisions', () => {
    const kafka = () => new KafkaClient(sdkConfig(emu.url, 'eu-central-1'));
    const eu = () => emu.world.region(DEMO_ACCOUNT, 'eu-central-1');
    const arnOf = (name: string) => [...eu().mskClusters.values()].find((c) => c.ClusterName === name)!.ClusterArn as string;

    it('lists the associated secrets and reads the server properties of the configuration the cluster runs', async () => {
      const arn = arnOf('eu-audit-scram');
      const secrets = await kafka().send(new ListScramSecretsCommand({ ClusterArn: arn }));
      assert.equal(secrets.SecretArnList!.length, 1);
      assert.match(secrets.SecretArnList![0], /^arn:aws:secretsmanager:eu-central-1:123456789012:secret:AmazonMSK_audit_clickpipes-/);
      const info = (await kafka().send(new DescribeClusterV2Command({ ClusterArn: arn }))).ClusterInfo!;
      const sw = info.Provisioned!.CurrentBrokerSoftwareInfo!;
      const rev = await kafka().send(new DescribeConfigurationRevisionCommand({ Arn: sw.ConfigurationArn!, Revision: sw.ConfigurationRevision! }));
      assert.match(Buffer.from(rev.ServerProperties!).toString('utf8'), /^allow\.everyone\.if\.no\.acl\.found=true$/m);
      await failsWith(kafka().send(new DescribeConfigurationRevisionCommand({ Arn: sw.ConfigurationArn!, Revision: 9 })), 'NotFoundException');
      const none = await kafka().send(new ListScramSecretsCommand({ ClusterArn: arnOf('eu-clickstream') }));
      assert.deepEqual(none.SecretArnList, []);
    });
  });
});

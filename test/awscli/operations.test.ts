// The oracle, part two: every AWS operation the extension calls goes once through the real AWS
// CLI against the emulator, and botocore (whose parsers share nothing with SDK v3's) parses the
// answer: exit 0, JSON out, and the keys the extension reads are there.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { AwsLayer } from '../../src/aws/api';
import { CLICKPIPES_PRINCIPAL_ARN } from '../../src/model/clickpipes';
import { control, emulatorSuite, EU, US } from '../integration/awsEnv';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { assertAllCallsReachedEmulator, awsCall, cliSandbox, cliTool, wireProblems, withoutDebug, type CliSandbox, type WireAnswer } from './awsCli';
import { extensionOperations } from './operations';

type Ids = Awaited<ReturnType<typeof demoIds>>;
type Fixture = { setup?: string[][]; args: string[]; keys: string[] };
type Suite = ReturnType<typeof emulatorSuite>;

async function demoIds(layer: AwsLayer) {
  const byName = <T extends { name?: string }>(l: T[], n: string) => l.find((x) => x.name === n)!;
  const gateways = await layer.listResourceGateways(US);
  const configs = await layer.listResourceConfigurations(US);
  const shares = await layer.listResourceShares(US);
  const clusters = await layer.listMskClusters(US, { policies: true });
  const services = await layer.listEndpointServices(US);
  const vpcs = await layer.listVpcs(US);
  const vpc = byName(vpcs, 'prod-data');
  const subnets = (await layer.listSubnets(US, vpc.id)).filter((s) => /^prod-data-[ab]$/.test(s.name ?? ''));
  const pendingService = services.find((s) => s.connections.some((c) => c.state === 'PendingAcceptance'))!;
  const euAudit = (await layer.listMskClusters(EU)).find((c) => c.name === 'eu-audit-scram')!;
  const euDetail = await layer.doctor.mskMultiVpc(EU, euAudit.arn, 'SASL_SCRAM');
  return {
    euAudit,
    euConfiguration: euDetail.cluster.ok ? euDetail.cluster.value.configurationArn ?? '' : '',
    gateway: byName(gateways, 'prod-data-gateway').id,
    failedGateway: byName(gateways, 'tiny-subnet-gateway').id,
    sg: byName(await layer.listSecurityGroups(US, vpc.id), 'resource-gateway').id,
    single: byName(configs, 'billing-postgres').id,
    group: byName(configs, 'kafka-group').arn,
    share: byName(shares, 'billing-postgres-share').arn,
    orders: byName(clusters, 'orders-events'),
    payments: byName(clusters, 'payments-stream'),
    service: pendingService.id,
    pending: pendingService.connections.find((c) => c.state === 'PendingAcceptance')!.vpcEndpointId,
    vpc: vpc.id,
    subnets: subnets.map((s) => s.id),
    // The demo's free NLB: one already behind a service cannot front another.
    nlb: byName(await layer.listLoadBalancers(US), 'reports-nlb').arn,
    alb: (await layer.listLoadBalancers(US)).find((l) => l.type === 'application')!.arn,
    pgProxyNlb: byName(await layer.listLoadBalancers(US), 'pg-proxy-nlb').arn,
    databasesSg: byName(await layer.listSecurityGroups(US, vpc.id), 'databases').id,
    auditScram: byName(await layer.listMskClusters(EU), 'eu-audit-scram').arn,
  };
}

/** The demo's target group behind pg-proxy-nlb, and the broker configuration of eu-audit-scram (read where the doctor finds them). */
function doctorIds(suite: Suite, ids: Ids) {
  const us = suite.emu.world.region(DEMO_ACCOUNT, US.region);
  const eu = suite.emu.world.region(DEMO_ACCOUNT, EU.region);
  const targetGroup = [...us.targetGroups.values()].find((t) => (t.LoadBalancerArns ?? []).includes(ids.pgProxyNlb))!.TargetGroupArn as string;
  const sw = eu.mskClusters.get(ids.auditScram)!.Provisioned.CurrentBrokerSoftwareInfo;
  return { targetGroup, configurationArn: sw.ConfigurationArn as string, configurationRevision: String(sw.ConfigurationRevision) };
}

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:role/ch' }, Action: 'sts:AssumeRole' }] });
const CONNECT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'rds-db:connect', Resource: 'arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABC/u' }] });
const ASSUMABLE_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
const ROLE = ['iam', 'create-role', '--role-name', 'oracle-role', '--assume-role-policy-document', TRUST];
const ROLE_POLICY = ['iam', 'put-role-policy', '--role-name', 'oracle-role', '--policy-name', 'p', '--policy-document', CONNECT];

const CLUSTER_PG = (name: string) => ['rds', 'create-db-cluster-parameter-group', '--db-cluster-parameter-group-name', name, '--db-parameter-group-family', 'aurora-postgresql16', '--description', 'oracle'];
const INSTANCE_PG = (name: string) => ['rds', 'create-db-parameter-group', '--db-parameter-group-name', name, '--db-parameter-group-family', 'postgres16', '--description', 'oracle'];

/** A demo secret's ARN (the emulator keys secrets by ARN). */
const mskSecretArn = (suite: Suite, name: string) => [...suite.emu.world.region(DEMO_ACCOUNT, US.region).secrets.values()].find((x) => x.Name === name)!.ARN as string;

/** One call per operation, on the demo world; `keys` are what the extension reads from the answer. */
const FIXTURES: Record<string, (ids: Ids, suite: Suite) => Fixture | Promise<Fixture>> = {
  'vpc-lattice:CreateResourceGateway': (i) => ({ args: ['--name', 'oracle-gw', '--vpc-identifier', i.vpc, '--subnet-ids', ...i.subnets], keys: ['id', 'arn', 'status'] }),
  'vpc-lattice:GetResourceGateway': (i) => ({ args: ['--resource-gateway-identifier', i.gateway], keys: ['id', 'arn', 'name', 'status', 'vpcId', 'subnetIds'] }),
  'vpc-lattice:UpdateResourceGateway': (i) => ({ args: ['--resource-gateway-identifier', i.gateway, '--security-group-ids', i.sg], keys: ['id', 'status'] }),
  'vpc-lattice:DeleteResourceGateway': (i) => ({ args: ['--resource-gateway-identifier', i.failedGateway], keys: ['id', 'status'] }),
  'vpc-lattice:ListResourceGateways': () => ({ args: [], keys: ['items'] }),
  'vpc-lattice:CreateResourceConfiguration': (i) => ({ args: ['--name', 'oracle-cfg', '--type', 'SINGLE', '--resource-gateway-identifier', i.gateway, '--port-ranges', '5432', '--protocol', 'TCP', '--resource-configuration-definition', JSON.stringify({ ipResource: { ipAddress: '10.0.0.60' } })], keys: ['id', 'arn', 'status'] }),
  'vpc-lattice:GetResourceConfiguration': (i) => ({ args: ['--resource-configuration-identifier', i.single], keys: ['id', 'arn', 'name', 'type', 'status', 'portRanges', 'resourceConfigurationDefinition'] }),
  'vpc-lattice:UpdateResourceConfiguration': (i) => ({ args: ['--resource-configuration-identifier', i.single, '--port-ranges', '5433'], keys: ['id', 'portRanges'] }),
  'vpc-lattice:DeleteResourceConfiguration': (i) => ({ args: ['--resource-configuration-identifier', i.single], keys: [] }),
  'vpc-lattice:ListResourceConfigurations': () => ({ args: [], keys: ['items'] }),
  'ram:CreateResourceShare': (i) => ({ args: ['--name', 'oracle-share', '--resource-arns', i.group, '--principals', '072088201116', '--allow-external-principals'], keys: ['resourceShare'] }),
  'ram:GetResourceShares': () => ({ args: ['--resource-owner', 'SELF'], keys: ['resourceShares'] }),
  'ram:GetResourceShareAssociations': () => ({ args: ['--association-type', 'PRINCIPAL'], keys: ['resourceShareAssociations'] }),
  'ram:AssociateResourceShare': (i) => ({ args: ['--resource-share-arn', i.share, '--principals', '210987654321'], keys: ['resourceShareAssociations'] }),
  'ram:DeleteResourceShare': (i) => ({ args: ['--resource-share-arn', i.share], keys: ['returnValue'] }),
  'kafka:ListClustersV2': () => ({ args: [], keys: ['ClusterInfoList'] }),
  'kafka:DescribeClusterV2': (i) => ({ args: ['--cluster-arn', i.orders.arn], keys: ['ClusterInfo'] }),
  'kafka:UpdateConnectivity': (i) => ({ args: ['--cluster-arn', i.orders.arn, '--current-version', i.orders.currentVersion, '--connectivity-info', JSON.stringify({ VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true }, Scram: { Enabled: false } } } } })], keys: ['ClusterArn', 'ClusterOperationArn'] }),
  'kafka:GetClusterPolicy': (i) => ({ args: ['--cluster-arn', i.payments.arn], keys: ['CurrentVersion', 'Policy'] }),
  'kafka:PutClusterPolicy': (i) => ({ args: ['--cluster-arn', i.orders.arn, '--policy', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::072088201116:root' }, Action: ['kafka:CreateVpcConnection'], Resource: i.orders.arn }] })], keys: ['CurrentVersion'] }),
  'kafka:DeleteClusterPolicy': (i) => ({ args: ['--cluster-arn', i.payments.arn], keys: [] }),
  'kafka:ListConfigurations': () => ({ args: [], keys: ['Configurations'] }),
  'kafka:CreateConfiguration': () => ({ args: ['--name', 'oracle-config', '--server-properties', 'allow.everyone.if.no.acl.found=false\n', '--kafka-versions', '3.6.0'], keys: ['Arn', 'LatestRevision'] }),
  'kafka:UpdateConfiguration': (i) => ({ args: ['--region', 'eu-central-1', '--arn', i.euConfiguration, '--server-properties', 'allow.everyone.if.no.acl.found=false\n'], keys: ['Arn', 'LatestRevision'] }),
  'kafka:UpdateClusterConfiguration': (i) => ({ args: ['--region', 'eu-central-1', '--cluster-arn', i.euAudit.arn, '--current-version', i.euAudit.currentVersion, '--configuration-info', JSON.stringify({ Arn: i.euConfiguration, Revision: 1 })], keys: ['ClusterArn', 'ClusterOperationArn'] }),
  'kafka:GetBootstrapBrokers': (i) => ({ args: ['--cluster-arn', i.payments.arn], keys: ['BootstrapBrokerStringVpcConnectivitySaslIam'] }),
  'kafka:DescribeClusterOperationV2': async (i, suite) => {
    // An operation to describe: the connectivity update the MSK plan waits on (same settings as the cluster has).
    const started = await suite.layer.call(US, 'kafka', 'UpdateConnectivity', {
      ClusterArn: i.payments.arn, CurrentVersion: i.payments.currentVersion,
      ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true }, Scram: { Enabled: false } } } } },
    }) as { ClusterOperationArn: string };
    return { args: ['--cluster-operation-arn', started.ClusterOperationArn], keys: ['ClusterOperationInfo'] };
  },
  'kafka:BatchAssociateScramSecret': (i, suite) => ({
    args: ['--cluster-arn', i.orders.arn, '--secret-arn-list', mskSecretArn(suite, 'AmazonMSK_orders_clickpipes'), mskSecretArn(suite, 'AmazonMSK_orders_default_key')],
    keys: ['ClusterArn', 'UnprocessedScramSecrets'],
  }),
  'secretsmanager:ListSecrets': () => ({ args: ['--filters', 'Key=name,Values=AmazonMSK_'], keys: ['SecretList'] }),
  'kafka:ListScramSecrets': (i) => ({ args: ['--region', EU.region, '--cluster-arn', i.auditScram], keys: ['SecretArnList'] }),
  'kafka:DescribeConfigurationRevision': (i, suite) => {
    const d = doctorIds(suite, i);
    return { args: ['--region', EU.region, '--arn', d.configurationArn, '--revision', d.configurationRevision], keys: ['Arn', 'Revision', 'ServerProperties'] };
  },
  'ec2:CreateVpcEndpointServiceConfiguration': (i) => ({ args: ['--network-load-balancer-arns', i.nlb, '--acceptance-required'], keys: ['ServiceConfiguration'] }),
  'ec2:DescribeVpcEndpointServiceConfigurations': () => ({ args: [], keys: ['ServiceConfigurations'] }),
  'ec2:ModifyVpcEndpointServiceConfiguration': (i) => ({ args: ['--service-id', i.service, '--add-supported-regions', 'us-east-2'], keys: ['Return'] }),
  'ec2:DeleteVpcEndpointServiceConfigurations': (i) => ({ args: ['--service-ids', i.service], keys: ['Unsuccessful'] }),
  'ec2:DescribeVpcEndpointServicePermissions': (i) => ({ args: ['--service-id', i.service], keys: ['AllowedPrincipals'] }),
  'ec2:ModifyVpcEndpointServicePermissions': (i) => ({ args: ['--service-id', i.service, '--add-allowed-principals', CLICKPIPES_PRINCIPAL_ARN], keys: ['ReturnValue'] }),
  'ec2:DescribeVpcEndpointConnections': () => ({ args: [], keys: ['VpcEndpointConnections'] }),
  'ec2:AcceptVpcEndpointConnections': (i) => ({ args: ['--service-id', i.service, '--vpc-endpoint-ids', i.pending], keys: ['Unsuccessful'] }),
  'ec2:RejectVpcEndpointConnections': (i) => ({ args: ['--service-id', i.service, '--vpc-endpoint-ids', i.pending], keys: ['Unsuccessful'] }),
  'ec2:StartVpcEndpointServicePrivateDnsVerification': (i) => ({ setup: [['ec2', 'modify-vpc-endpoint-service-configuration', '--service-id', i.service, '--private-dns-name', 'db.example.com']], args: ['--service-id', i.service], keys: ['ReturnValue'] }),
  'ec2:DescribeVpcs': () => ({ args: [], keys: ['Vpcs'] }),
  'ec2:DescribeSubnets': (i) => ({ args: ['--filters', `Name=vpc-id,Values=${i.vpc}`], keys: ['Subnets'] }),
  'ec2:DescribeSecurityGroups': (i) => ({ args: ['--filters', `Name=vpc-id,Values=${i.vpc}`], keys: ['SecurityGroups'] }),
  'ec2:DescribeSecurityGroupRules': (i) => ({ args: ['--filters', `Name=group-id,Values=${i.databasesSg},${i.sg}`, '--max-results', '1000'], keys: ['SecurityGroupRules'] }),
  // The doctor's IP-target lookup: the demo's reports-postgres-ec2 configuration points at 10.0.1.40.
  'ec2:DescribeNetworkInterfaces': (i) => ({
    args: ['--filters', 'Name=addresses.private-ip-address,Values=10.0.1.40', `Name=vpc-id,Values=${i.vpc}`, '--max-results', '1000'], keys: ['NetworkInterfaces'],
  }),
  'ec2:AuthorizeSecurityGroupIngress': (i) => ({
    args: ['--group-id', i.databasesSg, '--ip-permissions', JSON.stringify([{ IpProtocol: 'tcp', FromPort: 6543, ToPort: 6543, UserIdGroupPairs: [{ GroupId: i.sg, Description: 'ClickPipes resource gateway' }] }])],
    keys: ['Return', 'SecurityGroupRules'],
  }),
  'iam:CreateRole': () => ({ args: ROLE.slice(2), keys: ['Role'] }),
  'iam:GetRole': () => ({ setup: [ROLE], args: ['--role-name', 'oracle-role'], keys: ['Role'] }),
  'iam:PutRolePolicy': () => ({ setup: [ROLE], args: ROLE_POLICY.slice(2), keys: [] }),
  'iam:GetRolePolicy': () => ({ setup: [ROLE, ROLE_POLICY], args: ['--role-name', 'oracle-role', '--policy-name', 'p'], keys: ['RoleName', 'PolicyName', 'PolicyDocument'] }),
  'iam:DeleteRolePolicy': () => ({ setup: [ROLE, ROLE_POLICY], args: ['--role-name', 'oracle-role', '--policy-name', 'p'], keys: [] }),
  'iam:TagRole': () => ({ setup: [ROLE], args: ['--role-name', 'oracle-role', '--tags', 'Key=a,Value=b'], keys: [] }),
  'iam:DeleteRole': () => ({ setup: [ROLE], args: ['--role-name', 'oracle-role'], keys: [] }),
  'rds:DescribeDBInstances': () => ({ args: [], keys: ['DBInstances'] }),
  'rds:DescribeDBClusters': () => ({ args: [], keys: ['DBClusters'] }),
  // The doctor's custom-endpoint lookup: the demo's orders-aurora-pg has the custom endpoint orders-reports.
  'rds:DescribeDBClusterEndpoints': () => ({ args: ['--db-cluster-endpoint-identifier', 'orders-reports'], keys: ['DBClusterEndpoints'] }),
  'rds:ModifyDBInstance': () => ({ args: ['--db-instance-identifier', 'billing-postgres', '--enable-iam-database-authentication', '--apply-immediately'], keys: ['DBInstance'] }),
  'rds:ModifyDBCluster': () => ({ args: ['--db-cluster-identifier', 'catalog-aurora-mysql', '--enable-iam-database-authentication', '--apply-immediately'], keys: ['DBCluster'] }),
  'rds:DescribeDBParameters': () => ({ args: ['--db-parameter-group-name', 'cdc-postgres16', '--max-records', '100'], keys: ['Parameters'] }),
  'rds:DescribeDBClusterParameters': () => ({ args: ['--db-cluster-parameter-group-name', 'default.aurora-postgresql16', '--max-records', '100'], keys: ['Parameters'] }),
  'rds:CreateDBParameterGroup': () => ({ args: INSTANCE_PG('oracle-pg-created').slice(2), keys: ['DBParameterGroup'] }),
  'rds:CreateDBClusterParameterGroup': () => ({ args: CLUSTER_PG('oracle-cluster-pg-created').slice(2), keys: ['DBClusterParameterGroup'] }),
  'rds:ModifyDBParameterGroup': () => ({
    setup: [INSTANCE_PG('oracle-pg-modified')],
    args: ['--db-parameter-group-name', 'oracle-pg-modified', '--parameters', 'ParameterName=rds.logical_replication,ParameterValue=1,ApplyMethod=pending-reboot'],
    keys: ['DBParameterGroupName'],
  }),
  'rds:ModifyDBClusterParameterGroup': () => ({
    setup: [CLUSTER_PG('oracle-cluster-pg-modified')],
    args: ['--db-cluster-parameter-group-name', 'oracle-cluster-pg-modified', '--parameters', 'ParameterName=rds.logical_replication,ParameterValue=1,ApplyMethod=pending-reboot'],
    keys: ['DBClusterParameterGroupName'],
  }),
  'rds:RebootDBInstance': () => ({ args: ['--db-instance-identifier', 'crm-postgres'], keys: ['DBInstance'] }),
  'sts:GetCallerIdentity': () => ({ args: [], keys: ['UserId', 'Account', 'Arn'] }),
  // What src/aws/credentials.ts does for a role_arn profile: a role whose trust policy names the caller's account.
  'sts:AssumeRole': () => ({
    setup: [['iam', 'create-role', '--role-name', 'oracle-assumable', '--assume-role-policy-document', ASSUMABLE_TRUST]],
    args: ['--role-arn', `arn:aws:iam::${DEMO_ACCOUNT}:role/oracle-assumable`, '--role-session-name', 'clickpipes-oracle', '--duration-seconds', '900'],
    keys: ['Credentials', 'AssumedRoleUser'],
  }),
  'elbv2:DescribeLoadBalancers': () => ({ args: [], keys: ['LoadBalancers'] }),
  // The demo NLBs were made without security groups (which AWS does not let them get later): the ALB takes the call.
  'elbv2:SetSecurityGroups': (i) => ({ args: ['--load-balancer-arn', i.alb, '--security-groups', i.sg], keys: ['SecurityGroupIds'] }),
  'elbv2:DescribeListeners': (i) => ({ args: ['--load-balancer-arn', i.pgProxyNlb], keys: ['Listeners'] }),
  'elbv2:DescribeTargetHealth': (i, suite) => ({ args: ['--target-group-arn', doctorIds(suite, i).targetGroup], keys: ['TargetHealthDescriptions'] }),
};

/** The CLI's JSON with the secret parts of temporary credentials (AssumeRole) blanked, for failure messages. */
const redacted = (json: string) => json.replace(/("(?:SecretAccessKey|SessionToken)"\s*:\s*)"[^"]*"/g, '$1"***"');

const kebab = (op: string) => op.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();

describe('awscli oracle: every AWS operation the extension calls, through the real AWS CLI', function () {
  this.timeout(90_000);
  before(() => { cliTool(); });
  const suite = emulatorSuite('demo');
  const operations = extensionOperations(path.join(__dirname, '..', '..', '..', 'src', 'aws'));
  let box: CliSandbox;
  let covered = 0;
  const answers: WireAnswer[] = [];
  beforeEach(async () => {
    box = cliSandbox(suite.emu.url);
    await control(suite.emu.url, 'POST', 'clock/advance', { ms: 3_600_000 });
    await control(suite.emu.url, 'DELETE', 'log');
  });
  afterEach(() => box.dispose());
  after(() => console.log(`      awscli operations: ${operations.length} called by the extension, ${covered} answered and parsed by botocore`));

  it('every operation the extension calls has a fixture here', () => {
    const keys = operations.map((o) => `${o.service}:${o.operation}`);
    assert.ok(keys.length >= 40, `only ${keys.length} operations found in src/aws`);
    assert.deepEqual(keys.filter((k) => !FIXTURES[k]), []);
    assert.deepEqual(Object.keys(FIXTURES).filter((k) => !keys.includes(k)), [], 'fixtures for operations the extension no longer calls');
  });

  for (const { service, operation } of operations) {
    const key = `${service}:${operation}`;
    it(`${service} ${kebab(operation)}`, async () => {
      assert.ok(FIXTURES[key], `no fixture: ${key} never goes through the CLI`);
      const fixture = await FIXTURES[key](await demoIds(suite.layer), suite);
      for (const [s, op, ...args] of fixture.setup ?? []) {
        const r = await awsCall(box, s, op, args);
        assert.equal(r.code, 0, `setup aws ${s} ${op}: ${r.stderr}`);
      }
      // --debug logs the raw answer, for the wire check at the end; stdout stays the parsed JSON.
      const r = await awsCall(box, service, kebab(operation), [...fixture.args, '--debug']);
      assert.equal(r.code, 0, `aws ${service} ${kebab(operation)} exited ${r.code}: ${withoutDebug(r.stderr)}`);
      answers.push({ id: key, service, operation, debug: r.stderr });
      const out = r.stdout.trim() ? JSON.parse(r.stdout) : {};
      for (const k of fixture.keys) assert.ok(k in out, `botocore's parse of ${operation} has no ${k}: ${redacted(r.stdout).slice(0, 400)}`);
      assertAllCallsReachedEmulator(box, (await control(suite.emu.url, 'GET', 'log')).entries);
      covered++;
    });
  }

  it('every answer above names only members of botocore\'s output shape, each readable as its type', () => {
    assert.ok(answers.length > 0, 'no answer was recorded (did every operation above fail?)');
    const problems = Object.entries(wireProblems(answers)).flatMap(([id, list]) => list.map((p) => `${id}: ${p}`));
    console.log(`      awscli wire check: ${answers.length} answers walked against botocore's output shapes, ${problems.length} problems`);
    assert.deepEqual(problems, []);
  });
});

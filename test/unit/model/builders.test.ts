import * as assert from 'node:assert/strict';
import {
  applyDocumentEdit, buildClickhouseEndpointFromPlan, withClickhouseEndpoint, buildClickhouseEndpointPlan, buildEndpointServicePlan, buildIamDbAuthPlan, buildMskMultiVpcPlan,
  buildVpcResourcePlan, documentsFor,
} from '../../../src/model/builders';
import { mskClusterPolicy } from '../../../src/model/policies';
import { validatePlan } from '../../../src/model/planSchema';
import type { Plan } from '../../../src/model/plan';
import { MSK_ARN, RDS_CLUSTER_ARN, ctx, vpcForm } from './fixtures';

const ids = (plan: Plan) => plan.steps.map((s) => `${s.id}:${s.service}:${s.operation}`);
const step = (plan: Plan, id: string) => plan.steps.find((s) => s.id === id)!;

describe('builders', () => {
  describe('vpcResource', () => {
    it('new gateway → ARN configuration → share to ClickPipes', () => {
      const plan = buildVpcResourcePlan(vpcForm, ctx);
      assert.deepEqual(ids(plan), [
        'gateway:vpc-lattice:CreateResourceGateway', 'configuration:vpc-lattice:CreateResourceConfiguration', 'share:ram:CreateResourceShare',
      ]);
      assert.equal(plan.id, 'plan-0001');
      assert.equal(plan.createdAt, ctx.createdAt);
      assert.equal(plan.accountId, '123456789012');
      const gw = step(plan, 'gateway');
      assert.deepEqual(gw.waitFor?.input, { resourceGatewayIdentifier: '${steps.gateway.id}' });
      assert.deepEqual(gw.waitFor?.success, ['ACTIVE']);
      assert.equal(gw.clientTokenField, 'clientToken');
      const cfg = step(plan, 'configuration');
      assert.equal(cfg.input.resourceGatewayIdentifier, '${steps.gateway.id}');
      assert.deepEqual(cfg.input.resourceConfigurationDefinition, { arnResource: { arn: RDS_CLUSTER_ARN } });
      assert.equal(cfg.input.portRanges, undefined);
      assert.equal(cfg.waitFor?.operation, 'GetResourceConfiguration');
      const share = step(plan, 'share');
      assert.deepEqual(share.input.principals, ['072088201116']);
      assert.deepEqual(share.input.resourceArns, ['${steps.configuration.arn}']);
      assert.equal(share.input.allowExternalPrincipals, true);
      // The result shows the share's settled state, not the create's PENDING.
      assert.deepEqual(share.waitFor && { ...share.waitFor, timeoutSeconds: undefined }, {
        operation: 'GetResourceShares', input: { resourceOwner: 'SELF', resourceShareArns: ['${steps.share.arn}'] },
        statusPath: 'resourceShares.0.status', success: ['ACTIVE'], failure: ['FAILED', 'DELETING', 'DELETED'], timeoutSeconds: undefined,
      });
      assert.deepEqual(plan.results, { 'Resource configuration ID': '${steps.configuration.id}', 'Resource share ARN': '${steps.share.arn}' });
      assert.deepEqual(validatePlan(plan), []);
    });

    it('existing gateway, SINGLE with IP and DNS, CHILD with a group', () => {
      const ip = buildVpcResourcePlan({ ...vpcForm, gatewayMode: 'existing', gatewayId: 'rgw-0bba03f3d56060135', configurationType: 'SINGLE', definitionKind: 'ip', ipAddress: '10.0.1.5', portRanges: ['5432'] }, ctx);
      assert.deepEqual(ids(ip).map((s) => s.split(':')[0]), ['configuration', 'share']);
      assert.deepEqual(step(ip, 'configuration').input.resourceConfigurationDefinition, { ipResource: { ipAddress: '10.0.1.5' } });
      assert.deepEqual(step(ip, 'configuration').input.portRanges, ['5432']);
      assert.equal(step(ip, 'configuration').input.protocol, 'TCP');
      const dns = buildVpcResourcePlan({ ...vpcForm, configurationType: 'SINGLE', definitionKind: 'dns', domainName: 'db.example.com', portRanges: ['3306'] }, ctx);
      assert.deepEqual(step(dns, 'configuration').input.resourceConfigurationDefinition, { dnsResource: { domainName: 'db.example.com', ipAddressType: 'IPV4' } });
      for (const p of [ip, dns]) assert.deepEqual(validatePlan(p), []);
    });

    // AWS: a CHILD "can't be shared independently; it can only be shared as part of a group".
    it('CHILD into an existing group: creates the child only, shares nothing, points at the group\'s share', () => {
      const form = { ...vpcForm, configurationType: 'CHILD' as const, groupId: 'rcfg-0123456789abcdefg', definitionKind: 'dns' as const, domainName: 'db.example.com', portRanges: ['5432'] };
      const child = buildVpcResourcePlan(form, ctx);
      assert.deepEqual(ids(child), ['configuration:vpc-lattice:CreateResourceConfiguration']);
      const cfg = step(child, 'configuration');
      assert.equal(cfg.input.resourceGatewayIdentifier, undefined);
      assert.equal(cfg.input.resourceConfigurationGroupIdentifier, 'rcfg-0123456789abcdefg');
      assert.equal(cfg.input.protocol, undefined, 'a CHILD inherits its group\'s protocol');
      assert.deepEqual(child.results, { 'Resource configuration ID': '${steps.configuration.id}' });
      assert.ok(child.warnings.some((w) => /not shared on its own, only through its GROUP/.test(w)));
      const shared = buildVpcResourcePlan({ ...form, groupShareArn: 'arn:aws:ram:us-east-1:123456789012:resource-share/abc' }, ctx);
      assert.equal(shared.results['Resource share ARN'], 'arn:aws:ram:us-east-1:123456789012:resource-share/abc');
      assert.ok(shared.warnings.some((w) => w.includes("through its group's share arn:aws:ram:us-east-1:123456789012:resource-share/abc")));
      for (const p of [child, shared]) assert.deepEqual(validatePlan(p), []);
    });

    it('GROUP: creates the group, its first CHILD with the target, and shares the group', () => {
      const plan = buildVpcResourcePlan({ ...vpcForm, configurationType: 'GROUP', definitionKind: 'ip', ipAddress: '10.0.1.5', portRanges: ['9092-9098'] }, ctx);
      assert.deepEqual(ids(plan), [
        'gateway:vpc-lattice:CreateResourceGateway', 'configuration:vpc-lattice:CreateResourceConfiguration',
        'child:vpc-lattice:CreateResourceConfiguration', 'share:ram:CreateResourceShare',
      ]);
      const group = step(plan, 'configuration');
      assert.equal(group.input.type, 'GROUP');
      assert.equal(group.input.resourceConfigurationDefinition, undefined);
      assert.equal(group.input.resourceGatewayIdentifier, '${steps.gateway.id}');
      const child = step(plan, 'child');
      assert.equal(child.input.type, 'CHILD');
      assert.equal(child.input.name, 'my-rds-cluster-config-child');
      assert.equal(child.input.resourceConfigurationGroupIdentifier, '${steps.configuration.id}');
      assert.equal(child.input.resourceGatewayIdentifier, undefined);
      assert.deepEqual(child.input.resourceConfigurationDefinition, { ipResource: { ipAddress: '10.0.1.5' } });
      assert.deepEqual(child.waitFor?.input, { resourceConfigurationIdentifier: '${steps.child.id}' });
      assert.deepEqual(step(plan, 'share').input.resourceArns, ['${steps.configuration.arn}']);
      assert.equal(plan.results['Child resource configuration ID'], '${steps.child.id}');
      assert.deepEqual(validatePlan(plan), []);
    });

    it('warns outside ClickPipes regions', () => {
      const plan = buildVpcResourcePlan(vpcForm, { ...ctx, region: 'eu-south-1' });
      assert.equal(plan.warnings[0], 'eu-south-1 is not a ClickPipes region; VPC resource endpoints do not work across regions.');
    });

    it('documents: plan JSON, CLI, notes', () => {
      const plan = buildVpcResourcePlan(vpcForm, ctx);
      const docs = documentsFor(plan);
      assert.deepEqual(docs.map((d) => [d.name, d.language, d.editable]), [
        ['plan.json', 'json', true], ['commands.sh', 'shellscript', false], ['summary.md', 'markdown', false],
      ]);
      assert.deepEqual(JSON.parse(docs[0].content), plan);
      assert.match(docs[2].content, /## What you get\n- Resource configuration ID\n- Resource share ARN/);
    });
  });

  describe('mskMultiVpc', () => {
    const existing = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Mine', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kafka:*', Resource: '*' }] });
    const cluster = { arn: MSK_ARN, currentVersion: 'K3CZ5', multiVpc: { iam: false, scram: true, tls: false }, policy: { currentVersion: 'P7', document: existing } };

    it('both SASL types on: the Authentication result is the one the user chose, not SASL_IAM by default', () => {
      const plan = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: true, scram: true }, clickpipesAuth: 'SASL_SCRAM', cluster }, ctx);
      assert.equal(plan.results.Authentication, 'SASL_SCRAM');
    });

    it('a SASL/SCRAM ClickPipe gets the narrow policy (no kafka-cluster:*); a SASL/IAM one the broad AWS example, explained', () => {
      const fresh = { ...cluster, policy: null };
      const scram = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: false, scram: true }, cluster: fresh }, ctx);
      const narrow = JSON.parse(String(step(scram, 'policy').input.Policy));
      assert.equal(narrow.Statement.length, 1);
      assert.deepEqual(narrow.Statement[0].Action, ['kafka:CreateVpcConnection', 'kafka:GetBootstrapBrokers', 'kafka:DescribeCluster', 'kafka:DescribeClusterV2']);
      assert.ok(scram.warnings.some((w) => /no kafka-cluster:\*/.test(w)));
      const iam = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: true, scram: false }, cluster: fresh }, ctx);
      assert.equal(JSON.parse(String(step(iam, 'policy').input.Policy)).Statement.length, 3);
      assert.ok(iam.warnings.some((w) => /kafka-cluster:\* on the cluster, all its topics and all its groups/.test(w)));
    });

    it('multi-VPC auth already on: no connectivity step, and the summary says it stays as it is', () => {
      const on = { ...cluster, multiVpc: { iam: true, scram: true, tls: false } };
      const plan = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: true, scram: false }, clickpipesAuth: 'SASL_IAM', cluster: on }, ctx);
      assert.ok(!plan.steps.some((s) => s.operation === 'UpdateConnectivity'));
      assert.deepEqual(plan.unchanged, ['Multi-VPC connectivity (SASL/IAM, SASL/SCRAM): already on']);
      assert.deepEqual(validatePlan(JSON.parse(JSON.stringify(plan))), []);
      assert.equal(buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: true, scram: false }, cluster }, ctx).unchanged, undefined);
    });

    it('a SASL/SCRAM ClickPipe on a cluster whose policy is already broad (a SASL/IAM ClickPipe) keeps it, and says why', () => {
      const broad = { ...cluster, multiVpc: { iam: true, scram: true, tls: false }, policy: { currentVersion: 'P8', document: mskClusterPolicy(MSK_ARN) } };
      const plan = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: true, scram: true }, clickpipesAuth: 'SASL_SCRAM', cluster: broad }, ctx);
      assert.equal(String(step(plan, 'policy').input.Policy), mskClusterPolicy(MSK_ARN));
      assert.ok(plan.warnings.some((w) => /already there stay/.test(w)), plan.warnings.join('\n'));
    });

    // AWS MSK guide, multi-VPC requirements: SASL/SCRAM or mTLS need Kafka ACLs and allow.everyone.if.no.acl.found=false.
    it('says what SASL/SCRAM with multi-VPC requires (ACLs, allow.everyone.if.no.acl.found=false), and only then', () => {
      const scram = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: false, scram: true }, cluster: { ...cluster, multiVpc: { iam: false, scram: false, tls: false } } }, ctx);
      assert.ok(scram.warnings.some((w) => /Kafka ACLs/.test(w) && /allow\.everyone\.if\.no\.acl\.found=false/.test(w)), scram.warnings.join('\n'));
      assert.match(documentsFor(scram).find((d) => d.name === 'summary.md')!.content, /allow\.everyone\.if\.no\.acl\.found=false/);
      const iam = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: true, scram: false }, cluster: { ...cluster, multiVpc: { iam: false, scram: false, tls: false } } }, ctx);
      assert.ok(!iam.warnings.some((w) => /allow\.everyone/.test(w)));
    });

    it('UpdateConnectivity keeps enabled types, follows its operation to UPDATE_COMPLETE; PutClusterPolicy merges with CurrentVersion', () => {
      const plan = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: true, scram: false }, cluster }, ctx);
      assert.deepEqual(ids(plan), ['connectivity:kafka:UpdateConnectivity', 'policy:kafka:PutClusterPolicy', 'brokers:kafka:GetBootstrapBrokers']);
      const conn = step(plan, 'connectivity');
      assert.equal(conn.input.CurrentVersion, 'K3CZ5');
      assert.deepEqual(conn.input.ConnectivityInfo, { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true }, Scram: { Enabled: true } } } } });
      // The cluster's own State says nothing about this update (ACTIVE before it starts and after it fails).
      assert.deepEqual([conn.waitFor?.operation, conn.waitFor?.statusPath, conn.waitFor?.success, conn.waitFor?.failure],
        ['DescribeClusterOperationV2', 'ClusterOperationInfo.OperationState', ['UPDATE_COMPLETE'], ['UPDATE_FAILED']]);
      assert.deepEqual(conn.waitFor?.input, { ClusterOperationArn: '${steps.connectivity.operationArn}' });
      const policy = step(plan, 'policy');
      assert.equal(policy.input.CurrentVersion, 'P7');
      const doc = JSON.parse(policy.input.Policy as string);
      assert.equal(doc.Statement[0].Sid, 'Mine');
      assert.equal(doc.Statement.length, 4);
      assert.equal(plan.results['MSK cluster ARN'], MSK_ARN);
      assert.equal(plan.results.Authentication, 'SASL_IAM');
      assert.equal(plan.results['Bootstrap brokers (SASL/IAM)'], '${steps.brokers.saslIam}');
      assert.equal(step(plan, 'brokers').mutating, false);
      assert.deepEqual(validatePlan(plan), []);
      const docs = documentsFor(plan);
      assert.deepEqual(docs.map((d) => d.name), ['plan.json', 'cluster-policy.current.json', 'cluster-policy.json', 'commands.sh', 'summary.md']);
      assert.deepEqual(docs[2].source, { stepId: 'policy', field: 'Policy' });
    });

    it('skips UpdateConnectivity when already on; no CurrentVersion without a policy', () => {
      const plan = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: false, scram: true }, cluster: { ...cluster, policy: null } }, ctx);
      assert.deepEqual(ids(plan).map((s) => s.split(':')[0]), ['policy', 'brokers']);
      assert.equal(step(plan, 'policy').input.CurrentVersion, undefined);
      assert.equal(plan.results.Authentication, 'SASL_SCRAM');
    });

    it('an edited policy document feeds back into the step', () => {
      const plan = buildMskMultiVpcPlan({ clusterArn: MSK_ARN, auth: { iam: true, scram: false }, cluster }, ctx);
      const doc = documentsFor(plan).find((d) => d.name === 'cluster-policy.json')!;
      const edited = applyDocumentEdit(plan, { ...doc, content: '{"Version":"2012-10-17","Statement":[]}\n' });
      assert.equal(step(edited, 'policy').input.Policy, '{"Version":"2012-10-17","Statement":[]}');
      assert.deepEqual(validatePlan(edited), [{ path: 'steps.1.input.Policy', message: 'Policy has no statements.' }]);
      assert.equal(step(plan, 'policy').input.Policy === step(edited, 'policy').input.Policy, false);
    });
  });

  describe('endpointService', () => {
    const NLB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/kafka/0123456789abcdef';

    it('new service → allow ClickPipes; result is the service name', () => {
      const plan = buildEndpointServicePlan({ mode: 'new', networkLoadBalancerArns: [NLB], acceptanceRequired: true, supportedRegions: ['eu-west-1'], region: 'us-east-1' }, ctx);
      assert.deepEqual(ids(plan), ['service:ec2:CreateVpcEndpointServiceConfiguration', 'permissions:ec2:ModifyVpcEndpointServicePermissions']);
      assert.deepEqual(step(plan, 'service').input.SupportedRegions, ['eu-west-1']);
      assert.equal(step(plan, 'service').clientTokenField, 'ClientToken');
      assert.deepEqual(step(plan, 'permissions').input, { ServiceId: '${steps.service.id}', AddAllowedPrincipals: ['arn:aws:iam::072088201116:root'] });
      assert.deepEqual(plan.results, { 'Service name': '${steps.service.name}' });
      assert.deepEqual(validatePlan(plan), []);
    });

    it('existing service: read, add regions, allow ClickPipes', () => {
      const plan = buildEndpointServicePlan({ mode: 'existing', serviceId: 'vpce-svc-0123456789abcdef0', supportedRegions: ['us-east-2'] }, { ...ctx, region: 'eu-south-1' });
      assert.deepEqual(ids(plan), [
        'service:ec2:DescribeVpcEndpointServiceConfigurations', 'configuration:ec2:ModifyVpcEndpointServiceConfiguration', 'permissions:ec2:ModifyVpcEndpointServicePermissions',
      ]);
      assert.deepEqual(step(plan, 'configuration').input, { ServiceId: 'vpce-svc-0123456789abcdef0', AddSupportedRegions: ['us-east-2'] });
      assert.equal(plan.warnings.some((w) => w.includes('not a ClickPipes region')), false);
      assert.deepEqual(validatePlan(plan), []);
      const permsOnly = buildEndpointServicePlan({ mode: 'existing', serviceId: 'vpce-svc-0123456789abcdef0' }, ctx);
      assert.deepEqual(ids(permsOnly).map((s) => s.split(':')[0]), ['service', 'permissions']);
      // Cross-region needs vpce:AllowMultiRegion (AWS Service Authorization Reference, AWS PrivateLink).
      assert.ok(plan.warnings.some((w) => w.includes('vpce:AllowMultiRegion')));
      assert.ok(!permsOnly.warnings.some((w) => w.includes('vpce:AllowMultiRegion')));
    });
  });

  describe('iamDbAuth', () => {
    const form = {
      databaseKind: 'cluster' as const, databaseId: 'aurora-pg', resourceId: 'cluster-ABCDEFGHIJ', engine: 'aurora-postgresql', region: 'us-east-1',
      account: '123456789012', clickhouseRoleArn: 'arn:aws:iam::999999999999:role/CH-Service', dbUser: 'clickpipes_iam_user', roleName: 'ClickPipesAuroraPg', enableIamAuth: true,
    };

    it('ModifyDBCluster (wait for IAM auth on) → CreateRole (skipIf GetRole) → PutRolePolicy', () => {
      const plan = buildIamDbAuthPlan(form, ctx);
      assert.deepEqual(ids(plan), ['enableIamAuth:rds:ModifyDBCluster', 'role:iam:CreateRole', 'policy:iam:PutRolePolicy']);
      assert.deepEqual(step(plan, 'enableIamAuth').input, { DBClusterIdentifier: 'aurora-pg', EnableIAMDatabaseAuthentication: true, ApplyImmediately: true });
      assert.equal(step(plan, 'enableIamAuth').waitFor?.statusPath, 'DBClusters.0.IAMDatabaseAuthenticationEnabled');
      const role = step(plan, 'role');
      assert.deepEqual(role.skipIf, { operation: 'GetRole', input: { RoleName: 'ClickPipesAuroraPg' } });
      assert.equal(JSON.parse(role.input.AssumeRolePolicyDocument as string).Statement[0].Principal.AWS, 'arn:aws:iam::999999999999:role/CH-Service');
      assert.ok((role.input.Tags as { Key: string }[]).some((t) => t.Key === 'managed-by'));
      assert.match(step(plan, 'policy').input.PolicyDocument as string, /arn:aws:rds-db:us-east-1:123456789012:dbuser:cluster-ABCDEFGHIJ\/clickpipes_iam_user/);
      assert.deepEqual(plan.results, { 'IAM role ARN': '${steps.role.arn}' });
      assert.deepEqual(validatePlan(plan), []);
      const docs = documentsFor(plan);
      assert.deepEqual(docs.map((d) => d.name), ['plan.json', 'trust-policy.json', 'rds-db-connect-policy.json', 'aurora-postgresql-clickpipes-user.sql', 'commands.sh', 'summary.md']);
      assert.match(docs[3].content, /GRANT rds_iam TO clickpipes_iam_user;/);
      assert.match(docs[5].content, /rds\.iam_auth_for_replication = 1/);
    });

    it('instance with IAM already on: no Modify step', () => {
      const plan = buildIamDbAuthPlan({ ...form, databaseKind: 'instance', databaseId: 'mysql1', resourceId: 'db-XYZ', engine: 'mysql', iamAuthEnabled: true }, ctx);
      assert.deepEqual(ids(plan).map((s) => s.split(':')[0]), ['role', 'policy']);
      const sql = documentsFor(plan).find((d) => d.language === 'sql')!;
      assert.equal(sql.name, 'mysql-clickpipes-user.sql');
      assert.match(sql.content, /AWSAuthenticationPlugin/);
      const instance = buildIamDbAuthPlan({ ...form, databaseKind: 'instance', databaseId: 'pg1', resourceId: 'db-XYZ', engine: 'postgres' }, ctx);
      assert.equal(instance.steps[0].operation, 'ModifyDBInstance');
      assert.equal(instance.steps[0].waitFor?.statusPath, 'DBInstances.0.IAMDatabaseAuthenticationEnabled');
    });
  });

  describe('clickhouseEndpoint', () => {
    const target = { organizationId: '5f8e8a4c-1d2b-4c3a-9e8f-0a1b2c3d4e5f', serviceId: '6f8e8a4c-1d2b-4c3a-9e8f-0a1b2c3d4e5f' };

    it('one CreateReversePrivateEndpoint step waiting for Ready', () => {
      const plan = buildClickhouseEndpointPlan({ ...target, description: 'orders db', type: 'MSK_MULTI_VPC', mskClusterArn: MSK_ARN, mskAuthentication: 'SASL_IAM' }, ctx);
      assert.deepEqual(ids(plan), ['endpoint:clickhouse:CreateReversePrivateEndpoint']);
      const s = plan.steps[0];
      assert.deepEqual(s.input, { ...target, body: { description: 'orders db', type: 'MSK_MULTI_VPC', mskClusterArn: MSK_ARN, mskAuthentication: 'SASL_IAM' } });
      assert.deepEqual([s.waitFor?.statusPath, s.waitFor?.success, s.waitFor?.failure], ['status', ['Ready'], ['Failed', 'Rejected', 'Expired']]);
      assert.equal(s.waitFor?.input.reversePrivateEndpointId, '${steps.endpoint.id}');
      assert.deepEqual(validatePlan(plan), []);
    });

    it('from a finished VPC-resource plan', () => {
      const finished = buildVpcResourcePlan(vpcForm, ctx);
      const made = buildClickhouseEndpointFromPlan(finished, {
        'Resource configuration ID': 'rcfg-0123456789abcdefg',
        'Resource share ARN': 'arn:aws:ram:us-east-1:123456789012:resource-share/8d7f3e3c-1b2a-4c5d-9e8f-0a1b2c3d4e5f',
      }, target, { ...ctx, planId: 'plan-0002' });
      assert.ok('plan' in made);
      const body = (made as { plan: Plan }).plan.steps[0].input.body as Record<string, string>;
      assert.equal(body.type, 'VPC_RESOURCE');
      assert.equal(body.vpcResourceConfigurationId, 'rcfg-0123456789abcdefg');
      const missing = buildClickhouseEndpointFromPlan(finished, {}, target, ctx);
      assert.ok('errors' in missing);
    });

    it('appended to an AWS plan: the body takes the outputs by reference; a single known port gives host:port to paste', () => {
      const single = buildVpcResourcePlan({ ...vpcForm, configurationType: 'SINGLE', definitionKind: 'ip', ipAddress: '10.0.1.5', portRanges: ['5432'], arn: undefined } as never, ctx);
      const plan = withClickhouseEndpoint(single, { ...target, serviceName: 'orders-analytics' });
      const step = plan.steps[plan.steps.length - 1];
      assert.equal(step.service, 'clickhouse');
      assert.deepEqual((step.input.body as Record<string, string>).vpcResourceConfigurationId, '${steps.configuration.id}');
      assert.deepEqual((step.input.body as Record<string, string>).vpcResourceShareArn, '${steps.share.arn}');
      assert.equal(plan.results['Host:port to paste into the ClickPipe'], '${steps.endpoint.dnsName}:5432');
      assert.equal(plan.results['Endpoint status'], '${steps.endpoint.status}');
      assert.deepEqual(validatePlan(plan), []);
      assert.throws(() => withClickhouseEndpoint(plan, target), /does not produce a reverse private endpoint/, 'not twice');
    });
  });
});

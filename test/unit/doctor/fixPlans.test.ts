// The doctor's fix plans are ordinary plans: valid against the plan schema, rendered as AWS CLI,
// with a default parameter group copied (never modified) and the reboot never implied.
import * as assert from 'node:assert/strict';
import { BACKUP_RETENTION_DAYS, buildFixPlan, customGroupName } from '../../../src/model/builders/doctorFixes';
import { aclConfigurationName } from '../../../src/model/builders/doctorMskFixes';
import { withProperty } from '../../../src/model/doctor/mskMultiVpc';
import { renderCli } from '../../../src/model/cli';
import type { FixRequest } from '../../../src/model/doctor/types';
import { validatePlan } from '../../../src/model/planSchema';

const ctx = { planId: 'doctor-1', createdAt: '2026-12-06T00:00:00Z', profile: 'p', region: 'us-east-1', accountId: '123456789012' };
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/audit/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-1';
const CONFIG = 'arn:aws:kafka:us-east-1:123456789012:configuration/audit-brokers/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-1';
const fixes: FixRequest[] = [
  { kind: 'ingressRule', groupId: 'sg-0123456789abcdef0', sourceGroupId: 'sg-0123456789abcdef1', port: 5432, description: 'ClickPipes resource gateway rgw-1' },
  { kind: 'allowPrincipal', serviceId: 'vpce-svc-0123456789abcdef0' },
  { kind: 'acceptConnections', serviceId: 'vpce-svc-0123456789abcdef0', endpointIds: ['vpce-0123456789abcdef1'] },
  { kind: 'addRegion', serviceId: 'vpce-svc-0123456789abcdef0', region: 'eu-west-1' },
  { kind: 'parameters', level: 'instance', dbId: 'ledger', family: 'postgres16', currentGroup: 'default.postgres16', values: { 'rds.logical_replication': '1' }, static: true },
  { kind: 'parameters', level: 'cluster', dbId: 'orders', family: 'aurora-postgresql16', currentGroup: 'orders-custom', values: { 'rds.logical_replication': '1' }, static: true },
  { kind: 'reboot', instanceId: 'ledger', reason: 'apply the parameter group' },
  { kind: 'mskConnectivity', clusterArn: MSK, currentVersion: 'K3AEGXETSR30VB', enabled: { iam: false, scram: true, tls: false }, auth: 'SASL_IAM' },
  { kind: 'mskPolicy', clusterArn: MSK, auth: 'SASL_SCRAM' },
  { kind: 'mskAcls', clusterArn: MSK, clusterName: 'audit', currentVersion: 'K3AEGXETSR30VB', kafkaVersion: '3.6.0' },
  { kind: 'mskAcls', clusterArn: MSK, clusterName: 'audit', currentVersion: 'K3AEGXETSR30VB', configuration: { arn: CONFIG, serverProperties: 'auto.create.topics.enable=false\nallow.everyone.if.no.acl.found = true\n' } },
  { kind: 'nlbPrivateLinkRules', loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/pg/0123456789abcdef', loadBalancerName: 'pg', securityGroupIds: ['sg-0123456789abcdef0'] },
  { kind: 'backups', instanceId: 'inventory' },
  { kind: 'reboot', instanceId: 'orders-1', reason: 'apply the parameter group', clusterId: 'orders' },
];

describe('doctor: fix plans', () => {
  it('every fix is a valid plan with mutating steps and a CLI rendering', () => {
    for (const fix of fixes) {
      const plan = buildFixPlan(fix, ctx);
      assert.deepEqual(validatePlan(JSON.parse(JSON.stringify(plan))), [], fix.kind);
      assert.ok(plan.steps.some((s) => s.mutating), fix.kind);
      assert.match(renderCli(plan), /\baws (ec2|rds|kafka|elbv2) [a-z-]+ /, fix.kind);
    }
  });

  it('a default group is copied, set and attached, with no reboot step; a custom group is modified in place', () => {
    const copy = buildFixPlan(fixes[4], ctx);
    assert.deepEqual(copy.steps.map((s) => s.operation), ['CreateDBParameterGroup', 'ModifyDBParameterGroup', 'ModifyDBInstance']);
    assert.equal(copy.steps[2].input.DBParameterGroupName, customGroupName('ledger'));
    assert.ok(copy.steps.every((s) => s.operation !== 'RebootDBInstance'));
    assert.match(copy.warnings.join(' '), /reboot, which is not part of this plan/);
    const inPlace = buildFixPlan(fixes[5], ctx);
    assert.deepEqual(inPlace.steps.map((s) => s.operation), ['ModifyDBClusterParameterGroup']);
    assert.deepEqual(buildFixPlan(fixes[6], ctx).steps.map((s) => s.operation), ['RebootDBInstance']);
  });

  it('MSK: connectivity keeps the types already on; the ACL fix creates or revises a configuration, then runs it', () => {
    const on = buildFixPlan(fixes[7], ctx).steps[0];
    assert.deepEqual(on.input.ConnectivityInfo, { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true }, Scram: { Enabled: true } } } } });
    assert.equal(on.waitFor?.operation, 'DescribeClusterOperationV2');
    const policy = buildFixPlan(fixes[8], ctx).steps[0];
    assert.equal(policy.input.CurrentVersion, undefined, 'no version when the cluster has no policy');
    const created = buildFixPlan(fixes[9], ctx);
    assert.deepEqual(created.steps.map((s) => s.operation), ['CreateConfiguration', 'UpdateClusterConfiguration']);
    assert.equal(created.steps[0].input.Name, aclConfigurationName('audit'));
    assert.equal(created.steps[0].input.ServerProperties, 'allow.everyone.if.no.acl.found=false\n');
    assert.deepEqual(created.steps[0].input.KafkaVersions, ['3.6.0']);
    const revised = buildFixPlan(fixes[10], ctx);
    assert.deepEqual(revised.steps.map((s) => s.operation), ['UpdateConfiguration', 'UpdateClusterConfiguration']);
    assert.equal(revised.steps[0].input.ServerProperties, 'auto.create.topics.enable=false\nallow.everyone.if.no.acl.found=false\n');
    assert.deepEqual(revised.steps[1].input.ConfigurationInfo, { Arn: CONFIG, Revision: '${steps.configuration.revision}' });
    assert.match(revised.warnings.join(' '), /loses access/);
    // The CLI reads the blob from bytes and gets the revision as a JSON number.
    const cli = renderCli(created);
    assert.match(cli, /--server-properties fileb:\/\/<\(printf '%s' 'allow\.everyone\.if\.no\.acl\.found=false\n'\)/);
    assert.match(cli, /"Revision":'"\$CONFIGURATION_REVISION"'\}'/);
  });

  it('properties: an assignment is replaced in place, or appended', () => {
    assert.equal(withProperty('a=1\nallow.everyone.if.no.acl.found: true\n# c\n', 'allow.everyone.if.no.acl.found', 'false'), 'a=1\nallow.everyone.if.no.acl.found=false\n# c\n');
    assert.equal(withProperty('a=1', 'k', 'v'), 'a=1\nk=v\n');
    assert.equal(withProperty('', 'k', 'v'), 'k=v\n');
    assert.equal(aclConfigurationName('my_cluster.x'), 'clickpipes-acls-my-cluster-x');
  });

  it('commands.sh: a rule already there (a re-run) is taken as done, any other error stops the script; an adoption is said, not done', () => {
    const rule = renderCli(buildFixPlan(fixes[0], ctx));
    assert.match(rule, /# Already there when AWS answers InvalidPermission\.Duplicate/);
    assert.match(rule, /if ! out=\$\(aws ec2 authorize-security-group-ingress [^]*2>&1\); then\n {2}case "\$out" in \*'\(InvalidPermission\.Duplicate\)'\*\) [^;]+; out='' ;; \*\) echo "\$out" >&2; exit 1 ;; esac\nfi\nRULE_RULE_ID=\$out\n/);
    const acl = renderCli(buildFixPlan({ kind: 'mskAcls', clusterArn: MSK, clusterName: 'audit', currentVersion: 'K1', kafkaVersion: '3.6.0' }, ctx));
    assert.match(acl, /# If AWS answers ConflictException \(a re-run\), the extension's apply reuses the configuration ListConfigurations lists as clickpipes-acls-audit only when its ServerProperties are the same; this script stops\./);
  });

  it('backups: one ModifyDBInstance of 7 days applied now, followed to available; the outage quoted from AWS', () => {
    const plan = buildFixPlan(fixes[12], ctx);
    assert.deepEqual(plan.steps.map((s) => [s.operation, s.input]), [['ModifyDBInstance', { DBInstanceIdentifier: 'inventory', BackupRetentionPeriod: 7, ApplyImmediately: true }]]);
    assert.equal(BACKUP_RETENTION_DAYS, 7);
    assert.deepEqual(plan.steps[0].waitFor?.success, ['available']);
    assert.deepEqual(plan.steps[0].skipIf?.when?.map((w) => [w.path, w.in]), [
      ['DBInstances.0.PendingModifiedValues.BackupRetentionPeriod', ['7']], ['DBInstances.0.BackupRetentionPeriod', ['7']],
    ]);
    assert.match(plan.warnings.join('\n'), /"An outage occurs if you change the backup retention period of a DB instance from 0 to a nonzero value or from a nonzero value to 0\." \(https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/latest\/UserGuide\/USER_WorkingWithAutomatedBackups\.BackupRetention\.html\)/);
    assert.match(plan.warnings.join('\n'), /brief I\/O suspension/);
  });

  it('reboot: skipped on a resume when the instance is rebooting, or (not an Aurora writer) its group is in-sync; the CLI does the same', () => {
    const own = buildFixPlan(fixes[6], ctx).steps[0];
    assert.deepEqual(own.skipIf?.when, [
      { path: 'DBInstances.0.DBInstanceStatus', in: ['rebooting'] }, { path: 'DBInstances.0.DBParameterGroups.0.ParameterApplyStatus', in: ['in-sync'] },
    ]);
    const writer = buildFixPlan(fixes[13], ctx);
    assert.deepEqual(writer.steps[0].skipIf?.when, [{ path: 'DBInstances.0.DBInstanceStatus', in: ['rebooting'] }, {
      read: { operation: 'DescribeDBClusters', input: { DBClusterIdentifier: 'orders' } },
      item: { list: 'DBClusters.0.DBClusterMembers', match: { DBInstanceIdentifier: 'orders-1' } }, path: 'DBClusterParameterGroupStatus', in: ['in-sync'],
    }], 'an Aurora writer: its member entry in the cluster, not its own DB parameter group');
    const writerCli = renderCli(writer);
    assert.match(writerCli, /# Skipped when DBInstances\.0\.DBInstanceStatus is rebooting \(DescribeDBInstances\), or DBClusters\.0\.DBClusterMembers\[DBInstanceIdentifier=orders-1\]\.DBClusterParameterGroupStatus is in-sync \(DescribeDBClusters\)/);
    assert.match(writerCli, /aws rds describe-db-clusters [^]*?--query 'to_string\(DBClusters\[0\]\.DBClusterMembers\[\?DBInstanceIdentifier=='\\''orders-1'\\''\] \| \[0\]\.DBClusterParameterGroupStatus\)'/);
    const cli = renderCli(buildFixPlan(fixes[6], ctx));
    assert.match(cli, /# Skipped when DBInstances\.0\.DBInstanceStatus is rebooting \(DescribeDBInstances\), or DBInstances\.0\.DBParameterGroups\.0\.ParameterApplyStatus is in-sync \(DescribeDBInstances\)/);
    assert.match(cli, /if case "\$\(aws rds describe-db-instances [^]*?--query 'to_string\(DBInstances\[0\]\.DBInstanceStatus\)' \\\n {4}--output text\)" in rebooting\) true ;; \*\) false ;; esac \|\| case [^]*?; then echo '[^']*: already done'; else aws rds reboot-db-instance [^]*?; fi\n/);
    assert.match(cli, /# Wait until DBInstances\.0\.DBInstanceStatus is available/);
  });
});

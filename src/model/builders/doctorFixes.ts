// Fix plans for the connectivity doctor's failing hops: each FixRequest becomes an ordinary plan
// (review → apply → journal) with as few mutating steps as the fix needs. A reboot is never part
// of a parameter fix: it is its own plan, built from the `reboot` request the doctor raises when
// the group is attached but pending a reboot, so the user confirms the outage on its own.
import { CLICKPIPES_PRINCIPAL_ARN } from '../clickpipes';
import type { FixRequest } from '../doctor/types';
import type { Plan, PlanStep } from '../plan';
import { t } from '../text';
import { makePlan, type BuildContext } from './buildContext';
import { buildMskFixPlan } from './doctorMskFixes';

/** The custom parameter group a fix creates when the database uses a default one. */
export function customGroupName(dbId: string): string {
  return `clickpipes-cdc-${dbId}`.toLowerCase().slice(0, 255).replace(/-+$/, '');
}

export const isDefaultGroup = (name: string) => name.startsWith('default.');

export function buildFixPlan(fix: FixRequest, ctx: BuildContext): Plan {
  switch (fix.kind) {
    case 'ingressRule':
      return makePlan('doctorFix', ctx, t('Admit {0} on port {1} in {2}', fix.sourceGroupId, fix.port, fix.groupId), [{
        id: 'rule', title: t('Allow TCP {0} from security group {1}', fix.port, fix.sourceGroupId), service: 'ec2',
        operation: 'AuthorizeSecurityGroupIngress',
        input: {
          GroupId: fix.groupId,
          IpPermissions: [{ IpProtocol: 'tcp', FromPort: fix.port, ToPort: fix.port, UserIdGroupPairs: [{ GroupId: fix.sourceGroupId, Description: fix.description }] }],
        },
        outputs: { ruleId: 'SecurityGroupRules.0.SecurityGroupRuleId' }, mutating: true,
        // An identical rule already there (an earlier apply whose answer was lost) is the state
        // this step wants. EC2 error code list:
        // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html (InvalidPermission.Duplicate)
        existsError: { code: 'InvalidPermission.Duplicate' },
      }], { 'Security group rule': '${steps.rule.ruleId}' });
    case 'allowPrincipal':
      return makePlan('doctorFix', ctx, t('Allow ClickPipes on {0}', fix.serviceId), [{
        id: 'permissions', title: t('Allow ClickPipes ({0})', CLICKPIPES_PRINCIPAL_ARN), service: 'ec2', operation: 'ModifyVpcEndpointServicePermissions',
        input: { ServiceId: fix.serviceId, AddAllowedPrincipals: [CLICKPIPES_PRINCIPAL_ARN] }, outputs: {}, mutating: true,
      }], {});
    case 'acceptConnections':
      return makePlan('doctorFix', ctx, t('Accept the ClickPipes connection on {0}', fix.serviceId), [{
        id: 'accept', title: t('Accept {0}', fix.endpointIds.join(', ')), service: 'ec2', operation: 'AcceptVpcEndpointConnections',
        input: { ServiceId: fix.serviceId, VpcEndpointIds: fix.endpointIds }, outputs: {}, mutating: true,
      }], {});
    case 'addRegion':
      return makePlan('doctorFix', ctx, t('Offer {0} in {1}', fix.serviceId, fix.region), [{
        id: 'region', title: t('Add the supported region {0}', fix.region), service: 'ec2', operation: 'ModifyVpcEndpointServiceConfiguration',
        input: { ServiceId: fix.serviceId, AddSupportedRegions: [fix.region] }, outputs: {}, mutating: true,
      }], {});
    case 'nlbPrivateLinkRules':
      return makePlan('doctorFix', ctx, t('Let PrivateLink traffic past the security groups of {0}', fix.loadBalancerName), [{
        id: 'securityGroups', title: t('Stop evaluating inbound rules for PrivateLink traffic on {0}', fix.loadBalancerName), service: 'elbv2',
        operation: 'SetSecurityGroups',
        // SetSecurityGroups replaces the list: the groups in use are sent again unchanged.
        input: { LoadBalancerArn: fix.loadBalancerArn, SecurityGroups: fix.securityGroupIds, EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: 'off' },
        outputs: {}, mutating: true,
      }], {}, [t('PrivateLink traffic then reaches the listeners whatever the inbound rules say; who may connect is decided by the service\'s allowed principals and connection acceptance.')]);
    case 'parameters':
      return parametersPlan(fix, ctx);
    case 'mskConnectivity':
    case 'mskPolicy':
    case 'mskAcls':
    case 'mskScramSecret':
      return buildMskFixPlan(fix, ctx);
    case 'reboot':
      return makePlan('doctorFix', ctx, t('Reboot {0}', fix.instanceId), [{
        id: 'reboot', title: t('Reboot {0} to {1}', fix.instanceId, fix.reason), service: 'rds', operation: 'RebootDBInstance',
        input: { DBInstanceIdentifier: fix.instanceId }, outputs: {}, mutating: true,
        // A resume after a lost answer must not reboot again: the instance is already `rebooting`
        // (DB instance statuses: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/accessing-monitoring.html),
        // or, done rebooting, its group is `in-sync` (DBParameterGroupStatus.ParameterApplyStatus,
        // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBParameterGroupStatus.html).
        // An Aurora writer's own DB parameter group says nothing of its cluster's: there, its member
        // entry in the cluster (DBClusterMember.DBClusterParameterGroupStatus,
        // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBClusterMember.html) says it.
        skipIf: {
          operation: 'DescribeDBInstances', input: { DBInstanceIdentifier: fix.instanceId },
          when: [{ path: 'DBInstances.0.DBInstanceStatus', in: ['rebooting'] }, fix.clusterId
            ? {
              read: { operation: 'DescribeDBClusters', input: { DBClusterIdentifier: fix.clusterId } },
              item: { list: 'DBClusters.0.DBClusterMembers', match: { DBInstanceIdentifier: fix.instanceId } }, path: 'DBClusterParameterGroupStatus', in: ['in-sync'],
            }
            : { path: 'DBInstances.0.DBParameterGroups.0.ParameterApplyStatus', in: ['in-sync'] }],
        },
        waitFor: availableAgain(fix.instanceId),
      }], {}, [t('The database is unavailable while it reboots.')]);
    case 'backups':
      return backupsPlan(fix.instanceId, ctx);
  }
}

/** Follows an instance change (reboot, backups on) until the instance is available again. */
function availableAgain(instanceId: string): NonNullable<PlanStep['waitFor']> {
  return {
    operation: 'DescribeDBInstances', input: { DBInstanceIdentifier: instanceId }, statusPath: 'DBInstances.0.DBInstanceStatus',
    // Failure: botocore's rds waiter DBInstanceAvailable (waiters-2.json) gives up on each of its
    // states; `stopped` is ours (a stopped database never comes back by waiting).
    success: ['available'], failure: ['deleted', 'deleting', 'failed', 'incompatible-parameters', 'incompatible-restore', 'stopped'], timeoutSeconds: 1800,
  };
}

/**
 * Days of automated backups the fix keeps: the RDS console's default for a new instance (RDS user
 * guide, "Backup retention period"), long enough to restore after a bad week; ClickPipes only
 * needs backups on (1 would do), binlog retention itself is set in SQL.
 */
export const BACKUP_RETENTION_DAYS = 7;
const BACKUP_DOC = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupRetention.html';

function backupsPlan(instanceId: string, ctx: BuildContext): Plan {
  const days = String(BACKUP_RETENTION_DAYS);
  return makePlan('doctorFix', ctx, t('Automated backups on {0}', instanceId), [{
    id: 'backups', title: t('Keep automated backups of {0} for {1} days', instanceId, BACKUP_RETENTION_DAYS), service: 'rds', operation: 'ModifyDBInstance',
    input: { DBInstanceIdentifier: instanceId, BackupRetentionPeriod: BACKUP_RETENTION_DAYS, ApplyImmediately: true }, outputs: {}, mutating: true,
    // A resume after a lost answer finds the value pending (instance modifying) or in effect, and
    // only waits: a second call would be refused while the instance is not available.
    skipIf: {
      operation: 'DescribeDBInstances', input: { DBInstanceIdentifier: instanceId },
      when: [{ path: 'DBInstances.0.PendingModifiedValues.BackupRetentionPeriod', in: [days] }, { path: 'DBInstances.0.BackupRetentionPeriod', in: [days] }],
    },
    waitFor: availableAgain(instanceId),
  }], {}, [
    // What AWS says, word for word (RDS user guide, "Backup retention period", and ModifyDBInstance
    // API reference, BackupRetentionPeriod).
    t('AWS: "An outage occurs if you change the backup retention period of a DB instance from 0 to a nonzero value or from a nonzero value to 0." ({0})', BACKUP_DOC),
    t('AWS: "Enabling and disabling backups can result in a brief I/O suspension that lasts from a few seconds to a few minutes, depending on the size and class of your DB instance."'),
    t('ApplyImmediately is on: the change (and the outage) happens now, not in the maintenance window.'),
  ]);
}

function parametersPlan(fix: Extract<FixRequest, { kind: 'parameters' }>, ctx: BuildContext): Plan {
  const cluster = fix.level === 'cluster';
  const copy = isDefaultGroup(fix.currentGroup);
  const group = copy ? customGroupName(fix.dbId) : fix.currentGroup;
  const nameField = cluster ? 'DBClusterParameterGroupName' : 'DBParameterGroupName';
  const steps: PlanStep[] = [];
  if (copy) {
    steps.push({
      id: 'group', title: t('Create the parameter group {0} ({1})', group, fix.family), service: 'rds',
      operation: cluster ? 'CreateDBClusterParameterGroup' : 'CreateDBParameterGroup',
      input: { [nameField]: group, DBParameterGroupFamily: fix.family, Description: t('ClickPipes CDC settings for {0}', fix.dbId) },
      outputs: {}, mutating: true,
      // A re-run (or a resume after a lost answer) finds the group made by the first one and goes
      // on; an unknown group answers DBParameterGroupNotFound (botocore rds model, errors of
      // DescribeDBParameters / DescribeDBClusterParameters), which lets the create run.
      skipIf: { operation: cluster ? 'DescribeDBClusterParameters' : 'DescribeDBParameters', input: { [nameField]: group, Source: 'user' } },
    });
  }
  steps.push({
    id: 'parameters', title: t('Set {0}', Object.entries(fix.values).map(([k, v]) => `${k}=${v}`).join(', ')), service: 'rds',
    operation: cluster ? 'ModifyDBClusterParameterGroup' : 'ModifyDBParameterGroup',
    input: {
      [nameField]: group,
      Parameters: Object.entries(fix.values).map(([ParameterName, ParameterValue]) => ({
        ParameterName, ParameterValue, ApplyMethod: fix.static || fix.level === 'cluster' ? 'pending-reboot' : 'immediate',
      })),
    },
    outputs: {}, mutating: true,
  });
  if (copy) {
    steps.push({
      id: 'attach', title: t('Use {0} on {1}', group, fix.dbId), service: 'rds', operation: cluster ? 'ModifyDBCluster' : 'ModifyDBInstance',
      input: { [cluster ? 'DBClusterIdentifier' : 'DBInstanceIdentifier']: fix.dbId, [nameField]: group, ApplyImmediately: true },
      outputs: {}, mutating: true,
    });
  }
  const warnings = [
    ...(copy ? [t('{0} is a default parameter group, which cannot be changed: this plan copies it as {1} and attaches the copy.', fix.currentGroup, group)]
      : [t('{0} may be used by other databases: they get the same values.', group)]),
    ...(fix.static || copy ? [t('The change takes effect after a reboot, which is not part of this plan: diagnose again to get the reboot as its own plan.')] : []),
  ];
  return makePlan('doctorFix', ctx, t('CDC parameters for {0}', fix.dbId), steps, { 'Parameter group': group }, warnings);
}

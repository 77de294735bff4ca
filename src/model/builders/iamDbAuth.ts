// IAM DB authentication for RDS/Aurora: enable IAM auth if off (wait until it is on), create the
// role the ClickHouse service assumes (reused when it exists), and grant rds-db:connect.
import { isAuroraEngine } from '../clickpipes';
import type { IamDbAuthForm } from '../forms';
import type { Plan, PlanStep } from '../plan';
import { rdsConnectPolicy, trustPolicy } from '../policies';
import { allTags, makePlan, ref, withUnchanged, type BuildContext } from './buildContext';

export const RDS_CONNECT_POLICY_NAME = 'clickpipes-rds-db-connect';

/**
 * One inline policy per database: a role reused for a second database (same ClickHouse service)
 * gets a second policy instead of replacing the first database's access.
 */
export const rdsConnectPolicyName = (resourceId: string) => `${RDS_CONNECT_POLICY_NAME}-${resourceId}`.slice(0, 128);

/** Tags on the role: which database (resource id and identifier) and DB user it is for. */
export const IAM_DB_AUTH_TAGS = { database: 'clickpipes:database', databaseId: 'clickpipes:database-id', dbUser: 'clickpipes:db-user' } as const;

export type IamDbAuthInput = IamDbAuthForm & {
  /** Whether IAM auth is already on (from the picked database); no Modify step when it is. */
  iamAuthEnabled?: boolean;
};

export function buildIamDbAuthPlan(input: IamDbAuthInput, ctx: BuildContext): Plan {
  const steps: PlanStep[] = [];
  const cluster = input.databaseKind === 'cluster';
  if (input.enableIamAuth && !input.iamAuthEnabled) {
    steps.push({
      id: 'enableIamAuth',
      title: `Enable IAM database authentication on ${input.databaseId} (applied immediately)`,
      service: 'rds',
      operation: cluster ? 'ModifyDBCluster' : 'ModifyDBInstance',
      input: cluster
        ? { DBClusterIdentifier: input.databaseId, EnableIAMDatabaseAuthentication: true, ApplyImmediately: true }
        : { DBInstanceIdentifier: input.databaseId, EnableIAMDatabaseAuthentication: true, ApplyImmediately: true },
      outputs: { status: cluster ? 'DBCluster.Status' : 'DBInstance.DBInstanceStatus' },
      // The setting itself is what we need; the database may keep "modifying" a while longer.
      waitFor: cluster
        ? {
          operation: 'DescribeDBClusters', input: { DBClusterIdentifier: input.databaseId },
          statusPath: 'DBClusters.0.IAMDatabaseAuthenticationEnabled', success: ['true'], failure: [], timeoutSeconds: 1800,
        }
        : {
          operation: 'DescribeDBInstances', input: { DBInstanceIdentifier: input.databaseId },
          statusPath: 'DBInstances.0.IAMDatabaseAuthenticationEnabled', success: ['true'], failure: [], timeoutSeconds: 1800,
        },
      mutating: true,
    });
  }
  // The resource id (db-…/cluster-…) is unique and survives renames: the tree finds roles by it.
  const tags = { ...allTags(ctx), [IAM_DB_AUTH_TAGS.database]: input.resourceId, [IAM_DB_AUTH_TAGS.databaseId]: input.databaseId, [IAM_DB_AUTH_TAGS.dbUser]: input.dbUser };
  steps.push({
    id: 'role',
    title: `Create IAM role ${input.roleName} trusted by the ClickHouse service`,
    service: 'iam',
    operation: 'CreateRole',
    input: {
      RoleName: input.roleName,
      AssumeRolePolicyDocument: trustPolicy(input.clickhouseRoleArn),
      Description: `ClickPipes IAM DB auth for ${input.databaseId} (${input.dbUser})`,
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    },
    outputs: { arn: 'Role.Arn', name: 'Role.RoleName' },
    skipIf: { operation: 'GetRole', input: { RoleName: input.roleName } },
    mutating: true,
  });
  steps.push({
    id: 'policy',
    title: `Allow rds-db:connect as ${input.dbUser}`,
    service: 'iam',
    operation: 'PutRolePolicy',
    input: {
      RoleName: input.roleName,
      PolicyName: rdsConnectPolicyName(input.resourceId),
      PolicyDocument: rdsConnectPolicy(input.region, input.account, input.resourceId, input.dbUser),
    },
    outputs: {},
    mutating: true,
  });

  const warnings: string[] = [];
  if (input.enableIamAuth && !input.iamAuthEnabled) {
    warnings.push(`Enabling IAM authentication with ApplyImmediately modifies ${input.databaseId} now, outside the maintenance window.`);
  } else if (!input.iamAuthEnabled) {
    warnings.push(`IAM database authentication is off on ${input.databaseId}; ClickPipes cannot sign in until it is enabled.`);
  }
  warnings.push('If the role already exists it is reused; a different trust policy on it is reported, not overwritten.');
  return withUnchanged(makePlan(
    'iamDbAuth',
    ctx,
    `IAM DB authentication for ${input.databaseId} (${input.engine}${isAuroraEngine(input.engine) ? ' cluster' : ''})`,
    steps,
    { 'IAM role ARN': ref('role', 'arn') },
    warnings,
    { engine: input.engine, dbUser: input.dbUser, databaseId: input.databaseId, resourceId: input.resourceId, clickhouseRoleArn: input.clickhouseRoleArn },
  ), [input.iamAuthEnabled && `IAM database authentication on ${input.databaseId}: already on`]);
}

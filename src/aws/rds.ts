// RDS DB instances and Aurora/Multi-AZ DB clusters as one list of plain Database models.
// Two paginated calls in parallel; DescribeDBInstances already includes cluster members.
import { paginateDescribeDBClusters, paginateDescribeDBInstances } from '@aws-sdk/client-rds';
import type { DBCluster, DBInstance } from '@aws-sdk/client-rds';
import type { Scope } from './api';
import type { Database } from '../model/resources';
import { allPages, AwsContext, compact } from './awsContext';

/** RDS's maximum MaxRecords. */
const PAGE = 100;

export function toInstance(d: DBInstance): Database {
  return compact({
    kind: 'instance' as const,
    id: d.DBInstanceIdentifier ?? '',
    arn: d.DBInstanceArn ?? '',
    resourceId: d.DbiResourceId ?? '',
    engine: d.Engine ?? '',
    engineVersion: d.EngineVersion ?? '',
    status: d.DBInstanceStatus ?? 'unknown',
    endpoint: d.Endpoint?.Address,
    port: d.Endpoint?.Port ?? d.DbInstancePort,
    publiclyAccessible: !!d.PubliclyAccessible,
    iamAuth: !!d.IAMDatabaseAuthenticationEnabled,
    clusterId: d.DBClusterIdentifier,
    parameterGroups: d.DBParameterGroups?.map((g) => g.DBParameterGroupName ?? '').filter(Boolean),
  });
}

export function toCluster(c: DBCluster): Database {
  return compact({
    kind: 'cluster' as const,
    id: c.DBClusterIdentifier ?? '',
    arn: c.DBClusterArn ?? '',
    resourceId: c.DbClusterResourceId ?? '',
    engine: c.Engine ?? '',
    engineVersion: c.EngineVersion ?? '',
    status: c.Status ?? 'unknown',
    endpoint: c.Endpoint,
    port: c.Port,
    publiclyAccessible: !!c.PubliclyAccessible,
    iamAuth: !!c.IAMDatabaseAuthenticationEnabled,
    parameterGroups: c.DBClusterParameterGroup ? [c.DBClusterParameterGroup] : undefined,
  });
}

export async function listDatabases(ctx: AwsContext, scope: Scope): Promise<Database[]> {
  const [clusters, instances] = await Promise.all([
    ctx.run(scope, 'rds', 'DescribeDBClusters', (client) =>
      allPages(paginateDescribeDBClusters({ client }, { MaxRecords: PAGE }), (p) => p.DBClusters)),
    ctx.run(scope, 'rds', 'DescribeDBInstances', (client) =>
      allPages(paginateDescribeDBInstances({ client }, { MaxRecords: PAGE }), (p) => p.DBInstances)),
  ]);
  return [...clusters.map(toCluster), ...instances.map(toInstance)];
}

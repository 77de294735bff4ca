// Scenario builders for RDS: DB instances and Aurora/Multi-AZ DB clusters (with their members),
// in the RDS SDK shapes. Same conventions as builders.ts, which re-exports these.
import { stableId, type Scope } from './builders';

type Rec = Record<string, any>;
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const UPPER = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// ---- RDS -------------------------------------------------------------------------------------------

const ENGINE_PORT: Record<string, number> = { postgres: 5432, 'aurora-postgresql': 5432, mysql: 3306, 'aurora-mysql': 3306, mariadb: 3306 };
const ENGINE_FAMILY: Record<string, string> = { postgres: 'postgres16', 'aurora-postgresql': 'aurora-postgresql16', mysql: 'mysql8.0', 'aurora-mysql': 'aurora-mysql8.0', mariadb: 'mariadb10.11' };

export interface DbInstanceSpec {
  id: string; engine: string; version: string; iamAuth?: boolean; public?: boolean; cluster?: string; instanceClass?: string;
  subnets: string[]; securityGroups: string[]; status?: string; createdAt?: string; writer?: boolean;
  /** A custom DB parameter group (declared in `parameterGroups`); the family default otherwise. */
  parameterGroup?: string; backupRetention?: number;
}
export function addDbInstance(s: Scope, v: DbInstanceSpec): Rec {
  const arn = `arn:aws:rds:${s.region}:${s.account}:db:${v.id}`;
  const subnets = v.subnets.map((n) => s.state.subnets.get(s.ref('subnet', n))!);
  const host = stableId('', 12, BASE36, s.account, s.region, 'rds-host');
  const rec: Rec = {
    DBInstanceIdentifier: v.id, DBInstanceArn: arn, DbiResourceId: stableId('db-', 26, UPPER, arn),
    DBInstanceClass: v.instanceClass ?? 'db.r6g.large', Engine: v.engine, EngineVersion: v.version, DBInstanceStatus: v.status ?? 'available',
    MasterUsername: v.engine.includes('postgres') ? 'postgres' : 'admin',
    Endpoint: { Address: `${v.id}.${host}.${s.region}.rds.amazonaws.com`, Port: ENGINE_PORT[v.engine], HostedZoneId: 'Z2R2ITUGPM61AM' },
    InstanceCreateTime: new Date(v.createdAt ?? '2026-01-10T08:00:00Z'), AvailabilityZone: subnets[0].AvailabilityZone,
    PubliclyAccessible: !!v.public, IAMDatabaseAuthenticationEnabled: !!v.iamAuth, StorageEncrypted: true, NetworkType: 'IPV4',
    VpcSecurityGroups: v.securityGroups.map((n) => ({ VpcSecurityGroupId: s.ref('sg', n), Status: 'active' })),
    DBSubnetGroup: {
      DBSubnetGroupName: `${v.cluster ?? v.id}-subnets`, DBSubnetGroupDescription: 'database subnets', VpcId: subnets[0].VpcId, SubnetGroupStatus: 'Complete',
      Subnets: subnets.map((sn) => ({ SubnetIdentifier: sn.SubnetId, SubnetAvailabilityZone: { Name: sn.AvailabilityZone }, SubnetStatus: 'Active' })),
    },
    DBParameterGroups: [{ DBParameterGroupName: v.parameterGroup ?? `default.${ENGINE_FAMILY[v.engine]}`, ParameterApplyStatus: 'in-sync' }],
    ...(v.backupRetention !== undefined || !v.cluster ? { BackupRetentionPeriod: v.backupRetention ?? 7 } : {}),
    PendingModifiedValues: {}, MultiAZ: false, AutoMinorVersionUpgrade: true, DeletionProtection: false,
    ...(v.cluster ? { DBClusterIdentifier: v.cluster } : {}),
  };
  s.state.dbInstances.set(v.id, rec);
  return rec;
}

export interface DbClusterSpec {
  id: string; engine: 'aurora-postgresql' | 'aurora-mysql'; version: string; iamAuth?: boolean; public?: boolean;
  members: string[]; subnets: string[]; securityGroups: string[]; status?: string; createdAt?: string;
  /** A custom DB cluster parameter group (declared in `parameterGroups`); the family default otherwise. */
  clusterParameterGroup?: string;
  /** Aurora custom endpoints: `ANY` (the console's only type) or `READER`, over these members (all when none). */
  customEndpoints?: { id: string; type?: 'ANY' | 'READER'; members?: string[] }[];
}
export function addDbCluster(s: Scope, v: DbClusterSpec): Rec {
  const arn = `arn:aws:rds:${s.region}:${s.account}:cluster:${v.id}`;
  const host = stableId('', 12, BASE36, s.account, s.region, 'rds-host');
  const subnets = v.subnets.map((n) => s.state.subnets.get(s.ref('subnet', n))!);
  const rec: Rec = {
    DBClusterIdentifier: v.id, DBClusterArn: arn, DbClusterResourceId: stableId('cluster-', 26, UPPER, arn),
    Engine: v.engine, EngineVersion: v.version, EngineMode: 'provisioned', Status: v.status ?? 'available', Port: ENGINE_PORT[v.engine],
    Endpoint: `${v.id}.cluster-${host}.${s.region}.rds.amazonaws.com`, ReaderEndpoint: `${v.id}.cluster-ro-${host}.${s.region}.rds.amazonaws.com`,
    // No PubliclyAccessible: botocore's DBCluster.PubliclyAccessible "is only for non-Aurora Multi-AZ
    // DB clusters"; an Aurora cluster is public through its instances (set on the members below).
    MultiAZ: v.members.length > 1, IAMDatabaseAuthenticationEnabled: !!v.iamAuth,
    ClusterCreateTime: new Date(v.createdAt ?? '2026-01-05T08:00:00Z'), MasterUsername: v.engine.includes('postgres') ? 'postgres' : 'admin',
    DBClusterMembers: v.members.map((m, i) => ({ DBInstanceIdentifier: m, IsClusterWriter: i === 0, PromotionTier: 1, DBClusterParameterGroupStatus: 'in-sync' })),
    VpcSecurityGroups: v.securityGroups.map((n) => ({ VpcSecurityGroupId: s.ref('sg', n), Status: 'active' })),
    DBClusterParameterGroup: v.clusterParameterGroup ?? `default.${ENGINE_FAMILY[v.engine]}`, BackupRetentionPeriod: 7, DBSubnetGroup: `${v.id}-subnets`,
    AvailabilityZones: [...new Set(subnets.map((sn) => sn.AvailabilityZone))], StorageEncrypted: true, PendingModifiedValues: {},
    DeletionProtection: false, NetworkType: 'IPV4',
  };
  s.state.dbClusters.set(v.id, rec);
  // Aurora user guide, "Considerations for custom endpoints": endpoint_name.cluster-custom-customer_DNS_identifier.AWS_Region.rds.amazonaws.com.
  for (const e of v.customEndpoints ?? []) {
    const address = `${e.id}.cluster-custom-${host}.${s.region}.rds.amazonaws.com`;
    s.state.dbClusterEndpoints.set(e.id, {
      DBClusterEndpointIdentifier: e.id, DBClusterIdentifier: v.id, Endpoint: address, Status: 'available',
      DBClusterEndpointResourceIdentifier: stableId('cluster-endpoint-', 26, BASE36, s.account, s.region, e.id),
      EndpointType: 'CUSTOM', CustomEndpointType: e.type ?? 'ANY', StaticMembers: e.members ?? [], ExcludedMembers: [],
      DBClusterEndpointArn: `arn:aws:rds:${s.region}:${s.account}:cluster-endpoint:${e.id}`,
    });
    rec.CustomEndpoints = [...(rec.CustomEndpoints ?? []), address];
  }
  v.members.forEach((m, i) => addDbInstance(s, {
    id: m, engine: v.engine, version: v.version, iamAuth: v.iamAuth, public: v.public, cluster: v.id,
    subnets: [v.subnets[i % v.subnets.length]], securityGroups: v.securityGroups, createdAt: v.createdAt,
  }));
  return rec;
}

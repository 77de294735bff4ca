// RDS (awsQuery, 2014-10-31): describe DB instances and clusters (identifier or ARN, filters,
// MaxRecords/Marker), and turn IAM database authentication on or off — immediately (status
// modifying → available on the clock) or at the next maintenance window (PendingModifiedValues);
// attach parameter groups and reboot (rdsParameters.ts holds the groups themselves); describe
// Aurora cluster endpoints (the built-in writer and reader, and the custom ones a scenario declares).
import { boolParam, filtersParam, optionalParam, requireParam } from '../core/protocols';
import { ApiError, EmuRequest, RegionState, World } from '../core/types';
import { queryHandler } from './query/dispatch';
import { intParam, matchesFilters, page } from './query/params';
import { rdsWire } from './query/wireNames';
import { attachClusterGroup, attachInstanceGroup, parameterOperations, rebootInstance } from './rdsParameters';

type Rec = Record<string, any>;
/** The emulator's stand-in for "the next maintenance window". */
export const MAINTENANCE_WINDOW_MS = 24 * 60 * 60 * 1000;
const IAM_AUTH_ENGINES = /^(mysql|postgres|mariadb|aurora-mysql|aurora-postgresql|aurora)$/;
const IDENTIFIER = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,62}$/;

const regionOf = (world: World, req: EmuRequest): RegionState => world.region(req.accountId, req.region);
const badMarker = () => new ApiError('InvalidParameterValue', 'Invalid marker');

/** Identifiers may be given as the name or the ARN; names are case-insensitive (RDS stores lower case). */
function lookup(all: Map<string, Rec>, idOrArn: string, arnField: string, idField: string): Rec | undefined {
  if (idOrArn.startsWith('arn:')) return [...all.values()].find((r) => r[arnField] === idOrArn);
  if (!IDENTIFIER.test(idOrArn) || idOrArn.endsWith('-')) {
    throw new ApiError('InvalidParameterValue', `The parameter ${idField} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`);
  }
  return all.get(idOrArn) ?? [...all.values()].find((r) => String(r[idField]).toLowerCase() === idOrArn.toLowerCase());
}

function findInstance(world: World, req: EmuRequest, id: string): Rec {
  const db = lookup(regionOf(world, req).dbInstances, id, 'DBInstanceArn', 'DBInstanceIdentifier');
  if (!db) throw new ApiError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
  return db;
}

function findCluster(world: World, req: EmuRequest, id: string): Rec {
  const c = lookup(regionOf(world, req).dbClusters, id, 'DBClusterArn', 'DBClusterIdentifier');
  if (!c) throw new ApiError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);
  return c;
}

/** RDS filter values name clusters/instances by identifier or ARN. */
const idOrArn = (id: unknown, arn: unknown) => [id, arn];

const INSTANCE_FILTERS: Record<string, (r: Rec) => unknown> = {
  'db-cluster-id': (r) => (r.DBClusterIdentifier
    ? [r.DBClusterIdentifier, String(r.DBInstanceArn).replace(/:db:.*$/, `:cluster:${r.DBClusterIdentifier}`)] : []),
  'db-instance-id': (r) => idOrArn(r.DBInstanceIdentifier, r.DBInstanceArn),
  'dbi-resource-id': (r) => r.DbiResourceId,
  engine: (r) => r.Engine,
  domain: (r) => (r.DomainMemberships ?? []).map((d: Rec) => d.Domain),
};

const CLUSTER_FILTERS: Record<string, (r: Rec) => unknown> = {
  'db-cluster-id': (r) => idOrArn(r.DBClusterIdentifier, r.DBClusterArn),
  'db-cluster-resource-id': (r) => r.DbClusterResourceId,
  'clone-group-id': (r) => r.CloneGroupId,
  engine: (r) => r.Engine,
  domain: (r) => (r.DomainMemberships ?? []).map((d: Rec) => d.Domain),
};

/**
 * DescribeDBClusterEndpoints filter names and values from botocore rds 2014-10-31 service-2.json,
 * DescribeDBClusterEndpointsMessage.Filters: types `reader`/`writer`/`custom`, custom types
 * `reader`/`any`, statuses in lower case (the records carry EndpointType in upper case, DBClusterEndpoint).
 */
const ENDPOINT_FILTERS: Record<string, (r: Rec) => unknown> = {
  'db-cluster-endpoint-type': (r) => String(r.EndpointType).toLowerCase(),
  'db-cluster-endpoint-custom-type': (r) => r.CustomEndpointType?.toLowerCase(),
  'db-cluster-endpoint-id': (r) => r.DBClusterEndpointIdentifier,
  'db-cluster-endpoint-status': (r) => r.Status,
};

/**
 * A cluster's endpoints as DescribeDBClusterEndpoints lists them: its writer and reader (EndpointType
 * WRITER / READER, botocore's DBClusterEndpoint), then its custom endpoints. Whether AWS gives the
 * built-in ones a DBClusterEndpointIdentifier is unverified: the emulator gives them none.
 */
function clusterEndpoints(state: RegionState, c: Rec): Rec[] {
  const status = c.Status === 'available' ? 'available' : 'creating';
  return [
    { DBClusterIdentifier: c.DBClusterIdentifier, Endpoint: c.Endpoint, Status: status, EndpointType: 'WRITER' },
    { DBClusterIdentifier: c.DBClusterIdentifier, Endpoint: c.ReaderEndpoint, Status: status, EndpointType: 'READER' },
    ...[...state.dbClusterEndpoints.values()].filter((e) => e.DBClusterIdentifier === c.DBClusterIdentifier),
  ];
}

/** The shared Describe flow: one identifier (must exist) or all, then filters, then a page. */
function describe(req: EmuRequest, all: Rec[], filtersSpec: Record<string, (r: Rec) => unknown>, listing: string, one?: Rec) {
  const filters = filtersParam(req);
  for (const f of filters) if (!f.values.length) throw new ApiError('InvalidParameterValue', `The filter ${f.name} requires at least one value.`);
  // RDS knows no tag: filters here; only the names it documents.
  for (const f of filters) if (!filtersSpec[f.name]) throw new ApiError('InvalidParameterValue', `Unrecognized filter name: ${f.name}`);
  const maxRecords = intParam(req, 'MaxRecords', 20, 100) ?? 100;
  const items = (one ? [one] : all).filter((r) => matchesFilters(r, filters, filtersSpec));
  return page(req, listing, items, maxRecords, optionalParam(req, 'Marker'), badMarker);
}

/** The EnableIAMDatabaseAuthentication change, applied now (via modifying) or left pending. */
function modifyIamAuth(world: World, req: EmuRequest, record: Rec, statusField: string, label: string, onApplied: (v: boolean) => void): void {
  const enable = boolParam(req, 'EnableIAMDatabaseAuthentication');
  const applyNow = boolParam(req, 'ApplyImmediately') ?? false;
  const pending: Rec = record.PendingModifiedValues ?? {};
  // RDS keeps an (often empty) PendingModifiedValues on the record; clearing a change leaves `{}`.
  const clearPending = () => { if (record.PendingModifiedValues) delete record.PendingModifiedValues.IAMDatabaseAuthenticationEnabled; };
  const wanted = enable ?? (applyNow ? pending.IAMDatabaseAuthenticationEnabled : undefined);
  if (wanted === undefined) return;
  if (!applyNow) {
    if (wanted !== !!record.IAMDatabaseAuthenticationEnabled) {
      record.PendingModifiedValues = { ...pending, IAMDatabaseAuthenticationEnabled: wanted };
    } else {
      // Asking for the current value cancels an opposite pending change.
      clearPending();
    }
    world.schedule(MAINTENANCE_WINDOW_MS, `${label} maintenance window`, () => {
      const p = record.PendingModifiedValues;
      if (p?.IAMDatabaseAuthenticationEnabled === undefined) return;
      record.IAMDatabaseAuthenticationEnabled = p.IAMDatabaseAuthenticationEnabled;
      onApplied(p.IAMDatabaseAuthenticationEnabled);
      clearPending();
    });
    return;
  }
  clearPending();
  if (wanted === !!record.IAMDatabaseAuthenticationEnabled) return;
  record[statusField] = 'modifying';
  world.schedule(world.timings.update, `${label} modifying → available`, () => {
    record.IAMDatabaseAuthenticationEnabled = wanted;
    record[statusField] = 'available';
    onApplied(wanted);
  });
}

/**
 * BackupRetentionPeriod (0–35; 0 turns automated backups off). Going from 0 to a number or back
 * is an outage (RDS user guide, "Backup retention period":
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupRetention.html):
 * with ApplyImmediately the instance is modifying with the value pending, then available with it;
 * without, it waits for the maintenance window. Between two non-zero values it applies at once
 * ("asynchronously as soon as possible", ModifyDBInstance API reference). The exact transitional
 * statuses (modifying, then backing-up on AWS) are unverified; the emulator shows modifying only.
 */
function modifyBackups(world: World, req: EmuRequest, db: Rec): void {
  const days = intParam(req, 'BackupRetentionPeriod', 0, 35);
  if (days === undefined || days === db.BackupRetentionPeriod) return;
  const apply = () => {
    db.BackupRetentionPeriod = days;
    if (db.PendingModifiedValues) delete db.PendingModifiedValues.BackupRetentionPeriod;
  };
  if ((days === 0) === (db.BackupRetentionPeriod === 0)) return apply();
  db.PendingModifiedValues = { ...(db.PendingModifiedValues ?? {}), BackupRetentionPeriod: days };
  if (!(boolParam(req, 'ApplyImmediately') ?? false)) {
    world.schedule(MAINTENANCE_WINDOW_MS, `db instance ${db.DBInstanceIdentifier} maintenance window`, () => {
      if (db.PendingModifiedValues?.BackupRetentionPeriod === days) apply();
    });
    return;
  }
  db.DBInstanceStatus = 'modifying';
  world.schedule(world.timings.update, `db instance ${db.DBInstanceIdentifier} backups modifying → available`, () => {
    apply();
    db.DBInstanceStatus = 'available';
  });
}

function checkEngine(engine: string): void {
  if (!IAM_AUTH_ENGINES.test(engine)) {
    throw new ApiError('InvalidParameterCombination', `IAM Database Authentication is not supported for engine ${engine}.`);
  }
}

export const handler = queryHandler('awsQuery', rdsWire, {
  DescribeDBInstances: (req, world) => {
    const id = optionalParam(req, 'DBInstanceIdentifier');
    const one = id ? findInstance(world, req, id) : undefined;
    const { page: out, nextToken } = describe(req, [...regionOf(world, req).dbInstances.values()], INSTANCE_FILTERS, 'db-instances', one);
    return { DBInstances: out, Marker: nextToken };
  },

  DescribeDBClusters: (req, world) => {
    const id = optionalParam(req, 'DBClusterIdentifier');
    const one = id ? findCluster(world, req, id) : undefined;
    const { page: out, nextToken } = describe(req, [...regionOf(world, req).dbClusters.values()], CLUSTER_FILTERS, 'db-clusters', one);
    return { DBClusters: out, Marker: nextToken };
  },

  // An unknown DBClusterIdentifier is DBClusterNotFoundFault (the operation's only error in botocore's
  // model); an unknown DBClusterEndpointIdentifier is then no error, an empty list (unverified).
  DescribeDBClusterEndpoints: (req, world) => {
    const state = regionOf(world, req);
    const clusterId = optionalParam(req, 'DBClusterIdentifier');
    const clusters = clusterId ? [findCluster(world, req, clusterId)] : [...state.dbClusters.values()];
    const endpointId = optionalParam(req, 'DBClusterEndpointIdentifier')?.toLowerCase();
    const all = clusters.flatMap((c) => clusterEndpoints(state, c)).filter((e) => !endpointId || e.DBClusterEndpointIdentifier === endpointId);
    const { page: out, nextToken } = describe(req, all, ENDPOINT_FILTERS, 'db-cluster-endpoints');
    return { DBClusterEndpoints: out, Marker: nextToken };
  },

  ModifyDBInstance: (req, world) => {
    const db = findInstance(world, req, requireParam(req, 'DBInstanceIdentifier'));
    const enable = boolParam(req, 'EnableIAMDatabaseAuthentication');
    if (enable !== undefined) {
      // Cluster members (Aurora and Multi-AZ DB clusters) take the setting from their cluster, as AWS insists.
      if (db.DBClusterIdentifier) {
        throw new ApiError('InvalidParameterCombination',
          'The requested DB Instance will be a member of a DB Cluster. Set IAM database authentication for the DB Cluster.');
      }
      checkEngine(db.Engine);
    }
    if (db.DBInstanceStatus !== 'available') {
      throw new ApiError('InvalidDBInstanceState', `Database instance is not in available state.`);
    }
    const group = optionalParam(req, 'DBParameterGroupName');
    if (group) attachInstanceGroup(world, req, db, group);
    modifyBackups(world, req, db);
    modifyIamAuth(world, req, db, 'DBInstanceStatus', `db instance ${db.DBInstanceIdentifier}`, () => undefined);
    return { DBInstance: db };
  },

  RebootDBInstance: (req, world) => {
    const db = findInstance(world, req, requireParam(req, 'DBInstanceIdentifier'));
    rebootInstance(world, req, db);
    return { DBInstance: db };
  },

  ...parameterOperations,

  ModifyDBCluster: (req, world) => {
    const cluster = findCluster(world, req, requireParam(req, 'DBClusterIdentifier'));
    if (boolParam(req, 'EnableIAMDatabaseAuthentication') !== undefined) checkEngine(cluster.Engine);
    if (cluster.Status !== 'available') {
      throw new ApiError('InvalidDBClusterStateFault', `DB cluster ${cluster.DBClusterIdentifier} is not in available state.`);
    }
    const instances = regionOf(world, req).dbInstances;
    // Members report the cluster's setting once it is in effect.
    const propagate = (value: boolean) => {
      for (const m of cluster.DBClusterMembers ?? []) {
        const inst = instances.get(m.DBInstanceIdentifier);
        if (inst) inst.IAMDatabaseAuthenticationEnabled = value;
      }
    };
    const group = optionalParam(req, 'DBClusterParameterGroupName');
    if (group) attachClusterGroup(world, req, cluster, group);
    modifyIamAuth(world, req, cluster, 'Status', `db cluster ${cluster.DBClusterIdentifier}`, propagate);
    return { DBCluster: cluster };
  },
});

// RDS parameter groups (awsQuery, 2014-10-31): DB and DB cluster parameter groups, their
// parameters, custom copies, modifications, attaching a group to an instance or cluster and the
// reboot that puts static changes into effect. Members and error codes follow botocore rds
// 2014-10-31 service-2.json. Default groups (`default.<family>`) exist implicitly and cannot be
// modified ("Cannot modify a default parameter group", the RDS message quoted in public gists;
// the error code used, InvalidParameterValue, is unverified).
// Only the parameters the connectivity doctor reads are catalogued; their defaults follow the
// ClickHouse ClickPipes source guides (rds.logical_replication off, binlog_format not ROW) and are
// otherwise unverified.
import { optionalParam, requireParam } from '../core/protocols';
import { ApiError, EmuRequest, RegionState, World } from '../core/types';
import { intParam, page } from './query/params';

type Rec = Record<string, any>;
export type GroupStore = { group: Rec; values: Map<string, string> };
type Level = 'instance' | 'cluster';
type ParamSpec = { value: string; applyType: 'static' | 'dynamic'; dataType: string; allowed?: string; description: string };

const PG: Record<string, ParamSpec> = {
  'rds.logical_replication': { value: '0', applyType: 'static', dataType: 'boolean', allowed: '0,1', description: 'Enables logical decoding.' },
  'rds.iam_auth_for_replication': { value: '0', applyType: 'dynamic', dataType: 'boolean', allowed: '0,1', description: 'Enables IAM authentication for replication connections.' },
  wal_sender_timeout: { value: '60000', applyType: 'dynamic', dataType: 'integer', allowed: '0-3600000', description: 'Sets the maximum time to wait for WAL replication.' },
  max_replication_slots: { value: '20', applyType: 'static', dataType: 'integer', allowed: '5-262143', description: 'Sets the maximum number of replication slots.' },
};
const MYSQL: Record<string, ParamSpec> = {
  binlog_format: { value: 'MIXED', applyType: 'dynamic', dataType: 'string', allowed: 'ROW,STATEMENT,MIXED', description: 'Binary logging format.' },
  binlog_row_image: { value: 'FULL', applyType: 'dynamic', dataType: 'string', allowed: 'FULL,MINIMAL,NOBLOB', description: 'Row image in row-based logging.' },
  binlog_row_metadata: { value: 'MINIMAL', applyType: 'dynamic', dataType: 'string', allowed: 'FULL,MINIMAL', description: 'Table metadata in row-based logging.' },
};
const AURORA_MYSQL_CLUSTER: Record<string, ParamSpec> = {
  ...MYSQL,
  binlog_format: { value: 'OFF', applyType: 'static', dataType: 'string', allowed: 'ROW,STATEMENT,MIXED,OFF', description: 'Binary logging format.' },
};
const INSTANCE_ONLY: Record<string, ParamSpec> = {
  log_min_duration_statement: { value: '-1', applyType: 'dynamic', dataType: 'integer', allowed: '-1-2147483647', description: 'Logs statements slower than this.' },
};

/** The catalogue for a family at a level (Aurora keeps replication settings in the cluster group). */
export function catalogue(family: string, level: Level): Record<string, ParamSpec> | undefined {
  if (/^aurora-postgresql\d/.test(family)) return level === 'cluster' ? PG : INSTANCE_ONLY;
  if (/^aurora-mysql\d/.test(family)) return level === 'cluster' ? AURORA_MYSQL_CLUSTER : INSTANCE_ONLY;
  if (level === 'cluster') return undefined;
  if (/^postgres\d/.test(family)) return PG;
  if (/^(mysql|mariadb)\d/.test(family)) return MYSQL;
  return undefined;
}

const NAME = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,254}$/;
const notFound = (name: string) => new ApiError('DBParameterGroupNotFound', `DBParameterGroup not found: ${name}`, 404);

function stores(region: RegionState, level: Level) {
  return level === 'instance' ? region.dbParameterGroups : region.dbClusterParameterGroups;
}

function arnOf(req: EmuRequest, level: Level, name: string) {
  return `arn:aws:rds:${req.region}:${req.accountId}:${level === 'instance' ? 'pg' : 'cluster-pg'}:${name}`;
}

/** A stored group, or the implicit default group of a known family. */
export function findGroup(world: World, req: EmuRequest, level: Level, name: string): GroupStore | undefined {
  const region = world.region(req.accountId, req.region);
  const stored = stores(region, level).get(name.toLowerCase());
  if (stored) return stored;
  const m = /^default\.(.+)$/.exec(name);
  if (!m || !catalogue(m[1], level)) return undefined;
  const nameField = level === 'instance' ? 'DBParameterGroupName' : 'DBClusterParameterGroupName';
  const arnField = level === 'instance' ? 'DBParameterGroupArn' : 'DBClusterParameterGroupArn';
  const group = { [nameField]: name, DBParameterGroupFamily: m[1], Description: `Default parameter group for ${m[1]}`, [arnField]: arnOf(req, level, name) };
  const created = { group, values: new Map<string, string>() };
  stores(region, level).set(name, created);
  return created;
}

/** `Prefix.<Member|member>.N.Field` → objects (RDS names list members, e.g. Parameters.Parameter.1). */
function namedList(req: EmuRequest, prefix: string): Array<Record<string, string>> {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [k, v] of req.form ?? []) {
    const m = new RegExp(`^${prefix}\\.(?:[A-Za-z]+\\.)?(\\d+)\\.(.+)$`).exec(k);
    if (!m) continue;
    const e = byIndex.get(Number(m[1])) ?? {};
    e[m[2]] = v;
    byIndex.set(Number(m[1]), e);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
}

function parametersOf(store: GroupStore, level: Level): Rec[] {
  const cat = catalogue(store.group.DBParameterGroupFamily, level) ?? {};
  return Object.entries(cat).map(([name, spec]) => {
    const user = store.values.get(name);
    return {
      ParameterName: name, ParameterValue: user ?? spec.value, Description: spec.description, Source: user !== undefined ? 'user' : 'engine-default',
      ApplyType: spec.applyType, DataType: spec.dataType, ...(spec.allowed ? { AllowedValues: spec.allowed } : {}), IsModifiable: true,
      ApplyMethod: spec.applyType === 'static' ? 'pending-reboot' : 'immediate',
    };
  });
}

function describeParameters(level: Level, nameParam: string) {
  return (req: EmuRequest, world: World) => {
    const name = requireParam(req, nameParam);
    const store = findGroup(world, req, level, name);
    if (!store) throw notFound(name);
    const source = optionalParam(req, 'Source');
    if (source && !['user', 'system', 'engine-default'].includes(source)) {
      throw new ApiError('InvalidParameterValue', `Invalid source: ${source}. Valid values are user, system, engine-default.`);
    }
    const items = parametersOf(store, level).filter((p) => !source || p.Source === source);
    const maxRecords = intParam(req, 'MaxRecords', 20, 100) ?? 100;
    const { page: out, nextToken } = page(req, `${level}-parameters:${name}`, items, maxRecords, optionalParam(req, 'Marker'),
      () => new ApiError('InvalidParameterValue', 'Invalid marker'));
    return { Parameters: out, Marker: nextToken };
  };
}

function createGroup(level: Level) {
  const nameField = level === 'instance' ? 'DBParameterGroupName' : 'DBClusterParameterGroupName';
  const arnField = level === 'instance' ? 'DBParameterGroupArn' : 'DBClusterParameterGroupArn';
  return (req: EmuRequest, world: World) => {
    const name = requireParam(req, nameField);
    const family = requireParam(req, 'DBParameterGroupFamily');
    const description = requireParam(req, 'Description');
    if (!NAME.test(name) || name.endsWith('-')) {
      throw new ApiError('InvalidParameterValue', `The parameter ${nameField} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`);
    }
    if (!catalogue(family, level)) throw new ApiError('InvalidParameterValue', `ParameterGroupFamily ${family} is not a valid parameter group family.`);
    const all = stores(world.region(req.accountId, req.region), level);
    const key = name.toLowerCase();
    if (all.has(key)) throw new ApiError('DBParameterGroupAlreadyExists', `Parameter group ${key} already exists`);
    const group = { [nameField]: key, DBParameterGroupFamily: family, Description: description, [arnField]: arnOf(req, level, key) };
    all.set(key, { group, values: new Map() });
    return { [level === 'instance' ? 'DBParameterGroup' : 'DBClusterParameterGroup']: group };
  };
}

function modifyGroup(level: Level, onStatic: (world: World, req: EmuRequest, name: string) => void) {
  const nameField = level === 'instance' ? 'DBParameterGroupName' : 'DBClusterParameterGroupName';
  return (req: EmuRequest, world: World) => {
    const name = requireParam(req, nameField);
    const store = findGroup(world, req, level, name);
    if (!store) throw notFound(name);
    if (name.startsWith('default.')) throw new ApiError('InvalidParameterValue', 'Cannot modify a default parameter group.');
    const params = namedList(req, 'Parameters');
    if (!params.length) requireParam(req, 'Parameters');
    if (params.length > 20) throw new ApiError('InvalidParameterValue', 'A maximum of 20 parameters can be modified in a single request.');
    const cat = catalogue(store.group.DBParameterGroupFamily, level) ?? {};
    let needsReboot = false;
    for (const p of params) {
      const spec = cat[p.ParameterName ?? ''];
      if (!spec) throw new ApiError('InvalidParameterValue', `Could not find parameter with name: ${p.ParameterName}`);
      if (p.ApplyMethod !== 'immediate' && p.ApplyMethod !== 'pending-reboot') {
        throw new ApiError('InvalidParameterValue', `Invalid apply method ${p.ApplyMethod ?? '(none)'} for parameter ${p.ParameterName}`);
      }
      if (spec.applyType === 'static' && p.ApplyMethod === 'immediate') {
        throw new ApiError('InvalidParameterCombination', `cannot use immediate apply method for static parameter`);
      }
      if (spec.allowed && spec.dataType !== 'integer' && !spec.allowed.split(',').includes(p.ParameterValue ?? '')) {
        throw new ApiError('InvalidParameterValue', `Value: ${p.ParameterValue} is outside of range: ${spec.allowed} for parameter: ${p.ParameterName}`);
      }
      if (spec.applyType === 'static') needsReboot = true;
    }
    for (const p of params) store.values.set(p.ParameterName, p.ParameterValue ?? '');
    if (needsReboot) onStatic(world, req, name);
    return { [nameField]: name };
  };
}

/** Instances using a group whose static parameter changed must be rebooted to take it. */
function markInstances(world: World, req: EmuRequest, name: string): void {
  for (const db of world.region(req.accountId, req.region).dbInstances.values()) {
    for (const g of db.DBParameterGroups ?? []) if (g.DBParameterGroupName === name) g.ParameterApplyStatus = 'pending-reboot';
  }
}

function markClusters(world: World, req: EmuRequest, name: string): void {
  for (const c of world.region(req.accountId, req.region).dbClusters.values()) {
    if (c.DBClusterParameterGroup !== name) continue;
    for (const m of c.DBClusterMembers ?? []) m.DBClusterParameterGroupStatus = 'pending-reboot';
  }
}

/** ModifyDBInstance DBParameterGroupName: attach a group of the instance's family (applies on reboot). */
export function attachInstanceGroup(world: World, req: EmuRequest, db: Rec, name: string): void {
  const store = findGroup(world, req, 'instance', name);
  if (!store) throw notFound(name);
  const current = db.DBParameterGroups?.[0]?.DBParameterGroupName;
  const family = current ? /^default\.(.+)$/.exec(current)?.[1] ?? findGroup(world, req, 'instance', current)?.group.DBParameterGroupFamily : undefined;
  if (family && store.group.DBParameterGroupFamily !== family) {
    throw new ApiError('InvalidParameterCombination', `The parameter group ${name} with DBParameterGroupFamily ${store.group.DBParameterGroupFamily} cannot be used for this instance. Please use a Parameter Group with DBParameterGroupFamily ${family}`);
  }
  if (current === store.group.DBParameterGroupName) return;
  db.DBParameterGroups = [{ DBParameterGroupName: store.group.DBParameterGroupName, ParameterApplyStatus: 'pending-reboot' }];
}

/** ModifyDBCluster DBClusterParameterGroupName: attach a cluster group; members pick it up on reboot. */
export function attachClusterGroup(world: World, req: EmuRequest, cluster: Rec, name: string): void {
  const store = findGroup(world, req, 'cluster', name);
  if (!store) throw notFound(name);
  const current = findGroup(world, req, 'cluster', cluster.DBClusterParameterGroup);
  if (current && current.group.DBParameterGroupFamily !== store.group.DBParameterGroupFamily) {
    throw new ApiError('InvalidParameterCombination', `The parameter group ${name} with DBParameterGroupFamily ${store.group.DBParameterGroupFamily} cannot be used for this cluster.`);
  }
  if (cluster.DBClusterParameterGroup === store.group.DBClusterParameterGroupName) return;
  cluster.DBClusterParameterGroup = store.group.DBClusterParameterGroupName;
  for (const m of cluster.DBClusterMembers ?? []) m.DBClusterParameterGroupStatus = 'pending-reboot';
}

/** RebootDBInstance: rebooting → available on the clock; pending parameter changes take effect. */
export function rebootInstance(world: World, req: EmuRequest, db: Rec): void {
  if (db.DBInstanceStatus !== 'available') throw new ApiError('InvalidDBInstanceState', 'Database instance is not in available state.');
  db.DBInstanceStatus = 'rebooting';
  world.schedule(world.timings.update, `db instance ${db.DBInstanceIdentifier} rebooting → available`, () => {
    db.DBInstanceStatus = 'available';
    for (const g of db.DBParameterGroups ?? []) g.ParameterApplyStatus = 'in-sync';
    const cluster = db.DBClusterIdentifier ? world.region(req.accountId, req.region).dbClusters.get(db.DBClusterIdentifier) : undefined;
    const member = cluster?.DBClusterMembers?.find((m: Rec) => m.DBInstanceIdentifier === db.DBInstanceIdentifier);
    if (member) member.DBClusterParameterGroupStatus = 'in-sync';
  });
}

export const parameterOperations = {
  DescribeDBParameters: describeParameters('instance', 'DBParameterGroupName'),
  DescribeDBClusterParameters: describeParameters('cluster', 'DBClusterParameterGroupName'),
  CreateDBParameterGroup: createGroup('instance'),
  CreateDBClusterParameterGroup: createGroup('cluster'),
  ModifyDBParameterGroup: modifyGroup('instance', markInstances),
  ModifyDBClusterParameterGroup: modifyGroup('cluster', markClusters),
};

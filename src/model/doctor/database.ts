// Databases for CDC. Postgres / Aurora Postgres: `rds.logical_replication=1` (a static parameter:
// it takes a reboot), and `rds.iam_auth_for_replication=1` when the pipe uses IAM auth (ClickHouse
// ClickPipes Postgres source guides for RDS and Aurora; AWS RDS "IAM authentication for logical
// replication connections"). MySQL / MariaDB / Aurora MySQL: `binlog_format=ROW`,
// `binlog_row_image=FULL`, and automated backups on so the binlog is kept (ClickHouse ClickPipes
// MySQL source guides). Aurora keeps these in the DB cluster parameter group. A default parameter
// group cannot be modified (RDS user guide, "Working with parameter groups"), so the fix copies it.
import { engineFamily, isAuroraEngine } from '../clickpipes';
import { t } from '../text';
import type { DatabaseDetail, Fact, Hop } from './types';

export type DatabaseFacts = {
  database: Fact<DatabaseDetail>;
  /** Name → value of the parameters in the group in use. */
  parameters: Fact<Record<string, string>>;
  /** The parameter group family, e.g. postgres16 (from the group itself). */
  family?: string;
  iamAuthForReplication?: boolean;
};

const PG_DOC = 'https://clickhouse.com/docs/integrations/clickpipes/postgres/source/rds';
const MYSQL_DOC = 'https://clickhouse.com/docs/integrations/clickpipes/mysql/source/rds';
const AURORA_BACKUP_DOC = 'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBCluster.html';

/** The parameter values CDC needs for this engine (and auth). */
export function requiredParameters(engine: string, iamAuth: boolean): Record<string, string> {
  const family = engineFamily(engine);
  if (family === 'postgres') return { 'rds.logical_replication': '1', ...(iamAuth ? { 'rds.iam_auth_for_replication': '1' } : {}) };
  if (family === 'mysql' || family === 'mariadb') return { binlog_format: 'ROW', binlog_row_image: 'FULL' };
  return {};
}

/** Parameters that only apply after a reboot (the catalogue the fixes rely on). */
const STATIC = new Set(['rds.logical_replication']);
export const isStaticParameter = (name: string, engine: string) => STATIC.has(name) || (name === 'binlog_format' && isAuroraEngine(engine));

export function checkDatabase(f: DatabaseFacts): Hop[] {
  const title = t('CDC parameters are set');
  if (!f.database.ok) return [{ id: 'parameters', title, verdict: 'unknown', evidence: [f.database.error] }];
  const db = f.database.value;
  const family = engineFamily(db.engine);
  const wanted = requiredParameters(db.engine, !!f.iamAuthForReplication);
  const hops: Hop[] = [];
  const source = family === 'postgres' ? PG_DOC : MYSQL_DOC;
  if (!f.parameters.ok) hops.push({ id: 'parameters', title, verdict: 'unknown', evidence: [f.parameters.error], source });
  else {
    const values = f.parameters.value;
    const wrong = Object.entries(wanted).filter(([k, v]) => (values[k] ?? '').toUpperCase() !== v.toUpperCase());
    const level = isAuroraEngine(db.engine) ? 'cluster' as const : 'instance' as const;
    hops.push({
      id: 'parameters', title, verdict: wrong.length ? 'fail' : 'pass', source,
      evidence: Object.keys(wanted).map((k) => t('{0}={1} in {2} (needs {3})', k, values[k] ?? t('(not set)'), db.parameterGroup ?? '?', wanted[k])),
      ...(wrong.length && db.parameterGroup && f.family ? {
        fix: {
          kind: 'parameters' as const, level, dbId: db.id, family: f.family, currentGroup: db.parameterGroup,
          values: Object.fromEntries(wrong.map(([k, v]) => [k, v])), static: wrong.some(([k]) => isStaticParameter(k, db.engine)),
        },
      } : {}),
    });
    // Values in the group are not in effect until a pending reboot happens: its own hop and plan.
    if (!wrong.length) {
      const pending = db.parameterApplyStatus === 'pending-reboot';
      const instance = db.kind === 'cluster' ? db.writerInstanceId : db.id;
      hops.push({
        id: 'applied', title: t('The parameter group is in effect'), verdict: pending ? 'fail' : 'pass',
        evidence: [t('parameter group status: {0}', db.parameterApplyStatus ?? 'in-sync')],
        ...(pending && instance ? {
          fix: { kind: 'reboot' as const, instanceId: instance, reason: t('apply the parameter group {0}', db.parameterGroup ?? ''), ...(db.kind === 'cluster' ? { clusterId: db.id } : {}) },
        } : {}),
      });
    }
  }
  if (family === 'mysql' || family === 'mariadb') hops.push(backupsHop(db));
  return hops;
}

/**
 * Aurora cannot turn automated backups off: a cluster's retention is 1 to 35 days (ModifyDBCluster
 * and CreateDBCluster API reference, BackupRetentionPeriod "Must be a value from 1 to 35";
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBCluster.html), so its hop
 * passes whatever an instance-level figure says. A DB instance may have 0 (off): the fix turns it on.
 */
function backupsHop(db: DatabaseDetail): Hop {
  const title = t('Automated backups are on (binlog kept)');
  const binlog = t('Binlog retention is set in SQL: call mysql.rds_set_configuration(\'binlog retention hours\', 72);');
  if (isAuroraEngine(db.engine)) {
    return { id: 'backups', title, verdict: 'pass', source: AURORA_BACKUP_DOC, evidence: [t('Aurora always keeps automated backups (retention 1 to 35 days)'), binlog] };
  }
  const days = db.backupRetentionDays;
  const verdict = days === undefined ? 'unknown' : days > 0 ? 'pass' : 'fail';
  return {
    id: 'backups', title, verdict, source: MYSQL_DOC, evidence: [t('backup retention: {0} days', days ?? '?'), binlog],
    ...(verdict === 'fail' && db.kind === 'instance' ? { fix: { kind: 'backups' as const, instanceId: db.id } } : {}),
  };
}

// The SQL a person runs on the source database for ClickPipes with IAM DB auth, per engine, and
// the engine notes that go with it. The extension never connects to the database: this is text
// for the review tab, copied by the user.
import { DEFAULT_DB_USER, engineFamily, isAuroraEngine } from './clickpipes';

export type SqlOptions = {
  dbUser?: string;
  /** Postgres: schema to grant and publish (default public). */
  schema?: string;
  /** Postgres: publish only these tables (default: the whole schema). */
  tables?: string[];
  /** Postgres publication name (default clickpipes). */
  publication?: string;
  /** MySQL/MariaDB: database to grant SELECT on (default: a placeholder to fill in). */
  database?: string;
};

const pgIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const myIdent = (name: string) => `\`${name.replace(/`/g, '``')}\``;

function postgresSql(engine: string, o: Required<Omit<SqlOptions, 'tables' | 'database'>> & { tables?: string[] }): string {
  const user = o.dbUser;
  const schema = pgIdent(o.schema);
  const publication =
    o.tables && o.tables.length
      ? `CREATE PUBLICATION ${o.publication} FOR TABLE ${o.tables.map((t) => `${schema}.${pgIdent(t)}`).join(', ')};`
      : `CREATE PUBLICATION ${o.publication} FOR TABLES IN SCHEMA ${schema};`;
  return [
    `-- ClickPipes IAM database user for ${engine}. Run as the master user${isAuroraEngine(engine) ? ' on the writer endpoint' : ''}.`,
    `CREATE USER ${user};`,
    `GRANT rds_iam TO ${user};`,
    '',
    '-- Read access for the initial load and CDC.',
    `GRANT USAGE ON SCHEMA ${schema} TO ${user};`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${user};`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT ON TABLES TO ${user};`,
    '',
    '-- Replication (CDC). With IAM auth this also needs rds.iam_auth_for_replication = 1.',
    `GRANT rds_replication TO ${user};`,
    '',
    '-- Tables need a primary key or REPLICA IDENTITY FULL. Avoid FOR ALL TABLES.',
    o.tables && o.tables.length ? publication : `${publication} -- PostgreSQL 15+; on older versions list the tables: FOR TABLE t1, t2`,
    '',
  ].join('\n');
}

function mysqlSql(engine: string, user: string, database: string | undefined, retentionHours: number): string {
  const db = database ? myIdent(database) : '`<database>`';
  return [
    `-- ClickPipes IAM database user for ${engine}. Run as the master user${isAuroraEngine(engine) ? ' on the writer endpoint' : ''}.`,
    `CREATE USER '${user}' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS';`,
    '',
    '-- Read access for the initial load, replication for CDC.',
    `GRANT SELECT ON ${db}.* TO '${user}'@'%';`,
    `GRANT REPLICATION CLIENT ON *.* TO '${user}'@'%';`,
    `GRANT REPLICATION SLAVE ON *.* TO '${user}'@'%';`,
    '',
    ...(isAuroraEngine(engine)
      ? ['-- Aurora MySQL keeps binlogs per the cluster parameter group; set retention (≥ 72 h recommended):']
      : [`-- Keep binlogs long enough for ClickPipes to catch up (≥ ${retentionHours} h):`]),
    `CALL mysql.rds_set_configuration('binlog retention hours', ${retentionHours});`,
    '',
  ].join('\n');
}

/** The SQL for the engine's IAM user, ClickPipes grants and (Postgres) publication. */
export function iamUserSql(engine: string, options: SqlOptions = {}): string {
  const family = engineFamily(engine);
  const dbUser = options.dbUser ?? DEFAULT_DB_USER;
  switch (family) {
    case 'postgres':
      return postgresSql(engine, {
        dbUser, schema: options.schema ?? 'public', publication: options.publication ?? 'clickpipes', tables: options.tables,
      });
    case 'mysql':
      return mysqlSql(engine, dbUser, options.database, 72);
    case 'mariadb':
      return mysqlSql(engine, dbUser, options.database, 24);
    default:
      throw new Error(`No ClickPipes SQL for engine "${engine}" (postgres, aurora-postgresql, mysql, aurora-mysql, mariadb).`);
  }
}

/** Parameter-group and behaviour notes for the engine, as markdown bullet lines. */
export function engineNotes(engine: string): string[] {
  const family = engineFamily(engine);
  const aurora = isAuroraEngine(engine);
  const group = aurora ? 'the DB cluster parameter group' : 'the DB parameter group';
  switch (family) {
    case 'postgres':
      return [
        `Set \`rds.logical_replication = 1\` in ${group} and reboot (static parameter).`,
        ...(aurora ? ['Aurora: also set `wal_sender_timeout = 0`, and connect ClickPipes to the writer endpoint.'] : []),
        'CDC with IAM authentication needs `rds.iam_auth_for_replication = 1` (dynamic parameter; PostgreSQL 11+, with IAM auth and logical replication on). Without it, ClickPipes can run the initial load only.',
        'Tables need a primary key or `REPLICA IDENTITY FULL`. RDS Proxy is not supported for replication.',
      ];
    case 'mysql':
      return [
        aurora
          ? 'Aurora MySQL: binary logging is set in the DB cluster parameter group (`binlog_format = ROW`); reboot the writer after changing it.'
          : 'Enable automated backups: that turns on binary logging.',
        `Set \`binlog_format = ROW\`, \`binlog_row_metadata = FULL\`, \`binlog_row_image = FULL\` in ${group} and reboot.`,
        "Keep binlogs at least 72 h: `CALL mysql.rds_set_configuration('binlog retention hours', 72);`",
        'GTID mode is recommended (`gtid-mode = ON`, `enforce_gtid_consistency = ON`).',
      ];
    case 'mariadb':
      return [
        'Enable automated backups: that turns on binary logging.',
        `Set \`binlog_format = ROW\`, \`binlog_row_metadata = FULL\`, \`binlog_row_image = FULL\` in ${group} and reboot.`,
        "Binlog retention defaults to NULL on RDS MariaDB: set at least 24 h with `CALL mysql.rds_set_configuration('binlog retention hours', 24);`",
        'GTID is on by default in MariaDB.',
      ];
    default:
      return [`Engine "${engine}" is not supported by ClickPipes IAM authentication.`];
  }
}

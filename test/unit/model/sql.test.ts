import * as assert from 'node:assert/strict';
import { engineNotes, iamUserSql } from '../../../src/model/sql';

describe('sql', () => {
  it('postgres: IAM user, ClickPipes grants and publication', () => {
    const sql = iamUserSql('postgres');
    for (const line of [
      'CREATE USER clickpipes_iam_user;',
      'GRANT rds_iam TO clickpipes_iam_user;',
      'GRANT USAGE ON SCHEMA "public" TO clickpipes_iam_user;',
      'GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO clickpipes_iam_user;',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT ON TABLES TO clickpipes_iam_user;',
      'GRANT rds_replication TO clickpipes_iam_user;',
    ]) assert.ok(sql.split('\n').includes(line), line);
    assert.match(sql, /^CREATE PUBLICATION clickpipes FOR TABLES IN SCHEMA "public";/m);
    assert.doesNotMatch(sql, /writer endpoint/);
  });

  it('aurora-postgresql with tables and a custom schema', () => {
    const sql = iamUserSql('aurora-postgresql', { dbUser: 'cp', schema: 'sales', tables: ['orders', 'line"items'] });
    assert.match(sql, /on the writer endpoint/);
    assert.ok(sql.includes('CREATE PUBLICATION clickpipes FOR TABLE "sales"."orders", "sales"."line""items";'));
    assert.ok(sql.includes('GRANT rds_iam TO cp;'));
  });

  it('mysql / aurora-mysql: AWSAuthenticationPlugin and replication grants', () => {
    const sql = iamUserSql('mysql', { database: 'shop' });
    for (const line of [
      "CREATE USER 'clickpipes_iam_user' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS';",
      "GRANT SELECT ON `shop`.* TO 'clickpipes_iam_user'@'%';",
      "GRANT REPLICATION CLIENT ON *.* TO 'clickpipes_iam_user'@'%';",
      "GRANT REPLICATION SLAVE ON *.* TO 'clickpipes_iam_user'@'%';",
      "CALL mysql.rds_set_configuration('binlog retention hours', 72);",
    ]) assert.ok(sql.split('\n').includes(line), line);
    assert.match(iamUserSql('aurora-mysql'), /GRANT SELECT ON `<database>`\.\* TO/);
  });

  it('mariadb: 24 h binlog retention', () => {
    const sql = iamUserSql('mariadb');
    assert.ok(sql.includes("IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS';"));
    assert.ok(sql.includes("CALL mysql.rds_set_configuration('binlog retention hours', 24);"));
  });

  it('refuses other engines', () => {
    assert.throws(() => iamUserSql('oracle-ee'), /No ClickPipes SQL for engine "oracle-ee"/);
  });

  it('engine notes', () => {
    const pg = engineNotes('postgres').join('\n');
    assert.match(pg, /rds\.logical_replication = 1/);
    assert.match(pg, /rds\.iam_auth_for_replication = 1/);
    assert.match(pg, /initial load only/);
    assert.match(engineNotes('aurora-postgresql').join('\n'), /wal_sender_timeout = 0/);
    assert.match(engineNotes('mysql').join('\n'), /binlog_format = ROW/);
    assert.match(engineNotes('aurora-mysql').join('\n'), /cluster parameter group/);
    assert.match(engineNotes('mariadb').join('\n'), /defaults to NULL/);
    assert.deepEqual(engineNotes('sqlserver-ee'), ['Engine "sqlserver-ee" is not supported by ClickPipes IAM authentication.']);
  });
});

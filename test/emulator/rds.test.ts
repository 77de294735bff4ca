import * as assert from 'node:assert/strict';
import {
  RDSClient, DescribeDBInstancesCommand, DescribeDBClustersCommand, ModifyDBInstanceCommand, ModifyDBClusterCommand,
  DBInstanceNotFoundFault, DBClusterNotFoundFault, InvalidDBInstanceStateFault, paginateDescribeDBInstances,
} from '@aws-sdk/client-rds';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control } from './testHelpers';
import { DEMO_ACCOUNT } from './scenarios/accounts';
import { dbCluster, dbInstance } from './services/query/fixtures';
import { MAINTENANCE_WINDOW_MS } from './services/rds';

describe('emulator RDS (awsQuery)', () => {
  let emu: RunningEmulator;
  let rds: RDSClient;
  const advance = (ms: number) => control(emu.url, 'POST', 'clock/advance', { ms });
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); });
  after(async () => { await emu.stop(); });
  beforeEach(async () => {
    await control(emu.url, 'POST', 'reset', { scenario: 'empty' });
    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    for (let i = 0; i < 23; i++) r.dbInstances.set(`pg-${i}`, dbInstance(`pg-${i}`, 'postgres'));
    r.dbInstances.set('orders-mysql', dbInstance('orders-mysql', 'mysql', { PubliclyAccessible: true }));
    r.dbInstances.set('legacy-oracle', dbInstance('legacy-oracle', 'oracle-ee'));
    r.dbInstances.set('aurora-pg-1', dbInstance('aurora-pg-1', 'aurora-postgresql', { DBClusterIdentifier: 'aurora-pg' }));
    r.dbInstances.set('aurora-pg-2', dbInstance('aurora-pg-2', 'aurora-postgresql', { DBClusterIdentifier: 'aurora-pg' }));
    r.dbClusters.set('aurora-pg', dbCluster('aurora-pg', 'aurora-postgresql', ['aurora-pg-1', 'aurora-pg-2']));
    r.dbClusters.set('multi-az', dbCluster('multi-az', 'postgres', []));
    rds = new RDSClient(sdkConfig(emu.url, 'us-east-1'));
  });

  it('DescribeDBInstances: by identifier or ARN, fields on the wire, DBInstanceNotFoundFault', async () => {
    const one = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-mysql' }))).DBInstances!;
    assert.equal(one.length, 1);
    const db = one[0];
    assert.equal(db.Engine, 'mysql');
    assert.equal(db.PubliclyAccessible, true);
    assert.equal(db.IAMDatabaseAuthenticationEnabled, false);
    assert.equal(db.Endpoint!.Port, 3306);
    assert.match(db.DbiResourceId!, /^db-[A-Z0-9]{26}$/);
    assert.equal(db.VpcSecurityGroups![0].VpcSecurityGroupId, 'sg-0a1b2c3d4e5f60001');
    assert.equal(db.DBSubnetGroup!.Subnets![0].SubnetAvailabilityZone!.Name, 'us-east-1a');
    assert.equal(db.DBParameterGroups![0].DBParameterGroupName, 'default.mysql');
    assert.ok(db.InstanceCreateTime instanceof Date);
    const byArn = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: db.DBInstanceArn }));
    assert.equal(byArn.DBInstances![0].DBInstanceIdentifier, 'orders-mysql');
    await assert.rejects(rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'ghost' })),
      (e: any) => e instanceof DBInstanceNotFoundFault && e.$metadata.httpStatusCode === 404 && /ghost/.test(e.message));
    await assert.rejects(rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: '1-bad--id' })), { name: 'InvalidParameterValue' });
  });

  it('speaks the awsQuery wire format: <XResult>, <DBInstance> list items, ResponseMetadata', async () => {
    const res = await fetch(`${emu.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEMULATORDEMO0001/20240101/us-east-1/rds/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: 'Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=orders-mysql',
    });
    const xml = await res.text();
    assert.match(xml, /<DescribeDBInstancesResponse xmlns="http:\/\/rds.amazonaws.com\/doc\/2014-10-31\/"><DescribeDBInstancesResult><DBInstances><DBInstance>/);
    assert.match(xml, /<VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-0a1b2c3d4e5f60001<\/VpcSecurityGroupId>/);
    assert.match(xml, /<InstanceCreateTime>2024-03-01T08:00:00.000Z<\/InstanceCreateTime>/);
    assert.match(xml, /<\/DescribeDBInstancesResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/DescribeDBInstancesResponse>$/);
  });

  it('DescribeDBInstances: filters, MaxRecords 20–100 and Marker paging', async () => {
    const members = await rds.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['aurora-pg'] }] }));
    assert.deepEqual(members.DBInstances!.map((d) => d.DBInstanceIdentifier), ['aurora-pg-1', 'aurora-pg-2']);
    const byArn = await rds.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['arn:aws:rds:us-east-1:123456789012:cluster:aurora-pg'] }] }));
    assert.equal(byArn.DBInstances!.length, 2);
    const mysql = await rds.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'engine', Values: ['mysql', 'mariadb'] }] }));
    assert.deepEqual(mysql.DBInstances!.map((d) => d.DBInstanceIdentifier), ['orders-mysql']);
    await assert.rejects(rds.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'color', Values: ['x'] }] })), { name: 'InvalidParameterValue' });
    await assert.rejects(rds.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'engine', Values: [] }] })), { name: 'InvalidParameterValue' });

    const first = await rds.send(new DescribeDBInstancesCommand({ MaxRecords: 20 }));
    assert.equal(first.DBInstances!.length, 20);
    assert.ok(first.Marker);
    const sizes: number[] = [];
    for await (const p of paginateDescribeDBInstances({ client: rds, pageSize: 20 }, {})) sizes.push(p.DBInstances!.length);
    assert.deepEqual(sizes, [20, 7]);
    await assert.rejects(rds.send(new DescribeDBInstancesCommand({ MaxRecords: 19 })), { name: 'InvalidParameterValue' });
    await assert.rejects(rds.send(new DescribeDBInstancesCommand({ MaxRecords: 101 })), { name: 'InvalidParameterValue' });
    await assert.rejects(rds.send(new DescribeDBInstancesCommand({ Marker: 'nope' })), { name: 'InvalidParameterValue' });
  });

  it('DescribeDBClusters: list, identifier, ARN, filters, members; DBClusterNotFoundFault', async () => {
    const all = await rds.send(new DescribeDBClustersCommand({}));
    assert.deepEqual(all.DBClusters!.map((c) => c.DBClusterIdentifier), ['aurora-pg', 'multi-az']);
    const c = all.DBClusters![0];
    assert.equal(c.Endpoint, 'aurora-pg.cluster-abc123xyz.us-east-1.rds.amazonaws.com');
    assert.match(c.DbClusterResourceId!, /^cluster-[A-Z0-9]{26}$/);
    assert.deepEqual(c.DBClusterMembers!.map((m) => [m.DBInstanceIdentifier, m.IsClusterWriter]), [['aurora-pg-1', true], ['aurora-pg-2', false]]);
    assert.deepEqual(c.AvailabilityZones, ['us-east-1a', 'us-east-1b']);
    const byArn = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: c.DBClusterArn }));
    assert.equal(byArn.DBClusters![0].DBClusterIdentifier, 'aurora-pg');
    const aurora = await rds.send(new DescribeDBClustersCommand({ Filters: [{ Name: 'engine', Values: ['aurora-postgresql'] }] }));
    assert.equal(aurora.DBClusters!.length, 1);
    await assert.rejects(rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'ghost' })), DBClusterNotFoundFault);
    await assert.rejects(rds.send(new DescribeDBClustersCommand({ MaxRecords: 5 })), { name: 'InvalidParameterValue' });
  });

  it('ModifyDBInstance with ApplyImmediately: modifying → available, IAM auth on when done', async () => {
    const out = await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'pg-1', EnableIAMDatabaseAuthentication: true, ApplyImmediately: true }));
    assert.equal(out.DBInstance!.DBInstanceStatus, 'modifying');
    assert.equal(out.DBInstance!.IAMDatabaseAuthenticationEnabled, false);
    await assert.rejects(rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'pg-1', EnableIAMDatabaseAuthentication: false, ApplyImmediately: true })),
      InvalidDBInstanceStateFault);
    await advance(emu.world.timings.update);
    const db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'pg-1' }))).DBInstances![0];
    assert.equal(db.DBInstanceStatus, 'available');
    assert.equal(db.IAMDatabaseAuthenticationEnabled, true);
  });

  it('ModifyDBInstance BackupRetentionPeriod: 0 → n is modifying with the value pending, then in effect; n → m at once; window without ApplyImmediately; 0–35', async () => {
    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    r.dbInstances.get('orders-mysql')!.BackupRetentionPeriod = 0;
    const out = await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'orders-mysql', BackupRetentionPeriod: 7, ApplyImmediately: true }));
    assert.deepEqual([out.DBInstance!.DBInstanceStatus, out.DBInstance!.BackupRetentionPeriod, out.DBInstance!.PendingModifiedValues!.BackupRetentionPeriod], ['modifying', 0, 7]);
    await advance(emu.world.timings.update);
    let db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-mysql' }))).DBInstances![0];
    assert.deepEqual([db.DBInstanceStatus, db.BackupRetentionPeriod, db.PendingModifiedValues], ['available', 7, {}]);
    const again = await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'orders-mysql', BackupRetentionPeriod: 3 }));
    assert.deepEqual([again.DBInstance!.DBInstanceStatus, again.DBInstance!.BackupRetentionPeriod], ['available', 3]);
    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'orders-mysql', BackupRetentionPeriod: 0 }));
    db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-mysql' }))).DBInstances![0];
    assert.deepEqual([db.DBInstanceStatus, db.BackupRetentionPeriod, db.PendingModifiedValues!.BackupRetentionPeriod], ['available', 3, 0]);
    await advance(MAINTENANCE_WINDOW_MS);
    db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-mysql' }))).DBInstances![0];
    assert.equal(db.BackupRetentionPeriod, 0);
    await assert.rejects(rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'orders-mysql', BackupRetentionPeriod: 36 })), { name: 'InvalidParameterValue' });
  });

  it('ModifyDBInstance without ApplyImmediately: PendingModifiedValues until the maintenance window', async () => {
    const out = await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'orders-mysql', EnableIAMDatabaseAuthentication: true }));
    assert.equal(out.DBInstance!.DBInstanceStatus, 'available');
    assert.equal(out.DBInstance!.PendingModifiedValues!.IAMDatabaseAuthenticationEnabled, true);
    await advance(emu.world.timings.update);
    let db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-mysql' }))).DBInstances![0];
    assert.equal(db.IAMDatabaseAuthenticationEnabled, false);
    await advance(MAINTENANCE_WINDOW_MS);
    db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'orders-mysql' }))).DBInstances![0];
    assert.equal(db.IAMDatabaseAuthenticationEnabled, true);
    assert.deepEqual(db.PendingModifiedValues, {});
  });

  it('ModifyDBInstance with ApplyImmediately applies a pending change now; asking for the current value cancels it', async () => {
    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'pg-2', EnableIAMDatabaseAuthentication: true }));
    const now = await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'pg-2', ApplyImmediately: true }));
    assert.equal(now.DBInstance!.DBInstanceStatus, 'modifying');
    assert.deepEqual(now.DBInstance!.PendingModifiedValues, {});
    await advance(emu.world.timings.update);
    assert.equal((await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'pg-2' }))).DBInstances![0].IAMDatabaseAuthenticationEnabled, true);

    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'pg-3', EnableIAMDatabaseAuthentication: true }));
    const cancelled = await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'pg-3', EnableIAMDatabaseAuthentication: false }));
    assert.deepEqual(cancelled.DBInstance!.PendingModifiedValues, {});
    await advance(MAINTENANCE_WINDOW_MS);
    assert.equal((await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'pg-3' }))).DBInstances![0].IAMDatabaseAuthenticationEnabled, false);
  });

  it('ModifyDBInstance refuses Aurora members and engines without IAM auth; unknown instance is NotFound', async () => {
    await assert.rejects(rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'aurora-pg-1', EnableIAMDatabaseAuthentication: true, ApplyImmediately: true })),
      (e: any) => e.name === 'InvalidParameterCombination' && /DB Cluster/.test(e.message));
    await assert.rejects(rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'legacy-oracle', EnableIAMDatabaseAuthentication: true })),
      { name: 'InvalidParameterCombination' });
    await assert.rejects(rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'ghost', EnableIAMDatabaseAuthentication: true })), DBInstanceNotFoundFault);
    await assert.rejects(rds.send(new ModifyDBInstanceCommand({} as any)), { name: 'MissingParameter' });
  });

  it('ModifyDBCluster turns IAM auth on for the cluster and its members on the clock', async () => {
    const out = await rds.send(new ModifyDBClusterCommand({ DBClusterIdentifier: 'aurora-pg', EnableIAMDatabaseAuthentication: true, ApplyImmediately: true }));
    assert.equal(out.DBCluster!.Status, 'modifying');
    await assert.rejects(rds.send(new ModifyDBClusterCommand({ DBClusterIdentifier: 'aurora-pg', EnableIAMDatabaseAuthentication: false, ApplyImmediately: true })),
      { name: 'InvalidDBClusterStateFault' });
    await advance(emu.world.timings.update);
    const c = (await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'aurora-pg' }))).DBClusters![0];
    assert.equal(c.Status, 'available');
    assert.equal(c.IAMDatabaseAuthenticationEnabled, true);
    const members = await rds.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['aurora-pg'] }] }));
    assert.deepEqual(members.DBInstances!.map((d) => d.IAMDatabaseAuthenticationEnabled), [true, true]);

    const pending = await rds.send(new ModifyDBClusterCommand({ DBClusterIdentifier: 'multi-az', EnableIAMDatabaseAuthentication: true, ApplyImmediately: false }));
    assert.equal(pending.DBCluster!.PendingModifiedValues!.IAMDatabaseAuthenticationEnabled, true);
    assert.equal(pending.DBCluster!.IAMDatabaseAuthenticationEnabled, false);
    await assert.rejects(rds.send(new ModifyDBClusterCommand({ DBClusterIdentifier: 'ghost', EnableIAMDatabaseAuthentication: true })), DBClusterNotFoundFault);
  });
});

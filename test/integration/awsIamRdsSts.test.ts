// IAM, RDS and STS through the AWS layer: the IAM DB auth plan's calls (role with trust policy,
// inline rds-db:connect policy, tags; IAM auth on an instance and a cluster), databases as
// plain models with their resource ids, and the caller identity per profile.
import * as assert from 'node:assert/strict';
import type { RunningEmulator } from '../emulator/index';
import { DEMO_ACCOUNT, OTHER_ACCOUNT } from '../emulator/scenarios/accounts';
import { dbCluster, dbInstance } from '../emulator/services/query/fixtures';
import type { AwsLayer } from '../../src/aws/api';
import { advance, clearLog, control, emulatorSuite, rejection, requestCounts, US } from './awsEnv';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/CH-S3-demo' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
});
const CONNECT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['rds-db:connect'], Resource: ['arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABC/clickpipes_iam_user'] }],
});

describe('AWS layer against the emulator: IAM, RDS, STS', () => {
  const suite = emulatorSuite('empty');
  let emu: RunningEmulator;
  let layer: AwsLayer;
  beforeEach(() => {
    ({ emu, layer } = suite);
    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    r.dbInstances.set('orders-pg', dbInstance('orders-pg', 'postgres', { PubliclyAccessible: true }));
    r.dbInstances.set('aurora-1', dbInstance('aurora-1', 'aurora-postgresql', { DBClusterIdentifier: 'aurora' }));
    r.dbClusters.set('aurora', dbCluster('aurora', 'aurora-postgresql', ['aurora-1']));
  });

  it('names the account of each profile (GetCallerIdentity, in the profile\'s region)', async () => {
    await clearLog(emu.url);
    const demo = await layer.callerIdentity('clickpipes-demo');
    assert.equal(demo.account, DEMO_ACCOUNT);
    assert.match(demo.arn, /^arn:aws:iam::123456789012:/);
    assert.ok(demo.userId);
    assert.equal((await layer.callerIdentity('clickpipes-other')).account, OTHER_ACCOUNT);
    assert.equal((await layer.callerIdentity('clickpipes-demo-eu')).account, DEMO_ACCOUNT);
    const log = await control(emu.url, 'GET', 'log');
    assert.deepEqual(log.entries.map((e: any) => e.region), ['us-east-1', 'us-east-1', 'eu-central-1']);
    assert.deepEqual(await layer.call(US, 'sts', 'GetCallerIdentity', {}), { UserId: demo.userId, Account: DEMO_ACCOUNT, Arn: demo.arn });
  });

  it('creates the ClickPipes role with call() and reads it back decoded; getRole → undefined when missing', async () => {
    assert.equal(await layer.getRole('clickpipes-demo', 'clickpipes-rds'), undefined);
    const created = await layer.call(US, 'iam', 'CreateRole', {
      RoleName: 'clickpipes-rds', AssumeRolePolicyDocument: TRUST, Tags: [{ Key: 'created-by', Value: 'clickpipes-vscode' }],
    });
    const role = created.Role as Record<string, unknown>;
    assert.equal(role.Arn, 'arn:aws:iam::123456789012:role/clickpipes-rds');
    assert.equal(typeof role.CreateDate, 'string');
    await layer.call(US, 'iam', 'PutRolePolicy', { RoleName: 'clickpipes-rds', PolicyName: 'rds-connect', PolicyDocument: CONNECT });
    const inline = await layer.call(US, 'iam', 'GetRolePolicy', { RoleName: 'clickpipes-rds', PolicyName: 'rds-connect' });
    assert.deepEqual(JSON.parse(String(inline.PolicyDocument)), JSON.parse(CONNECT), 'IAM documents come back URL-decoded');
    await layer.call(US, 'iam', 'TagRole', { RoleName: 'clickpipes-rds', Tags: [{ Key: 'plan', Value: 'p-1' }] });
    const got = await layer.call(US, 'iam', 'GetRole', { RoleName: 'clickpipes-rds' });
    assert.deepEqual(JSON.parse(String((got.Role as Record<string, unknown>).AssumeRolePolicyDocument)), JSON.parse(TRUST));

    const model = await layer.getRole('clickpipes-demo', 'clickpipes-rds');
    assert.deepEqual({ ...model, trustPolicy: JSON.parse(model!.trustPolicy!) }, {
      name: 'clickpipes-rds', arn: 'arn:aws:iam::123456789012:role/clickpipes-rds', trustPolicy: JSON.parse(TRUST),
      tags: { 'created-by': 'clickpipes-vscode', plan: 'p-1' },
    });

    const dupe = await rejection(layer.call(US, 'iam', 'CreateRole', { RoleName: 'clickpipes-rds', AssumeRolePolicyDocument: TRUST }));
    assert.match(dupe.failure.name, /^EntityAlreadyExists/);
    await layer.call(US, 'iam', 'DeleteRolePolicy', { RoleName: 'clickpipes-rds', PolicyName: 'rds-connect' });
    await layer.call(US, 'iam', 'DeleteRole', { RoleName: 'clickpipes-rds' });
    assert.equal(await layer.getRole('clickpipes-demo', 'clickpipes-rds'), undefined);
    // IAM is global: signed for us-east-1 whatever region the scope names.
    const log = await control(emu.url, 'GET', 'log');
    assert.ok(log.entries.filter((e: any) => e.service === 'iam').every((e: any) => e.region === 'us-east-1'));
  });

  it('lists instances and clusters as Database models (resource ids db-… / cluster-…) in two parallel requests', async () => {
    await clearLog(emu.url);
    const dbs = await layer.listDatabases(US);
    assert.deepEqual(await requestCounts(emu.url), { 'rds:DescribeDBInstances': 1, 'rds:DescribeDBClusters': 1 });
    const pg = dbs.find((d) => d.id === 'orders-pg')!;
    assert.deepEqual(pg, {
      kind: 'instance', id: 'orders-pg', arn: 'arn:aws:rds:us-east-1:123456789012:db:orders-pg', resourceId: pg.resourceId,
      engine: 'postgres', engineVersion: '16.3', status: 'available', endpoint: 'orders-pg.abc123xyz.us-east-1.rds.amazonaws.com', port: 5432,
      publiclyAccessible: true, iamAuth: false, parameterGroups: ['default.postgres'],
    });
    assert.match(pg.resourceId, /^db-/);
    const cluster = dbs.find((d) => d.kind === 'cluster')!;
    assert.equal(cluster.id, 'aurora');
    assert.match(cluster.resourceId, /^cluster-/);
    assert.equal(cluster.endpoint, 'aurora.cluster-abc123xyz.us-east-1.rds.amazonaws.com');
    assert.equal(dbs.find((d) => d.id === 'aurora-1')!.clusterId, 'aurora');
  });

  it('turns on IAM DB auth with call() (instance and cluster) and the list shows it', async () => {
    await layer.call(US, 'rds', 'ModifyDBInstance', { DBInstanceIdentifier: 'orders-pg', EnableIAMDatabaseAuthentication: true, ApplyImmediately: true });
    await layer.call(US, 'rds', 'ModifyDBCluster', { DBClusterIdentifier: 'aurora', EnableIAMDatabaseAuthentication: true, ApplyImmediately: true });
    await advance(emu, 600_000);
    const one = await layer.call(US, 'rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'orders-pg' });
    assert.equal((one.DBInstances as Array<Record<string, unknown>>)[0].IAMDatabaseAuthenticationEnabled, true);
    const c = await layer.call(US, 'rds', 'DescribeDBClusters', { DBClusterIdentifier: 'aurora' });
    assert.equal((c.DBClusters as Array<Record<string, unknown>>)[0].IAMDatabaseAuthenticationEnabled, true);
    const dbs = await layer.listDatabases(US);
    assert.equal(dbs.find((d) => d.id === 'orders-pg')!.iamAuth, true);
    assert.equal(dbs.find((d) => d.id === 'aurora')!.iamAuth, true);
  });

  it('pages 230 instances at 100 per request', async () => {
    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    for (let i = 0; i < 228; i++) r.dbInstances.set(`db${i}`, dbInstance(`db${i}`, 'mysql'));
    await clearLog(emu.url);
    assert.equal((await layer.listDatabases(US)).filter((d) => d.kind === 'instance').length, 230);
    assert.deepEqual(await requestCounts(emu.url), { 'rds:DescribeDBInstances': 3, 'rds:DescribeDBClusters': 1 });
  });
});

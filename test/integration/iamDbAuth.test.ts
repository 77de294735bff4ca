// The IAM DB auth flow against the emulator through the real AWS layer: the form session reads
// the databases and the account, checks the role name with GetRole, the pure plan builder (src/model/builders) makes the plan,
// the executor applies it (IAM auth turned on by ModifyDB… on the emulator clock, then CreateRole
// with tags and PutRolePolicy). Applying a new plan again reuses the role; a role trusting
// someone else is reported and left untouched.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AwsLayer } from '../../src/aws/api';
import type { IamDbAuthForm } from '../../src/model/forms';
import type { Plan } from '../../src/model/plan';
import { trustPolicy } from '../../src/model/policies';
import type { ApplyOutcome } from '../../src/plans/executor';
import { FileJournalStore } from '../../src/plans/journal';
import { startIamDbAuthSession } from '../../src/webviews/forms/iamDbAuth';
import { applyOnEmulatorClock, callThrough, clearLog, control, emulatorSuite, formContext, requestCounts, US } from './awsEnv';

const CH_ROLE = 'arn:aws:iam::999999999999:role/CH-S3-orange-ab-12-Role';
const ACCOUNT = '123456789012';

describe('IAM DB auth against the emulator: form session → plan → apply through the real AWS layer', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(async () => {
    journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-iamdb-'));
    // ModifyDB… settles on the emulator clock (modifying → available), which the executor's sleep advances.
    await control(suite.emu.url, 'POST', 'timings', { create: 0, update: 20_000, delete: 0, shareActivate: 0 });
  });
  afterEach(() => rmSync(journalDir, { recursive: true, force: true }));


  async function plan(layer: AwsLayer, planId: string, over: Partial<IamDbAuthForm> & { databaseId: string; databaseKind: 'instance' | 'cluster' }): Promise<{ plan?: Plan; errors: Record<string, string> }> {
    const session = startIamDbAuthSession(formContext(layer, { type: 'database', resource: { kind: over.databaseKind, id: over.databaseId } }));
    const init = await session.loadInit();
    assert.equal(init.account, ACCOUNT);
    const values: IamDbAuthForm = {
      resourceId: '', engine: '', region: '', account: '',
      clickhouseRoleArn: CH_ROLE, dbUser: 'clickpipes_iam_user', roleName: init.preset.roleName ?? 'x', enableIamAuth: init.preset.enableIamAuth ?? true, ...over,
    };
    let errors = session.validate(values);
    if (!Object.keys(errors).length) errors = await session.checkRemote!(values);
    if (Object.keys(errors).length) return { errors };
    return { errors, plan: session.build(values, { planId, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: ACCOUNT }) };
  }

  const apply = (p: Plan, layer: AwsLayer): Promise<ApplyOutcome> =>
    applyOnEmulatorClock(suite.emu, p, callThrough(layer), new FileJournalStore(journalDir));

  it('RDS PostgreSQL with IAM auth off: ModifyDBInstance waits for IAM auth on, role with trust + tags, inline rds-db:connect', async () => {
    const layer = suite.layer;
    const before = (await layer.listDatabases(US)).find((d) => d.id === 'billing-postgres')!;
    assert.equal(before.iamAuth, false);
    const { plan: p, errors } = await plan(layer, 'iamdb-pg-1', { databaseKind: 'instance', databaseId: 'billing-postgres' });
    assert.deepEqual(errors, {});
    assert.deepEqual(p!.steps.map((s) => s.operation), ['ModifyDBInstance', 'CreateRole', 'PutRolePolicy']);
    await clearLog(suite.emu.url);
    const outcome = await apply(p!, layer);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    assert.deepEqual(outcome.results, [{ label: 'IAM role ARN', value: `arn:aws:iam::${ACCOUNT}:role/clickpipes-iam-billing-postgres` }]);
    const counts = await requestCounts(suite.emu.url);
    assert.equal(counts['rds:ModifyDBInstance'], 1);
    assert.ok(counts['rds:DescribeDBInstances'] >= 2, 'waited by polling while modifying');
    assert.equal(counts['iam:CreateRole'], 1);

    const after = (await layer.listDatabases(US)).find((d) => d.id === 'billing-postgres')!;
    assert.deepEqual([after.iamAuth, after.status], [true, 'available']);
    const role = (await layer.call(US, 'iam', 'GetRole', { RoleName: 'clickpipes-iam-billing-postgres' })).Role as Record<string, unknown>;
    assert.deepEqual(JSON.parse(role.AssumeRolePolicyDocument as string).Statement, [{ Effect: 'Allow', Principal: { AWS: CH_ROLE }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]);
    const tags = Object.fromEntries((role.Tags as { Key: string; Value: string }[]).map((t) => [t.Key, t.Value]));
    assert.equal(tags['clickpipes:database'], before.resourceId);
    assert.equal(tags['clickpipes:database-id'], 'billing-postgres');
    assert.equal(tags['managed-by'], 'clickpipes-privatelink-vscode');
    const inline = await layer.call(US, 'iam', 'GetRolePolicy', { RoleName: 'clickpipes-iam-billing-postgres', PolicyName: `clickpipes-rds-db-connect-${before.resourceId}` });
    assert.deepEqual(JSON.parse(inline.PolicyDocument as string).Statement, [
      { Effect: 'Allow', Action: ['rds-db:connect'], Resource: [`arn:aws:rds-db:us-east-1:${ACCOUNT}:dbuser:${before.resourceId}/clickpipes_iam_user`] },
    ]);
  });

  it('Aurora MySQL cluster: ModifyDBCluster; a second plan for the same role reuses it (no CreateRole)', async () => {
    const layer = suite.layer;
    const first = await plan(layer, 'iamdb-amy-1', { databaseKind: 'cluster', databaseId: 'catalog-aurora-mysql' });
    assert.equal(first.plan!.steps[0].operation, 'ModifyDBCluster');
    assert.equal((await apply(first.plan!, layer)).status, 'succeeded');
    const cluster = (await layer.listDatabases(US)).find((d) => d.kind === 'cluster' && d.id === 'catalog-aurora-mysql')!;
    assert.equal(cluster.iamAuth, true);

    // A new plan (another window, another day): IAM auth is on, the role exists with the same trust.
    const second = await plan(layer, 'iamdb-amy-2', { databaseKind: 'cluster', databaseId: 'catalog-aurora-mysql' });
    assert.deepEqual(second.errors, {});
    assert.deepEqual(second.plan!.steps.map((s) => s.operation), ['CreateRole', 'PutRolePolicy']);
    assert.match(second.plan!.warnings.join(' '), /already exists and trusts .*reused/);
    await clearLog(suite.emu.url);
    const again = await apply(second.plan!, layer);
    assert.equal(again.status, 'succeeded');
    assert.deepEqual(again.created.map((c) => c.stepId), ['policy'], 'the role step was skipped (reused), not created');
    const counts = await requestCounts(suite.emu.url);
    assert.equal(counts['iam:CreateRole'], undefined);
    assert.equal(counts['iam:GetRole'], 1);
    assert.equal(again.results[0].value, `arn:aws:iam::${ACCOUNT}:role/clickpipes-iam-catalog-aurora-mysql`);

    // The same role for a second database (same ClickHouse service): a second inline policy, the first kept.
    const third = await plan(layer, 'iamdb-amy-3', { databaseKind: 'instance', databaseId: 'inventory-mysql', roleName: 'clickpipes-iam-catalog-aurora-mysql' });
    assert.deepEqual(third.errors, {});
    assert.equal((await apply(third.plan!, layer)).status, 'succeeded');
    const inventory = (await layer.listDatabases(US)).find((d) => d.id === 'inventory-mysql')!;
    const names = (await layer.call(US, 'iam', 'ListRolePolicies', { RoleName: 'clickpipes-iam-catalog-aurora-mysql' }).catch(() => undefined))?.PolicyNames as string[] | undefined;
    for (const rid of [cluster.resourceId, inventory.resourceId]) {
      const p = await layer.call(US, 'iam', 'GetRolePolicy', { RoleName: 'clickpipes-iam-catalog-aurora-mysql', PolicyName: `clickpipes-rds-db-connect-${rid}` });
      assert.match(p.PolicyDocument as string, new RegExp(`dbuser:${rid}/clickpipes_iam_user`));
    }
    if (names) assert.equal(names.length, 2);
  });

  it('a role with a different trust: refused at the form, and reported (not overwritten) if it appears before apply', async () => {
    const layer = suite.layer;
    const other = trustPolicy('arn:aws:iam::111111111111:role/SomeoneElse');
    await layer.call(US, 'iam', 'CreateRole', { RoleName: 'taken-role', AssumeRolePolicyDocument: other });
    const refused = await plan(layer, 'iamdb-x-1', { databaseKind: 'instance', databaseId: 'inventory-mysql', roleName: 'taken-role' });
    assert.equal(refused.plan, undefined);
    assert.match(refused.errors.roleName, /taken-role already exists with a different trust policy \(it trusts arn:aws:iam::111111111111:role\/SomeoneElse\)/);

    // Planned while the name was free; someone takes it before apply.
    const p = (await plan(layer, 'iamdb-x-2', { databaseKind: 'instance', databaseId: 'inventory-mysql', roleName: 'late-role' })).plan!;
    await layer.call(US, 'iam', 'CreateRole', { RoleName: 'late-role', AssumeRolePolicyDocument: other });
    await clearLog(suite.emu.url);
    const outcome = await apply(p, layer);
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.failure?.stepId, 'role');
    assert.equal(outcome.failure?.error.code, 'ExistingResourceConflict');
    assert.match(outcome.failure?.error.text ?? '', /late-role already exists with a different trust policy.*It was not changed/);
    const counts = await requestCounts(suite.emu.url);
    assert.equal(counts['iam:PutRolePolicy'], undefined, 'no permission added to a role that trusts someone else');
    assert.equal(counts['iam:CreateRole'], undefined);
    const role = (await layer.call(US, 'iam', 'GetRole', { RoleName: 'late-role' })).Role as Record<string, unknown>;
    assert.deepEqual(JSON.parse(role.AssumeRolePolicyDocument as string), JSON.parse(other));
  });

  it('bad input: field errors and no AWS call beyond the initial reads', async () => {
    const layer = suite.layer;
    const session = startIamDbAuthSession(formContext(layer));
    await session.loadInit();
    await clearLog(suite.emu.url);
    const errors = session.validate({
      databaseKind: 'instance', databaseId: 'billing-postgres', resourceId: '', engine: '', region: '', account: '',
      clickhouseRoleArn: 'arn:aws:iam::999:role/x', dbUser: 'Bad-User', roleName: 'bad name', enableIamAuth: true,
    });
    assert.deepEqual(Object.keys(errors).sort(), ['clickhouseRoleArn', 'dbUser', 'roleName']);
    assert.equal((await session.checkRoleName('bad name', CH_ROLE)).state, 'unknown');
    assert.deepEqual(await requestCounts(suite.emu.url), {});
  });
});

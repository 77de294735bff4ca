import * as assert from 'node:assert/strict';
import type { IamDbAuthForm } from '../../../src/model/forms';
import type { Database, Role } from '../../../src/model/resources';
import { trustPolicy } from '../../../src/model/policies';
import {
  checkIamDbAuth, iamDbOptions, iamDbPreset, roleNameState, startIamDbAuthSession, suggestRoleName,
} from '../../../src/webviews/forms/iamDbAuth';
import { isIamDbAuthForm, SubmitIamDbAuthCommand, CheckRoleNameRequest } from '../../../src/webviews/iamDbAuthProtocol';
import { parseInbound } from '../../../src/webviews/protocol';
import { validateRoleName } from '../../../src/model/validation';

const CH_ROLE = 'arn:aws:iam::999999999999:role/CH-S3-orange-ab-12-Role';
const scope = { profile: 'dev', region: 'us-east-1' };
const ACCOUNT = '123456789012';

const db = (over: Partial<Database>): Database => ({
  kind: 'instance', id: 'pg1', arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:pg1`, resourceId: 'db-ABCDEFGHIJKLMNOP', engine: 'postgres', engineVersion: '16.3',
  status: 'available', publiclyAccessible: false, iamAuth: false, ...over,
} as Database);

const databases: Database[] = [
  db({}),
  db({ id: 'my1', resourceId: 'db-MYSQL0000000001', engine: 'mysql', iamAuth: true }),
  db({ id: 'maria1', resourceId: 'db-MARIA000000001', engine: 'mariadb', status: 'modifying' }),
  db({ kind: 'cluster', id: 'aurora-pg', arn: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:aurora-pg`, resourceId: 'cluster-AURORAPG000001', engine: 'aurora-postgresql' }),
  db({ id: 'aurora-pg-1', resourceId: 'db-MEMBER0000000001', engine: 'aurora-postgresql', clusterId: 'aurora-pg' }),
  db({ id: 'ora1', resourceId: 'db-ORACLE000000001', engine: 'oracle-ee' as Database['engine'] }),
];
const options = iamDbOptions(databases);

const good: IamDbAuthForm = {
  databaseKind: 'instance', databaseId: 'pg1', resourceId: '', engine: '', region: '', account: '',
  clickhouseRoleArn: CH_ROLE, dbUser: 'clickpipes_iam_user', roleName: 'clickpipes-iam-pg1', enableIamAuth: true,
};
const check = (over: Partial<IamDbAuthForm>, account: string | null = ACCOUNT) => checkIamDbAuth({ ...good, ...over }, scope, account ?? undefined, options);

describe('iamDbAuth form: host side', () => {
  it('fills resource id, engine, region and account from AWS, ignoring what the page sent', () => {
    const { values, errors } = check({ resourceId: 'db-FORGED', engine: 'mysql', region: 'eu-west-1', account: '000000000000' });
    assert.deepEqual(errors, {});
    assert.deepEqual([values.resourceId, values.engine, values.region, values.account], ['db-ABCDEFGHIJKLMNOP', 'postgres', 'us-east-1', ACCOUNT]);
    const cluster = check({ databaseKind: 'cluster', databaseId: 'aurora-pg' });
    assert.deepEqual(cluster.errors, {});
    assert.equal(cluster.values.resourceId, 'cluster-AURORAPG000001');
  });

  // ≥ 30 bad inputs: each names its field and says what is wrong.
  const bad: [string, Partial<IamDbAuthForm>, string, RegExp, string?][] = [
    ['no database', { databaseId: '' }, 'databaseId', /choose an RDS instance or an Aurora cluster/],
    ['unknown database', { databaseId: 'nope' }, 'databaseId', /instance nope is not in us-east-1 for profile dev/],
    ['instance id given as a cluster', { databaseKind: 'cluster', databaseId: 'pg1' }, 'databaseId', /cluster pg1 is not in us-east-1/],
    ['Aurora member instance (not offered)', { databaseId: 'aurora-pg-1' }, 'databaseId', /aurora-pg-1 is not in/],
    ['unsupported engine', { databaseId: 'ora1' }, 'databaseId', /oracle-ee is not supported by ClickPipes IAM authentication/],
    ['enable IAM on a modifying database', { databaseId: 'maria1' }, 'databaseId', /maria1 is modifying; RDS only changes IAM authentication on an available database/],
    ['empty ClickHouse role ARN', { clickhouseRoleArn: '' }, 'clickhouseRoleArn', /ClickHouse service role ARN is required/],
    ['blank ClickHouse role ARN', { clickhouseRoleArn: '   ' }, 'clickhouseRoleArn', /is required/],
    ['a user ARN, not a role', { clickhouseRoleArn: 'arn:aws:iam::999999999999:user/ch' }, 'clickhouseRoleArn', /must look like arn:aws:iam::<12-digit account>:role\/<name>/],
    ['an account root ARN', { clickhouseRoleArn: 'arn:aws:iam::999999999999:root' }, 'clickhouseRoleArn', /must look like arn:aws:iam/],
    ['11-digit account', { clickhouseRoleArn: 'arn:aws:iam::99999999999:role/CH' }, 'clickhouseRoleArn', /12-digit account/],
    ['a region in an IAM ARN', { clickhouseRoleArn: 'arn:aws:iam:us-east-1:999999999999:role/CH' }, 'clickhouseRoleArn', /must look like/],
    ['role ARN without a name', { clickhouseRoleArn: 'arn:aws:iam::999999999999:role/' }, 'clickhouseRoleArn', /role name must be 1 to 64/],
    ['role name with a space', { clickhouseRoleArn: 'arn:aws:iam::999999999999:role/CH Role' }, 'clickhouseRoleArn', /role name must be 1 to 64 letters/],
    ['just a role name', { clickhouseRoleArn: 'CH-S3-Role' }, 'clickhouseRoleArn', /must look like/],
    ['an S3 bucket ARN', { clickhouseRoleArn: 'arn:aws:s3:::bucket' }, 'clickhouseRoleArn', /must look like/],
    ['empty DB user', { dbUser: '' }, 'dbUser', /Database user name is required/],
    ['Postgres user with uppercase', { dbUser: 'ClickPipes' }, 'dbUser', /PostgreSQL folds unquoted names to lowercase/],
    ['Postgres user starting with a digit', { dbUser: '1user' }, 'dbUser', /must start with a lowercase letter or underscore/],
    ['Postgres user with a hyphen', { dbUser: 'click-pipes' }, 'dbUser', /only lowercase letters, digits, _ and \$/],
    ['Postgres user pg_ prefix', { dbUser: 'pg_reader' }, 'dbUser', /must not start with "pg_"/],
    ['Postgres reserved user', { dbUser: 'rdsadmin' }, 'dbUser', /reserved on RDS PostgreSQL/],
    ['Postgres role rds_iam as user', { dbUser: 'rds_iam' }, 'dbUser', /reserved/],
    ['Postgres user longer than 63', { dbUser: 'u'.repeat(64) }, 'dbUser', /at most 63 characters/],
    ['SQL injection in the user', { dbUser: "x'; DROP TABLE t; --" }, 'dbUser', /only lowercase letters/],
    ['MySQL user longer than 32', { databaseId: 'my1', dbUser: 'u'.repeat(33) }, 'dbUser', /at most 32 characters for MySQL/],
    ['MySQL user with a quote', { databaseId: 'my1', dbUser: "o'brien" }, 'dbUser', /may contain only letters, digits, _ and \$/],
    ['MySQL reserved root', { databaseId: 'my1', dbUser: 'root' }, 'dbUser', /reserved on RDS MySQL/],
    ['MySQL reserved rdsadmin (any case)', { databaseId: 'my1', dbUser: 'RdsAdmin' }, 'dbUser', /reserved/],
    ['empty role name', { roleName: '' }, 'roleName', /IAM role name is required/],
    ['role name with a slash', { roleName: 'team/clickpipes' }, 'roleName', /only letters, digits and \+=,\.@_- characters/],
    ['role name with a space', { roleName: 'click pipes' }, 'roleName', /only letters, digits/],
    ['role name longer than 64', { roleName: 'r'.repeat(65) }, 'roleName', /at most 64 characters \(got 65\)/],
    ['role name with a colon', { roleName: 'cp:role' }, 'roleName', /only letters, digits/],
    ['role name with unicode', { roleName: 'rôle' }, 'roleName', /only letters, digits/],
    ['account unknown (STS failed)', {}, 'account', /could not read the account of profile dev/, 'no-account'],
  ];

  for (const [what, over, field, message, flag] of bad) {
    it(`bad input: ${what} → error at ${field}`, () => {
      const { errors } = check(over, flag === 'no-account' ? null : ACCOUNT);
      assert.ok(errors[field], `expected an error at ${field}, got ${JSON.stringify(errors)}`);
      assert.match(errors[field], message);
    });
  }

  it('has at least 30 bad inputs', () => assert.ok(bad.length >= 30));

  it('leaving IAM auth off on a modifying database is not an error (no Modify call)', () => {
    assert.deepEqual(check({ databaseId: 'maria1', enableIamAuth: false }).errors, {});
  });

  it('offers clusters and standalone instances; unsupported engines disabled', () => {
    assert.deepEqual(options.map((o) => o.key).sort(), ['cluster:aurora-pg', 'instance:maria1', 'instance:my1', 'instance:ora1', 'instance:pg1']);
    assert.match(options.find((o) => o.id === 'ora1')!.disabledReason ?? '', /not supported/);
    assert.equal(options.find((o) => o.id === 'pg1')!.disabledReason, undefined);
  });

  it('presets from a database node; a member instance maps to its cluster', () => {
    const p = iamDbPreset({ type: 'database', resource: { kind: 'instance', id: 'pg1' } }, options);
    assert.deepEqual(p.preset, { databaseKind: 'instance', databaseId: 'pg1', roleName: 'clickpipes-iam-pg1', enableIamAuth: true });
    const m = iamDbPreset({ type: 'database', resource: { kind: 'instance', id: 'aurora-pg-1', clusterId: 'aurora-pg' } }, options);
    assert.equal(m.preset.databaseId, 'aurora-pg');
    assert.match(m.note ?? '', /member of Aurora cluster aurora-pg/);
    assert.equal(iamDbPreset({ type: 'database', resource: { kind: 'instance', id: 'my1' } }, options).preset.enableIamAuth, false);
    assert.match(iamDbPreset({ type: 'database', resource: { kind: 'instance', id: 'ora1' } }, options).note ?? '', /not supported/);
    assert.deepEqual(iamDbPreset({ type: 'region' }, options), { preset: {} });
  });

  it('suggested role names are valid IAM names', () => {
    for (const id of ['pg1', 'a'.repeat(63), 'orders-aurora-pg']) assert.equal(validateRoleName(suggestRoleName(id)), undefined, id);
  });

  it('role name state: free, reused with the same trust, refused with a different one', () => {
    const role = (trust: string): Role => ({ name: 'r', arn: `arn:aws:iam::${ACCOUNT}:role/r`, trustPolicy: trust, tags: {} });
    assert.equal(roleNameState('r', CH_ROLE, undefined).state, 'free');
    assert.equal(roleNameState('r', CH_ROLE, role(JSON.stringify(JSON.parse(trustPolicy(CH_ROLE))))).state, 'reuse');
    const other = roleNameState('r', CH_ROLE, role(trustPolicy('arn:aws:iam::111111111111:role/Other')));
    assert.equal(other.state, 'conflict');
    assert.match(other.message ?? '', /already exists with a different trust policy \(it trusts arn:aws:iam::111111111111:role\/Other\)\. It was not changed/);
  });
});

describe('iamDbAuth form: session (fake AWS)', () => {
  const fakeAws = (roles: Record<string, Role>) => {
    const calls: string[] = [];
    const aws = {
      listDatabases: async () => { calls.push('listDatabases'); return databases; },
      callerIdentity: async () => { calls.push('callerIdentity'); return { account: ACCOUNT, arn: 'arn:aws:iam::123456789012:user/me', userId: 'X' }; },
      getRole: async (_p: string, name: string) => { calls.push(`getRole:${name}`); return roles[name]; },
    };
    return { calls, deps: { aws: () => aws as never, log: { info() {}, warn() {}, error() {} } } };
  };
  const ctxOf = (deps: ReturnType<typeof fakeAws>['deps'], node?: unknown) =>
    ({ deps, extensionUri: undefined as never, scope, node: node as never, review: async () => undefined as never });

  it('bad input makes no AWS call; a taken name with another trust is an error at the field', async () => {
    const existing: Role = { name: 'taken', arn: 'arn:aws:iam::123456789012:role/taken', trustPolicy: trustPolicy('arn:aws:iam::111111111111:role/X'), tags: {} };
    const f = fakeAws({ taken: existing });
    const session = startIamDbAuthSession(ctxOf(f.deps, { type: 'database', resource: { kind: 'instance', id: 'pg1' } }));
    const init = await session.loadInit();
    assert.equal(init.account, ACCOUNT);
    assert.equal(init.preset.databaseId, 'pg1');
    assert.equal(init.preset.dbUser, 'clickpipes_iam_user');
    assert.match(init.roleArnHelp, /Settings → Network security information → Service role ID \(IAM\)/);
    f.calls.length = 0;
    assert.equal((await session.checkRoleName('bad name', CH_ROLE)).state, 'unknown');
    assert.equal((await session.checkRoleName('ok', 'not-an-arn')).state, 'unknown');
    assert.deepEqual(f.calls, [], 'no GetRole for bad input');
    assert.deepEqual(await session.checkRemote!({ ...good, roleName: 'taken' }), { roleName: (await session.checkRoleName('taken', CH_ROLE)).message });
    assert.deepEqual(await session.checkRemote!(good), {});
    assert.deepEqual(f.calls, ['getRole:taken', 'getRole:taken', 'getRole:clickpipes-iam-pg1']);
  });

  it('builds the plan from AWS facts; a reused role is said in the warnings', async () => {
    const same: Role = { name: 'reuse-me', arn: 'arn:aws:iam::123456789012:role/reuse-me', trustPolicy: trustPolicy(CH_ROLE), tags: {} };
    const f = fakeAws({ 'reuse-me': same });
    const session = startIamDbAuthSession(ctxOf(f.deps));
    await session.loadInit();
    const values = { ...good, roleName: 'reuse-me', databaseKind: 'cluster' as const, databaseId: 'aurora-pg' };
    assert.deepEqual(session.validate(values), {});
    assert.deepEqual(await session.checkRemote!(values), {});
    const plan = session.build(values, { planId: 'iamdb-1', createdAt: '2026-01-01T00:00:00Z', profile: 'dev', region: 'us-east-1', accountId: ACCOUNT });
    assert.deepEqual(plan.steps.map((s) => s.operation), ['ModifyDBCluster', 'CreateRole', 'PutRolePolicy']);
    assert.match(plan.warnings[0], /reuse-me already exists and trusts .*CreateRole is skipped/);
    const tags = plan.steps[1].input.Tags as { Key: string; Value: string }[];
    assert.deepEqual(tags.find((t) => t.Key === 'clickpipes:database'), { Key: 'clickpipes:database', Value: 'cluster-AURORAPG000001' });
    assert.deepEqual(tags.find((t) => t.Key === 'clickpipes:database-id'), { Key: 'clickpipes:database-id', Value: 'aurora-pg' });
  });
});

describe('iamDbAuth protocol guards', () => {
  const accepted = [SubmitIamDbAuthCommand, CheckRoleNameRequest];
  it('accepts the form shape and rejects extra keys, wrong types and oversized text', () => {
    assert.ok(isIamDbAuthForm(good));
    assert.ok(parseInbound({ method: 'iamDbAuth/submit', params: { values: good } }, accepted).ok);
    assert.ok(parseInbound({ id: 'r1', method: 'iamDbAuth/checkRoleName', params: { roleName: 'x', clickhouseRoleArn: CH_ROLE } }, accepted).ok);
    for (const values of [
      { ...good, extra: 1 }, { ...good, enableIamAuth: 'yes' }, { ...good, databaseKind: 'proxy' }, { ...good, roleName: 'r'.repeat(200) },
      { ...good, dbUser: 5 }, { ...good, clickhouseRoleArn: undefined },
    ]) assert.equal(parseInbound({ method: 'iamDbAuth/submit', params: { values } }, accepted).ok, false, JSON.stringify(values).slice(0, 80));
    assert.equal(parseInbound({ method: 'iamDbAuth/checkRoleName', params: { roleName: 'x', clickhouseRoleArn: CH_ROLE } }, accepted).ok, false, 'request without id');
  });
});

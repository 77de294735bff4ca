import * as assert from 'node:assert/strict';
import {
  IAMClient, CreateRoleCommand, GetRoleCommand, PutRolePolicyCommand, GetRolePolicyCommand, DeleteRolePolicyCommand,
  ListRolePoliciesCommand, CreatePolicyCommand, AttachRolePolicyCommand, DetachRolePolicyCommand, ListAttachedRolePoliciesCommand,
  TagRoleCommand, ListRoleTagsCommand, UpdateAssumeRolePolicyCommand, DeleteRoleCommand,
  NoSuchEntityException, EntityAlreadyExistsException, MalformedPolicyDocumentException, DeleteConflictException,
  LimitExceededException, InvalidInputException,
} from '@aws-sdk/client-iam';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control } from './testHelpers';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::072088201116:role/CH-S3-steel-rd-78-ue1-44-Role' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
});
const CONNECT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['rds-db:connect'], Resource: ['arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABCDEFGHIJKL/clickpipes_iam_user'] }],
});

describe('emulator IAM (awsQuery, global)', () => {
  let emu: RunningEmulator;
  let iam: IAMClient;
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); });
  after(async () => { await emu.stop(); });
  beforeEach(async () => {
    await control(emu.url, 'POST', 'reset', { scenario: 'empty' });
    // LimitExceeded is a throttling code to the SDK's retry strategy; one attempt keeps the test fast.
    iam = new IAMClient({ ...sdkConfig(emu.url, 'us-east-1'), maxAttempts: 1 });
  });
  const createRole = (input: Record<string, any> = {}) =>
    iam.send(new CreateRoleCommand({ RoleName: 'clickpipes-rds', AssumeRolePolicyDocument: TRUST, ...input }));

  it('CreateRole returns the role with a real id and ARN; GetRole URL-encodes the trust policy (RFC 3986)', async () => {
    const created = await createRole({ Path: '/clickpipes/', Description: 'ClickPipes IAM DB auth', MaxSessionDuration: 7200, Tags: [{ Key: 'owner', Value: 'data' }] });
    const role = created.Role!;
    assert.match(role.RoleId!, /^AROA[A-Z2-7]{17}$/);
    assert.equal(role.Arn, 'arn:aws:iam::123456789012:role/clickpipes/clickpipes-rds');
    assert.equal(role.Path, '/clickpipes/');
    assert.ok(role.CreateDate instanceof Date);
    const got = (await iam.send(new GetRoleCommand({ RoleName: 'clickpipes-rds' }))).Role!;
    assert.equal(got.RoleId, role.RoleId);
    assert.equal(got.Description, 'ClickPipes IAM DB auth');
    assert.equal(got.MaxSessionDuration, 7200);
    assert.deepEqual(got.Tags, [{ Key: 'owner', Value: 'data' }]);
    assert.ok(got.AssumeRolePolicyDocument!.startsWith('%7B%22Version%22%3A%222012-10-17%22'));
    assert.deepEqual(JSON.parse(decodeURIComponent(got.AssumeRolePolicyDocument!)), JSON.parse(TRUST));
    // Any signing region reaches the same global IAM.
    const fromEu = new IAMClient(sdkConfig(emu.url, 'eu-central-1'));
    assert.equal((await fromEu.send(new GetRoleCommand({ RoleName: 'CLICKPIPES-RDS' }))).Role!.RoleName, 'clickpipes-rds');
  });

  it('GetRole serves roles a scenario stored directly, even with the trust policy as an object', async () => {
    emu.world.account('123456789012').iam.roles.set('seeded', {
      Path: '/', RoleName: 'seeded', RoleId: 'AROAEXAMPLEEXAMPLE123', Arn: 'arn:aws:iam::123456789012:role/seeded',
      CreateDate: '2024-01-01T00:00:00Z', AssumeRolePolicyDocument: JSON.parse(TRUST), MaxSessionDuration: 3600,
    });
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'seeded' }))).Role!;
    assert.deepEqual(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)), JSON.parse(TRUST));
    assert.equal(role.CreateDate!.toISOString(), '2024-01-01T00:00:00.000Z');
  });

  it('CreateRole validates name, path, duration, tags and the trust policy; duplicates fail', async () => {
    await assert.rejects(createRole({ RoleName: 'bad name' }), { name: 'ValidationError' });
    await assert.rejects(createRole({ RoleName: 'x'.repeat(65) }), { name: 'ValidationError' });
    await assert.rejects(createRole({ Path: 'no-slashes' }), { name: 'ValidationError' });
    await assert.rejects(createRole({ MaxSessionDuration: 60 }), { name: 'ValidationError', message: /at 'maxSessionDuration' failed to satisfy constraint/ });
    await assert.rejects(createRole({ Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] }), InvalidInputException);
    await assert.rejects(createRole({ AssumeRolePolicyDocument: '{not json' }), MalformedPolicyDocumentException);
    await assert.rejects(createRole({ AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }) }),
      (e: any) => e instanceof MalformedPolicyDocumentException && /Principal/.test(e.message));
    await assert.rejects(createRole({ AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'clickhouse' }, Action: 'sts:AssumeRole' }] }) }),
      MalformedPolicyDocumentException);
    await assert.rejects(createRole({ AssumeRolePolicyDocument: JSON.stringify({ Version: '2099-01-01', Statement: [] }) }), MalformedPolicyDocumentException);
    await assert.rejects(iam.send(new CreateRoleCommand({ RoleName: 'r' } as any)), { name: 'ValidationError' });
    await createRole();
    await assert.rejects(createRole({ RoleName: 'ClickPipes-RDS' }), (e: any) => e instanceof EntityAlreadyExistsException && e.$metadata.httpStatusCode === 409);
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'nobody' })), (e: any) => e instanceof NoSuchEntityException && e.$metadata.httpStatusCode === 404);
  });

  it('inline policies: put (overwrite), get (URL-encoded), list with paging, delete', async () => {
    await createRole();
    await iam.send(new PutRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'rds-connect', PolicyDocument: CONNECT }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'rds-connect', PolicyDocument: CONNECT }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'another', PolicyDocument: CONNECT }));
    const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'rds-connect' }));
    assert.equal(got.RoleName, 'clickpipes-rds');
    assert.equal(got.PolicyName, 'rds-connect');
    assert.ok(got.PolicyDocument!.includes('%3A'));
    assert.deepEqual(JSON.parse(decodeURIComponent(got.PolicyDocument!)), JSON.parse(CONNECT));
    const page1 = await iam.send(new ListRolePoliciesCommand({ RoleName: 'clickpipes-rds', MaxItems: 1 }));
    assert.deepEqual(page1.PolicyNames, ['another']);
    assert.equal(page1.IsTruncated, true);
    // IAM is global: the marker works whatever region signs the next call.
    const iamEu = new IAMClient({ ...sdkConfig(emu.url, 'eu-west-1'), maxAttempts: 1 });
    const page2 = await iamEu.send(new ListRolePoliciesCommand({ RoleName: 'clickpipes-rds', MaxItems: 1, Marker: page1.Marker }));
    assert.deepEqual(page2.PolicyNames, ['rds-connect']);
    assert.equal(page2.IsTruncated, false);

    await assert.rejects(iam.send(new PutRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'p', PolicyDocument: TRUST })),
      (e: any) => e instanceof MalformedPolicyDocumentException && /principal/.test(e.message));
    await assert.rejects(iam.send(new PutRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'p',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'rds-db:connect' } }) })), MalformedPolicyDocumentException);
    const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 400 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) }] });
    await assert.rejects(iam.send(new PutRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'big', PolicyDocument: big })), LimitExceededException);
    await assert.rejects(iam.send(new PutRolePolicyCommand({ RoleName: 'ghost', PolicyName: 'p', PolicyDocument: CONNECT })), NoSuchEntityException);

    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'another' }));
    await assert.rejects(iam.send(new GetRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'another' })), NoSuchEntityException);
    await assert.rejects(iam.send(new DeleteRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'another' })), NoSuchEntityException);
  });

  it('managed policies: create, attach (idempotent, AWS managed too), list, detach', async () => {
    await createRole();
    const policy = (await iam.send(new CreatePolicyCommand({ PolicyName: 'clickpipes-connect', PolicyDocument: CONNECT, Path: '/cp/', Description: 'x' }))).Policy!;
    assert.equal(policy.Arn, 'arn:aws:iam::123456789012:policy/cp/clickpipes-connect');
    assert.match(policy.PolicyId!, /^ANPA[A-Z2-7]{17}$/);
    assert.equal(policy.DefaultVersionId, 'v1');
    assert.equal(policy.AttachmentCount, 0);
    await assert.rejects(iam.send(new CreatePolicyCommand({ PolicyName: 'clickpipes-connect', PolicyDocument: CONNECT, Path: '/cp/' })), EntityAlreadyExistsException);
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: policy.Arn! }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: policy.Arn! }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const listed = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'clickpipes-rds' }));
    assert.deepEqual(listed.AttachedPolicies, [
      { PolicyName: 'clickpipes-connect', PolicyArn: policy.Arn },
      { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]);
    assert.equal(listed.IsTruncated, false);
    const filtered = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'clickpipes-rds', PathPrefix: '/cp/' }));
    assert.equal(filtered.AttachedPolicies!.length, 1);
    await assert.rejects(iam.send(new AttachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: 'arn:aws:iam::123456789012:policy/nope' })), NoSuchEntityException);
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    assert.equal((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'clickpipes-rds' }))).AttachedPolicies!.length, 1);
    await assert.rejects(iam.send(new DetachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })), NoSuchEntityException);
    for (let i = 0; i < 9; i++) await iam.send(new AttachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: `arn:aws:iam::aws:policy/Managed${i}` }));
    await assert.rejects(iam.send(new AttachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: 'arn:aws:iam::aws:policy/OneTooMany' })), LimitExceededException);
    await assert.rejects(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'clickpipes-rds', MaxItems: 0 })), { name: 'ValidationError' });
  });

  it('CreateRole with a permissions boundary that must exist', async () => {
    await createRole({ PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'clickpipes-rds' }))).Role!;
    assert.deepEqual(role.PermissionsBoundary, { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    await assert.rejects(createRole({ RoleName: 'other', PermissionsBoundary: 'arn:aws:iam::123456789012:policy/missing' }), NoSuchEntityException);
  });

  it('tags: TagRole merges (case-insensitive keys), ListRoleTags pages, aws: keys are refused', async () => {
    await createRole({ Tags: [{ Key: 'owner', Value: 'data' }] });
    await iam.send(new TagRoleCommand({ RoleName: 'clickpipes-rds', Tags: [{ Key: 'Owner', Value: 'platform' }, { Key: 'env', Value: 'prod' }] }));
    const tags = await iam.send(new ListRoleTagsCommand({ RoleName: 'clickpipes-rds' }));
    assert.deepEqual(tags.Tags, [{ Key: 'owner', Value: 'platform' }, { Key: 'env', Value: 'prod' }]);
    const page = await iam.send(new ListRoleTagsCommand({ RoleName: 'clickpipes-rds', MaxItems: 1 }));
    assert.equal(page.IsTruncated, true);
    assert.ok(page.Marker);
    await assert.rejects(iam.send(new TagRoleCommand({ RoleName: 'clickpipes-rds', Tags: [{ Key: 'aws:x', Value: '1' }] })), InvalidInputException);
    const many = Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await assert.rejects(iam.send(new TagRoleCommand({ RoleName: 'clickpipes-rds', Tags: many })), LimitExceededException);
    await assert.rejects(iam.send(new ListRoleTagsCommand({ RoleName: 'ghost' })), NoSuchEntityException);
  });

  it('UpdateAssumeRolePolicy replaces the trust policy after validating it', async () => {
    await createRole();
    const next = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::072088201116:root' }, Action: 'sts:AssumeRole' }] });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyDocument: next }));
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'clickpipes-rds' }))).Role!;
    assert.deepEqual(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)), JSON.parse(next));
    await assert.rejects(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyDocument: CONNECT })), MalformedPolicyDocumentException);
  });

  it('DeleteRole conflicts while inline or attached policies remain', async () => {
    await createRole();
    await iam.send(new PutRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'rds-connect', PolicyDocument: CONNECT }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: 'clickpipes-rds' })), (e: any) => e instanceof DeleteConflictException && /delete policies/.test(e.message));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyName: 'rds-connect' }));
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: 'clickpipes-rds' })), (e: any) => e instanceof DeleteConflictException && /detach/.test(e.message));
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'clickpipes-rds', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'clickpipes-rds' }));
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'clickpipes-rds' })), NoSuchEntityException);
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: 'clickpipes-rds' })), NoSuchEntityException);
  });
});

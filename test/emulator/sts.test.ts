import * as assert from 'node:assert/strict';
import { STSClient, GetCallerIdentityCommand, AssumeRoleCommand, type AssumeRoleCommandInput } from '@aws-sdk/client-sts';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control } from './testHelpers';
import { DEMO_ACCOUNT, OTHER_ACCESS_KEY_ID, OTHER_ACCOUNT, OTHER_SECRET_ACCESS_KEY } from './scenarios/accounts';

/** The code and HTTP status an SDK call fails with (never the request or its credentials). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    return `${e.name} ${e.$metadata?.httpStatusCode}`;
  }
  return 'accepted';
}

describe('emulator STS (awsQuery)', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); });
  after(async () => { await emu.stop(); });

  it('GetCallerIdentity names the account the access key belongs to', async () => {
    const sts = new STSClient(sdkConfig(emu.url, 'eu-west-1'));
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, DEMO_ACCOUNT);
    assert.equal(me.Arn, `arn:aws:iam::${DEMO_ACCOUNT}:user/emulator`);
    assert.match(me.UserId!, /^AIDA[A-Z2-7]{17}$/);
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).UserId, me.UserId);

    const other = new STSClient(sdkConfig(emu.url, 'us-east-1', OTHER_ACCESS_KEY_ID, OTHER_SECRET_ACCESS_KEY));
    const them = await other.send(new GetCallerIdentityCommand({}));
    assert.equal(them.Account, OTHER_ACCOUNT);
    assert.notEqual(them.UserId, me.UserId);
    const log = await control(emu.url, 'GET', 'log');
    assert.equal(log.counts['sts:GetCallerIdentity'], 3);
  });

  describe('AssumeRole', () => {
    const otherIam = () => new IAMClient({ ...sdkConfig(emu.url, 'us-east-1', OTHER_ACCESS_KEY_ID, OTHER_SECRET_ACCESS_KEY), maxAttempts: 1 });
    const demoSts = () => new STSClient({ ...sdkConfig(emu.url, 'us-east-1'), maxAttempts: 1 });
    const trust = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] });
    const roleArn = (name: string) => `arn:aws:iam::${OTHER_ACCOUNT}:role/${name}`;
    const assume = (input: Partial<AssumeRoleCommandInput> & { RoleArn: string }, sts = demoSts()) => sts.send(new AssumeRoleCommand({ RoleSessionName: 'oracle', ...input }));

    before(async () => {
      const iam = otherIam();
      await iam.send(new CreateRoleCommand({ RoleName: 'cross-account', AssumeRolePolicyDocument: trust({ Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:root` } }), MaxSessionDuration: 7200 }));
      await iam.send(new CreateRoleCommand({ RoleName: 'self-only', AssumeRolePolicyDocument: trust({ Principal: { AWS: OTHER_ACCOUNT } }) }));
      await iam.send(new CreateRoleCommand({
        RoleName: 'with-external-id',
        AssumeRolePolicyDocument: trust({ Principal: { AWS: DEMO_ACCOUNT }, Condition: { StringEquals: { 'sts:ExternalId': 'clickpipes-42' } } }),
      }));
      await iam.send(new CreateRoleCommand({
        RoleName: 'denied',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [
          { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: DEMO_ACCOUNT } },
          { Effect: 'Deny', Action: 'sts:*', Principal: { AWS: '*' } },
        ] }),
      }));
    });

    it('a role whose trust policy names the caller\'s account: temporary credentials that sign as the role\'s account until Expiration', async () => {
      const before = Date.now();
      const out = await assume({ RoleArn: roleArn('cross-account'), RoleSessionName: 'clickpipes-vscode' });
      const c = out.Credentials!;
      assert.match(c.AccessKeyId!, /^ASIA[A-Z2-7]{16}$/);
      assert.equal(c.SecretAccessKey!.length, 40);
      assert.ok(c.SessionToken!.length > 100);
      const lifetime = c.Expiration!.getTime() - before;
      assert.ok(lifetime > 3590_000 && lifetime <= 3601_000, `one hour by default, got ${lifetime} ms`);
      assert.equal(out.AssumedRoleUser!.Arn, `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/cross-account/clickpipes-vscode`);
      assert.match(out.AssumedRoleUser!.AssumedRoleId!, /^AROA[A-Z2-7]{17}:clickpipes-vscode$/);

      const asRole = new STSClient({ ...sdkConfig(emu.url, 'us-east-1'), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } });
      const me = await asRole.send(new GetCallerIdentityCommand({}));
      assert.deepEqual([me.Account, me.Arn, me.UserId], [OTHER_ACCOUNT, out.AssumedRoleUser!.Arn, out.AssumedRoleUser!.AssumedRoleId]);

      const longer = await assume({ RoleArn: roleArn('cross-account'), DurationSeconds: 7200 });
      assert.ok(longer.Credentials!.Expiration!.getTime() - Date.now() > 7100_000, 'DurationSeconds up to the role\'s MaxSessionDuration');
      // Role chaining: a role session assuming a role is held to one hour.
      assert.equal(await refusal(assume({ RoleArn: roleArn('self-only'), DurationSeconds: 3600 }, asRole)), 'accepted');
      assert.equal(await refusal(assume({ RoleArn: roleArn('self-only'), DurationSeconds: 3601 }, asRole)), 'ValidationError 400');
    });

    it('refused: a trust policy without the caller, an unknown role, an explicit Deny (AccessDenied 403); an ExternalId condition holds only with the id', async () => {
      assert.equal(await refusal(assume({ RoleArn: roleArn('self-only') })), 'AccessDenied 403');
      assert.equal(await refusal(assume({ RoleArn: roleArn('no-such-role') })), 'AccessDenied 403');
      assert.equal(await refusal(assume({ RoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/team/cross-account` })), 'AccessDenied 403', 'the path is part of the role');
      assert.equal(await refusal(assume({ RoleArn: roleArn('denied') })), 'AccessDenied 403');
      assert.equal(await refusal(assume({ RoleArn: roleArn('with-external-id') })), 'AccessDenied 403');
      assert.equal(await refusal(assume({ RoleArn: roleArn('with-external-id'), ExternalId: 'clickpipes-41' })), 'AccessDenied 403');
      assert.equal(await refusal(assume({ RoleArn: roleArn('with-external-id'), ExternalId: 'clickpipes-42' })), 'accepted');
    });

    it('refused with ValidationError: the model\'s bounds (session name, duration), a malformed ARN, a duration past the role\'s maximum', async () => {
      assert.equal(await refusal(assume({ RoleArn: roleArn('cross-account'), RoleSessionName: 'x' })), 'ValidationError 400');
      assert.equal(await refusal(assume({ RoleArn: roleArn('cross-account'), RoleSessionName: 'has space' })), 'ValidationError 400');
      assert.equal(await refusal(assume({ RoleArn: roleArn('cross-account'), DurationSeconds: 899 })), 'ValidationError 400');
      assert.equal(await refusal(assume({ RoleArn: roleArn('self-only').replace(':role/', ':user/') })), 'ValidationError 400');
      assert.equal(await refusal(assume({ RoleArn: roleArn('with-external-id'), ExternalId: 'clickpipes-42', DurationSeconds: 3601 })), 'ValidationError 400');
    });

    it('the request log names the operation and account, never the credentials it handed out', async () => {
      const out = await assume({ RoleArn: roleArn('cross-account') });
      const log = JSON.stringify(await control(emu.url, 'GET', 'log'));
      assert.ok(log.includes('"AssumeRole"'));
      assert.ok(!log.includes(out.Credentials!.SecretAccessKey!) && !log.includes(out.Credentials!.SessionToken!), 'a secret part is in the log');
    });
  });
});

import * as assert from 'node:assert/strict';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control } from './testHelpers';
import { DEMO_ACCOUNT, OTHER_ACCESS_KEY_ID, OTHER_ACCOUNT, OTHER_SECRET_ACCESS_KEY } from './scenarios/accounts';

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
});

// Role chains and failures that involve the network: the STS call of a source_profile/role_arn
// chain must go to the profile's endpoint_url too, and the role's temporary credentials then sign
// the chain's calls (as the role's account); the MFA prompt happens once; an unreachable endpoint
// becomes a plain-words Network failure.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { RunningEmulator } from '../emulator/index';
import { OTHER_ACCESS_KEY_ID, OTHER_ACCOUNT, OTHER_SECRET_ACCESS_KEY } from '../emulator/scenarios/accounts';
import { sdkConfig } from '../emulator/testHelpers';
import { createAwsLayer } from '../../src/aws/index';
import type { AwsLayer } from '../../src/aws/api';
import { clearLog, control, emulatorSuite, rejection, US } from './awsEnv';

type LogEntry = { service: string; operation: string; accountId: string; status: number };

describe('AWS layer: role chains and unreachable endpoints', () => {
  const suite = emulatorSuite('empty');
  let emu: RunningEmulator;
  let layer: AwsLayer;
  beforeEach(async () => {
    ({ emu, layer } = suite);
    fs.appendFileSync(suite.box.config, [
      '', '[profile chain]', `role_arn = arn:aws:iam::${OTHER_ACCOUNT}:role/explorer`, 'source_profile = clickpipes-demo',
      `endpoint_url = ${emu.url}`, 'region = us-east-1',
      '', '[profile chain-untrusted]', `role_arn = arn:aws:iam::${OTHER_ACCOUNT}:role/locked`, 'source_profile = clickpipes-demo',
      `endpoint_url = ${emu.url}`, 'region = us-east-1',
      '', '[profile chain-mfa]', 'role_arn = arn:aws:iam::123456789012:role/explorer', 'source_profile = clickpipes-demo',
      'mfa_serial = arn:aws:iam::123456789012:mfa/alice', `endpoint_url = ${emu.url}`, 'region = us-east-1', '',
    ].join('\n'));
    // In the other account: `explorer` trusts the demo account, `locked` only its own.
    const iam = new IAMClient({ ...sdkConfig(emu.url, 'us-east-1', OTHER_ACCESS_KEY_ID, OTHER_SECRET_ACCESS_KEY), maxAttempts: 1 });
    const trusting = (principal: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] });
    try {
      await iam.send(new CreateRoleCommand({ RoleName: 'explorer', AssumeRolePolicyDocument: trusting('arn:aws:iam::123456789012:root') }));
      await iam.send(new CreateRoleCommand({ RoleName: 'locked', AssumeRolePolicyDocument: trusting(OTHER_ACCOUNT) }));
    } finally {
      iam.destroy();
    }
  });

  it('sends the chain\'s AssumeRole to the profile\'s endpoint_url, signed with the source profile; the role\'s credentials sign what follows', async () => {
    await clearLog(emu.url);
    const items = await layer.listResourceGateways({ profile: 'chain', region: 'us-east-1' });
    assert.deepEqual(items, []);
    const log = (await control(emu.url, 'GET', 'log')).entries as LogEntry[];
    assert.deepEqual(log.map((e) => `${e.service}:${e.operation}:${e.accountId}:${e.status}`), [
      'sts:AssumeRole:123456789012:200', `vpc-lattice:ListResourceGateways:${OTHER_ACCOUNT}:200`,
    ]);
  });

  it('a role whose trust policy does not admit the source profile: the failure says it happened while assuming the role', async () => {
    const err = await rejection(layer.listResourceGateways({ profile: 'chain-untrusted', region: 'us-east-1' }));
    assert.equal(err.name, 'AwsCallError');
    assert.match(err.failure.message, new RegExp(`profile 'chain-untrusted' could not assume arn:aws:iam::${OTHER_ACCOUNT}:role/locked \\(sts:AssumeRole\\)`));
    assert.equal(err.failure.service, 'vpc-lattice');
    assert.ok(!/AKIA|ASIA|secret/i.test(err.message), err.message);
    const log = (await control(emu.url, 'GET', 'log')).entries as LogEntry[];
    assert.ok(log.some((e) => e.operation === 'AssumeRole' && e.status === 403), 'STS refused the AssumeRole');
    assert.ok(!log.some((e) => e.service === 'vpc-lattice'), 'nothing was listed');
  });

  it('asks for the MFA code once when several clients of the profile need credentials at the same time', async () => {
    const asked: string[] = [];
    const mfaLayer = createAwsLayer({ mfaCodeProvider: async (serial) => { asked.push(serial); return '123456'; } });
    try {
      const scope = { profile: 'chain-mfa', region: 'us-east-1' };
      await clearLog(emu.url);
      await Promise.allSettled([mfaLayer.listResourceGateways(scope), mfaLayer.listVpcs(scope), mfaLayer.listMskClusters(scope)]);
      assert.deepEqual(asked, ['arn:aws:iam::123456789012:mfa/alice']);
      const log = (await control(emu.url, 'GET', 'log')).entries as Array<{ service: string; operation: string }>;
      assert.equal(log.filter((e) => e.service === 'sts').length, 1, 'one AssumeRole for all three clients');
    } finally {
      mfaLayer.dispose();
    }
  });

  it('an unreachable endpoint is a Network failure naming the service, after the retries', async function () {
    this.timeout(30_000);
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    fs.appendFileSync(suite.box.config, `\n[profile offline]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:${port}\n`);
    fs.appendFileSync(suite.box.credentials, '\n[offline]\naws_access_key_id = AKIAEMULATORDEMO0001\naws_secret_access_key = not-used\n');
    const quick = createAwsLayer({ maxAttempts: 2 });
    try {
      const err = await rejection(quick.listResourceShares({ profile: 'offline', region: 'us-east-1' }));
      assert.equal(err.failure.name, 'ECONNREFUSED');
      assert.match(err.message, /^Network: could not reach the ram endpoint for profile 'offline' in us-east-1/);
    } finally {
      quick.dispose();
    }
  });

  it('a server error after the retries keeps its AWS name and HTTP status', async () => {
    await control(emu.url, 'POST', 'faults', { faults: [{ service: 'kafka', serverError: true }] });
    const quick = createAwsLayer({ maxAttempts: 2 });
    try {
      const err = await rejection(quick.listMskClusters(US));
      assert.equal(err.failure.operation, 'ListClustersV2');
      assert.ok(err.failure.httpStatus >= 500, JSON.stringify(err.failure));
    } finally {
      quick.dispose();
    }
  });
});

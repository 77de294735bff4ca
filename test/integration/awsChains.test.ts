// Role chains and failures that involve the network: the STS call of a source_profile/role_arn
// chain must go to the profile's endpoint_url too (the emulator has no AssumeRole yet, so this
// checks where the call goes and that the MFA prompt happens once, not a successful chain),
// and an unreachable endpoint becomes a plain-words Network failure.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { RunningEmulator } from '../emulator/index';
import { createAwsLayer } from '../../src/aws/index';
import type { AwsLayer } from '../../src/aws/api';
import { clearLog, control, emulatorSuite, rejection, US } from './awsEnv';

describe('AWS layer: role chains and unreachable endpoints', () => {
  const suite = emulatorSuite('empty');
  let emu: RunningEmulator;
  let layer: AwsLayer;
  beforeEach(() => {
    ({ emu, layer } = suite);
    fs.appendFileSync(suite.box.config, [
      '', '[profile chain]', 'role_arn = arn:aws:iam::123456789012:role/explorer', 'source_profile = clickpipes-demo',
      `endpoint_url = ${emu.url}`, 'region = us-east-1',
      '', '[profile chain-mfa]', 'role_arn = arn:aws:iam::123456789012:role/explorer', 'source_profile = clickpipes-demo',
      'mfa_serial = arn:aws:iam::123456789012:mfa/alice', `endpoint_url = ${emu.url}`, 'region = us-east-1', '',
    ].join('\n'));
  });

  it('sends the chain\'s AssumeRole to the profile\'s endpoint_url, signed with the source profile', async () => {
    await clearLog(emu.url);
    const outcome = await layer.listResourceGateways({ profile: 'chain', region: 'us-east-1' }).then((items) => ({ items }), (err) => ({ err }));
    const log = (await control(emu.url, 'GET', 'log')).entries as Array<{ service: string; operation: string; accountId: string }>;
    assert.equal(`${log[0].service}:${log[0].operation}:${log[0].accountId}`, 'sts:AssumeRole:123456789012');
    if ('items' in outcome) {
      // The emulator learned AssumeRole: the chain works end to end.
      assert.deepEqual(outcome.items, []);
    } else {
      // It has no AssumeRole yet: the failure says it happened while assuming the role.
      const err = outcome.err as any;
      assert.equal(err.name, 'AwsCallError');
      assert.match(err.failure.message, /profile 'chain' could not assume arn:aws:iam::123456789012:role\/explorer \(sts:AssumeRole\)/);
      assert.equal(err.failure.service, 'vpc-lattice');
      assert.ok(!/AKIA|secret/i.test(err.message), err.message);
    }
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

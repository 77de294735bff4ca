// The *Default credentials* entry: the SDK's default provider chain against the emulator, with no
// AWS config file at all (a devcontainer, Codespaces, an EC2 host). Environment credentials, and
// container credentials served on loopback through AWS_CONTAINER_CREDENTIALS_FULL_URI.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCOUNT, DEMO_SECRET_ACCESS_KEY } from '../emulator/scenarios/accounts';
import { createAwsLayer } from '../../src/aws/index';
import { DEFAULT_CREDENTIALS } from '../../src/model/resources';
import { awsSandbox, type AwsSandbox } from './awsEnv';

const EXTRA_ENV = ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_AUTHORIZATION_TOKEN', 'AWS_EC2_METADATA_DISABLED', 'AWS_WEB_IDENTITY_TOKEN_FILE'];
const scope = { profile: DEFAULT_CREDENTIALS, region: 'us-east-1' };

describe('AWS layer: Default credentials (the SDK default provider chain)', function () {
  this.timeout(30_000);
  let emu: RunningEmulator;
  let box: AwsSandbox;
  let saved: Map<string, string | undefined>;

  before(async () => { emu = await startEmulator({ scenario: 'demo' }); });
  after(async () => { await emu?.stop(); });
  beforeEach(() => {
    saved = new Map(EXTRA_ENV.map((k) => [k, process.env[k]]));
    for (const k of EXTRA_ENV) delete process.env[k];
    box = awsSandbox(); // no config or credentials file: only the environment says anything
    process.env.AWS_EC2_METADATA_DISABLED = 'true'; // nothing may leave 127.0.0.1
    process.env.AWS_ENDPOINT_URL = emu.url;
    process.env.AWS_REGION = 'us-east-1';
  });
  afterEach(() => {
    box.restore();
    for (const [k, v] of saved) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });

  it('is listed after the named profiles, with the environment\'s region', async () => {
    const layer = createAwsLayer({});
    try {
      const profiles = await layer.listProfiles();
      assert.deepEqual(profiles.at(-1), { name: DEFAULT_CREDENTIALS, kind: 'defaultChain', region: 'us-east-1' });
    } finally { layer.dispose(); }
  });

  it('uses environment credentials', async () => {
    process.env.AWS_ACCESS_KEY_ID = DEMO_ACCESS_KEY_ID;
    process.env.AWS_SECRET_ACCESS_KEY = DEMO_SECRET_ACCESS_KEY;
    const layer = createAwsLayer({});
    try {
      assert.equal((await layer.callerIdentity(DEFAULT_CREDENTIALS)).account, DEMO_ACCOUNT);
      assert.ok((await layer.listResourceGateways(scope)).length > 0, 'the demo gateways, read with environment credentials');
    } finally { layer.dispose(); }
  });

  it('uses container credentials served on loopback (AWS_CONTAINER_CREDENTIALS_FULL_URI)', async () => {
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        AccessKeyId: DEMO_ACCESS_KEY_ID, SecretAccessKey: DEMO_SECRET_ACCESS_KEY, Token: 'container-session-token',
        Expiration: new Date(Date.now() + 3_600_000).toISOString(),
      }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/credentials/task`;
    const layer = createAwsLayer({});
    try {
      assert.equal((await layer.callerIdentity(DEFAULT_CREDENTIALS)).account, DEMO_ACCOUNT);
      assert.deepEqual(asked, ['GET /v2/credentials/task']);
    } finally {
      layer.dispose();
      await new Promise((r) => server.close(r));
    }
  });

  it('with nothing in the chain, fails in plain words that say where credentials can come from', async () => {
    const layer = createAwsLayer({});
    try {
      const err = await layer.callerIdentity(DEFAULT_CREDENTIALS).then(() => undefined, (e) => e);
      assert.ok(err, 'expected a rejection');
      assert.equal(err.failure.name, 'CredentialsUnavailable');
      assert.match(err.failure.message, /No default credentials: set AWS_ACCESS_KEY_ID/);
    } finally { layer.dispose(); }
  });
});

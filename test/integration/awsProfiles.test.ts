// Profiles, endpoint resolution and credentials, through the SDK's own loaders and fromIni.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listProfiles, profileFiles } from '../../src/aws/profiles';
import { configuredEndpoint } from '../../src/aws/endpoints';
import { CredentialStore } from '../../src/aws/credentials';
import { createAwsLayer } from '../../src/aws/index';
import { isAwsCallError } from '../../src/aws/api';
import { awsSandbox, AwsSandbox } from './awsEnv';

const KEY = 'AKIATESTPROFILE00001';
const SECRET = 'test-secret-for-profiles-never-printed-0';

async function rejection(p: Promise<unknown>): Promise<any> {
  const err = await p.then(() => undefined, (e) => e);
  assert.ok(err, 'expected a rejection');
  return err;
}

/** No message may carry key material. */
function assertNoSecrets(text: string): void {
  assert.ok(!text.includes(SECRET), 'message leaks the secret key');
  assert.ok(!text.includes(KEY), 'message leaks the access key id');
}

describe('AWS layer: profiles and credentials', () => {
  let box: AwsSandbox;
  let procScript: string;

  beforeEach(() => {
    box = awsSandbox();
    procScript = path.join(box.dir, 'creds.js');
    fs.writeFileSync(procScript, `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIAPROCESS000000001', SecretAccessKey: 'process-secret' }));\n`);
    fs.writeFileSync(box.config, [
      '[default]', 'region = eu-west-1', '',
      '[profile static]', 'region = us-east-1', '',
      '[profile role]', 'role_arn = arn:aws:iam::123456789012:role/admin', 'source_profile = static', '',
      '[profile role-mfa]', 'role_arn = arn:aws:iam::123456789012:role/admin', 'source_profile = static',
      'mfa_serial = arn:aws:iam::123456789012:mfa/alice', 'region = us-west-2', '',
      '[profile proc]', `credential_process = "${process.execPath}" "${procScript}"`, '',
      '[profile sso-new]', 'sso_session = corp', 'sso_account_id = 123456789012', 'sso_role_name = Admin', 'region = us-east-2', '',
      '[profile sso-legacy]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1',
      'sso_account_id = 123456789012', 'sso_role_name = Admin', '',
      '[profile role-on-sso]', 'role_arn = arn:aws:iam::123456789012:role/admin', 'source_profile = sso-new', '',
      '[profile bare]', 'output = json', '',
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', '',
      '[services local]', 'vpc_lattice =', '  endpoint_url = http://127.0.0.1:4999', '',
      '[profile svc]', 'services = local', 'endpoint_url = http://127.0.0.1:4000', '',
    ].join('\n'));
    fs.writeFileSync(box.credentials, ['[static]', `aws_access_key_id = ${KEY}`, `aws_secret_access_key = ${SECRET}`, '',
      '[creds-only]', `aws_access_key_id = ${KEY}`, `aws_secret_access_key = ${SECRET}`, ''].join('\n'));
  });
  afterEach(() => box.restore());

  describe('listProfiles', () => {
    it('lists config and credentials profiles, classified, with region, sso session and mfa serial', async () => {
      const profiles = await listProfiles();
      const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
      assert.deepEqual(Object.keys(byName).sort(), [
        'bare', 'creds-only', 'default', 'proc', 'role', 'role-mfa', 'role-on-sso', 'sso-legacy', 'sso-new', 'static', 'svc',
      ]);
      assert.deepEqual(byName.static, { name: 'static', kind: 'static', region: 'us-east-1' });
      assert.deepEqual(byName['creds-only'], { name: 'creds-only', kind: 'static' });
      assert.deepEqual(byName.role, { name: 'role', kind: 'assumeRole' });
      assert.deepEqual(byName['role-mfa'], { name: 'role-mfa', kind: 'assumeRole', region: 'us-west-2', mfaSerial: 'arn:aws:iam::123456789012:mfa/alice' });
      assert.deepEqual(byName.proc, { name: 'proc', kind: 'process' });
      assert.deepEqual(byName['sso-new'], { name: 'sso-new', kind: 'sso', region: 'us-east-2', ssoSession: 'corp' });
      assert.equal(byName['sso-legacy'].kind, 'sso');
      assert.equal(byName.bare.kind, 'other');
      assert.equal(byName.default.region, 'eu-west-1');
    });

    it('puts AWS_PROFILE (else default) first and follows AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE', async () => {
      assert.equal((await listProfiles())[0].name, 'default');
      process.env.AWS_PROFILE = 'proc';
      assert.equal((await listProfiles())[0].name, 'proc');
      assert.deepEqual(profileFiles(), { config: box.config, credentials: box.credentials });
      // Edits are seen at once (no stale cache): the view refreshes when the files change.
      fs.appendFileSync(box.config, '\n[profile added-later]\nregion = ap-south-1\n');
      assert.ok((await listProfiles()).some((p) => p.name === 'added-later'));
    });

    it('returns no profiles (not an error) when the files do not exist', async () => {
      fs.rmSync(box.config);
      fs.rmSync(box.credentials);
      assert.deepEqual(await listProfiles(), []);
    });
  });

  describe('configured endpoints (per profile, by the SDK rules)', () => {
    it('reads endpoint_url of the named profile, not only AWS_PROFILE/default', async () => {
      fs.appendFileSync(box.config, '\n[profile emu]\nendpoint_url = http://127.0.0.1:4566\n');
      assert.equal(await configuredEndpoint('emu', 'STS'), 'http://127.0.0.1:4566');
      assert.equal(await configuredEndpoint('static', 'STS'), undefined);
    });

    it('honours [services] sections, AWS_ENDPOINT_URL[_SERVICE] and the ignore switch', async () => {
      assert.equal(await configuredEndpoint('svc', 'VPC Lattice'), 'http://127.0.0.1:4999');
      assert.equal(await configuredEndpoint('svc', 'RAM'), 'http://127.0.0.1:4000');
      process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:5000';
      assert.equal(await configuredEndpoint('static', 'RAM'), 'http://127.0.0.1:5000');
      process.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:5001';
      assert.equal(await configuredEndpoint('static', 'STS'), 'http://127.0.0.1:5001');
      process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true';
      assert.equal(await configuredEndpoint('svc', 'STS'), undefined);
    });
  });

  describe('credentials (fromIni)', () => {
    it('resolves static keys', async () => {
      const creds = await new CredentialStore().get('static');
      assert.equal(creds.accessKeyId, KEY);
      assert.equal(creds.secretAccessKey, SECRET);
    });

    it('resolves credential_process by running the command', async () => {
      const creds = await new CredentialStore().get('proc');
      assert.equal(creds.accessKeyId, 'AKIAPROCESS000000001');
    });

    it('an SSO profile without a cached token → SsoLoginRequired naming the login command', async () => {
      for (const profile of ['sso-new', 'sso-legacy']) {
        const err = await rejection(new CredentialStore().get(profile));
        assert.equal(err.name, 'SsoLoginRequired', `${profile}: ${err.message}`);
        assert.match(err.message, new RegExp(`Run \`aws sso login --profile ${profile}\``));
        assert.equal(err.command, `aws sso login --profile ${profile}`);
      }
      // A role whose source is an SSO profile: the login is for the SSO profile.
      const err = await rejection(new CredentialStore().get('role-on-sso'));
      assert.equal(err.name, 'SsoLoginRequired');
      assert.equal(err.command, 'aws sso login --profile sso-new');
    });

    it('mfa_serial asks the mfaCodeProvider; cancelling → MfaCancelled', async () => {
      const asked: string[] = [];
      const store = new CredentialStore({ mfaCodeProvider: async (serial) => { asked.push(serial); throw new Error('cancelled'); } });
      const err = await rejection(store.get('role-mfa'));
      assert.deepEqual(asked, ['arn:aws:iam::123456789012:mfa/alice']);
      assert.equal(err.name, 'MfaCancelled');
      assertNoSecrets(err.message);
      const none = await rejection(new CredentialStore().get('role-mfa'));
      assert.equal(none.name, 'MfaCancelled');
    });

    it('an unknown profile → ProfileNotFound', async () => {
      const err = await rejection(new CredentialStore().get('nope'));
      assert.equal(err.name, 'ProfileNotFound');
      assert.match(err.message, /'nope'/);
    });

    it('failures are not cached: fixing the files makes the next call succeed', async () => {
      const store = new CredentialStore();
      await rejection(store.get('later'));
      fs.appendFileSync(box.credentials, `\n[later]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`);
      assert.equal((await store.get('later')).accessKeyId, KEY);
    });

    it('layer methods turn credential failures into AwsCallError with the failure name and command', async () => {
      const layer = createAwsLayer({});
      try {
        const err = await rejection(layer.listResourceGateways({ profile: 'sso-new', region: 'us-east-1' }));
        assert.ok(isAwsCallError(err), `not an AwsCallError: ${err}`);
        assert.equal(err.failure.name, 'SsoLoginRequired');
        assert.equal(err.failure.command, 'aws sso login --profile sso-new');
        assert.equal(err.failure.service, 'vpc-lattice');
        const missing = await rejection(layer.listVpcs({ profile: 'ghost', region: 'us-east-1' }));
        assert.equal(missing.failure.name, 'ProfileNotFound');
      } finally {
        layer.dispose();
      }
    });
  });
});

// The IAM DB auth plan's commands.sh run by the real AWS CLI against the emulator. AWS CLI text
// output prints booleans as True/False, so a wait comparing with `true` never ends; the script's
// `sleep` is replaced by one that stops it, so a wait that does not see the setting fails at once.
import * as assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildIamDbAuthPlan } from '../../src/model/builders';
import { renderCli } from '../../src/model/cli';
import { emulatorSuite, US } from './awsEnv';

function realAws(): string {
  const found = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' }).stdout.trim();
  assert.ok(found, 'the AWS CLI is missing: install it with `pip install awscli`');
  return found;
}

describe('IAM DB auth commands.sh with the real AWS CLI against the emulator', function () {
  this.timeout(120_000);
  const suite = emulatorSuite('demo');
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'cpl-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the wait loop sees IAM auth switch on and the script exits 0', async () => {
    const plan = buildIamDbAuthPlan({
      databaseKind: 'instance', databaseId: 'billing-postgres', resourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXYZ', engine: 'postgres', region: US.region,
      account: '123456789012', clickhouseRoleArn: 'arn:aws:iam::999999999999:role/CH-S3-orange-Role', dbUser: 'clickpipes_iam_user',
      roleName: 'clickpipes-billing', enableIamAuth: true, iamAuthEnabled: false,
    }, { planId: 'iamdb-cli', createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: '123456789012' });
    const script = path.join(dir, 'commands.sh');
    writeFileSync(script, renderCli(plan));
    const bin = path.join(dir, 'bin');
    execFileSync('mkdir', ['-p', bin]);
    // awscli v1 ignores AWS_ENDPOINT_URL for rds in us-east-1: every call gets --endpoint-url.
    writeFileSync(path.join(bin, 'aws'), `#!/bin/sh\nexec ${realAws()} --endpoint-url ${suite.emu.url} "$@"\n`);
    writeFileSync(path.join(bin, 'sleep'), '#!/bin/sh\necho "the wait loop did not see the expected status" >&2\nexit 3\n');
    chmodSync(path.join(bin, 'aws'), 0o755);
    chmodSync(path.join(bin, 'sleep'), 0o755);
    // Asynchronous: the emulator answers from this process.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile('bash', [script], {
        encoding: 'utf8', timeout: 100_000,
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true' },
      }, (err, stdout, stderr) => resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }));
    });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /IAM role ARN: arn:aws:iam::123456789012:role\/clickpipes-billing/);
    const db = (await suite.layer.listDatabases(US)).find((d) => d.id === 'billing-postgres')!;
    assert.equal(db.iamAuth, true);
  });
});

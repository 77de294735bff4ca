// commands.sh run a second time (a re-run after it stopped, or after the extension's apply): a
// step whose "already exists" answer means its state holds (existsError without adoption) lets
// the script go on, with the real AWS CLI's error text, and leaves the state as the first run did.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentsFor } from '../../src/model/builders';
import { control, emulatorSuite, US } from '../integration/awsEnv';
import { cliSandbox, cliTool, runBounded, type CliSandbox } from './awsCli';
import { PLAN_CASES } from './plans';
import { diffStates, worldState } from './worldState';

const TIMEOUT_MS = 45_000;

describe('awscli: the doctor\'s fix scripts (commands.sh) run twice', function () {
  this.timeout(TIMEOUT_MS * 2 + 30_000);
  before(() => { cliTool(); });
  const suite = emulatorSuite('demo');
  let box: CliSandbox;
  beforeEach(() => { box = cliSandbox(suite.emu.url); });
  afterEach(() => box.dispose());

  /** The oracle's plan case named so, brought to its starting state, written as commands.sh. */
  async function scriptOf(prefix: string, planId: string): Promise<string> {
    const c = PLAN_CASES.find((x) => x.name.startsWith(prefix));
    assert.ok(c, `"${prefix}" is in the oracle's plans`);
    c.prepare?.(suite.emu);
    const plan = await c.build(suite.layer, { planId, createdAt: '2026-12-06T00:00:00.000Z', profile: US.profile, region: US.region, accountId: '123456789012' });
    const file = path.join(box.home, 'commands.sh');
    fs.writeFileSync(file, documentsFor(plan).find((d) => d.name === 'commands.sh')!.content);
    return file;
  }

  it('ingress rule: the second run meets InvalidPermission.Duplicate, says the rule is there, exits 0 and changes nothing', async () => {
    const file = await scriptOf('Doctor fix: admit the resource gateway', 'rerun-ingress');
    // The demo's own pending transitions (a share PENDING → ACTIVE) settle first: one landing
    // between the two snapshots would read as a change the second run made.
    await control(suite.emu.url, 'POST', 'clock/advance', { ms: 3_600_000 });

    const first = await runBounded('bash', [file], box.env, TIMEOUT_MS, box.home);
    assert.equal(first.code, 0, first.stderr);
    const after = worldState(suite.emu.world);
    await control(suite.emu.url, 'DELETE', 'log');
    const second = await runBounded('bash', [file], box.env, TIMEOUT_MS, box.home);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /already there/);
    const log = (await control(suite.emu.url, 'GET', 'log')).entries as { operation: string; error?: string; status: number }[];
    assert.ok(log.some((e) => e.operation === 'AuthorizeSecurityGroupIngress' && e.status >= 400), 'the second run did send the rule and AWS refused it');
    assert.deepEqual(diffStates(after, worldState(suite.emu.world)), [], 'no second rule');
  });

  const once: [string, string][] = [
    ['Doctor fix: reboot a DB instance', 'RebootDBInstance'],
    ['Doctor fix: reboot an Aurora writer', 'RebootDBInstance'],
    ['Doctor fix: automated backups on', 'ModifyDBInstance'],
    ['Doctor fix, SASL/SCRAM secret', 'BatchAssociateScramSecret'],
  ];
  for (const [prefix, operation] of once) {
    it(`${prefix}: the first run sends ${operation}, the second reads that it happened, says so and sends nothing`, async () => {
      const file = await scriptOf(prefix, 'rerun-once');
      const sent = async () => ((await control(suite.emu.url, 'GET', 'log')).entries as { operation: string }[]).filter((e) => e.operation === operation).length;

      await control(suite.emu.url, 'DELETE', 'log');
      const first = await runBounded('bash', [file], box.env, TIMEOUT_MS, box.home);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(await sent(), 1, `the first run sent ${operation}`);
      await control(suite.emu.url, 'DELETE', 'log');
      const second = await runBounded('bash', [file], box.env, TIMEOUT_MS, box.home);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /already done/);
      assert.equal(await sent(), 0, `the second run sent no ${operation}`);
    });
  }
});

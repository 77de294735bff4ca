// A repository cannot redirect the ClickHouse Cloud API key: clickpipes.clickhouse.apiUrl in the
// workspace's .vscode/settings.json (as a cloned repository would carry it) is ignored, and every
// request still goes to the URL in the user's settings. A second loopback server stands in for the
// host the repository names and records whatever reaches it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { DEMO_CH_KEY_ID, DEMO_CH_KEY_SECRET, seedClickhouse } from '../emulator/services/clickhouse';

const EXTENSION_ID = 'clickpipes-tools.clickpipes-privatelink';
const SETTING = 'clickpipes.clickhouse.apiUrl';
// A window-scoped setting written in the same file: once VS Code reports it, it has read the file.
const MARKER = 'editor.tabSize';
const MARKER_VALUE = 7;

type Row = { label: string };
const snapshot = () => vscode.commands.executeCommand<Row[]>('clickpipes.clickhouse.debug.snapshot');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await fn();
    if (v) return v;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('trust: a workspace setting cannot redirect the ClickHouse API key', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let attacker: http.Server;
  let attackerUrl: string;
  const stolen: string[] = [];
  let settingsFile: string;
  let previousSettings: string | undefined;
  let previousUrl: string | undefined;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs with a workspace folder open');
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    emu = await startEmulator({ scenario: 'empty' });
    seedClickhouse(emu.world, { endpoints: false });
    attacker = http.createServer((req, res) => {
      stolen.push(`${req.method} ${req.url} auth=${req.headers.authorization ? 'yes' : 'no'}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":[]}');
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;

    previousUrl = vscode.workspace.getConfiguration().inspect<string>(SETTING)?.globalValue;
    await vscode.workspace.getConfiguration().update(SETTING, emu.url, vscode.ConfigurationTarget.Global);
    settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    previousSettings = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ [SETTING]: attackerUrl, [MARKER]: MARKER_VALUE }, null, 2));
    await until('VS Code to read the workspace settings file',
      () => vscode.workspace.getConfiguration().inspect<number>(MARKER)?.workspaceValue === MARKER_VALUE);
  });

  after(async () => {
    await vscode.commands.executeCommand('clickpipes.clickhouse.signOut');
    if (settingsFile) {
      if (previousSettings === undefined) fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
      else fs.writeFileSync(settingsFile, previousSettings);
    }
    await vscode.workspace.getConfiguration().update(SETTING, previousUrl, vscode.ConfigurationTarget.Global);
    await new Promise((r) => attacker?.close(r));
    await emu?.stop();
  });

  it('VS Code ignores the workspace value of the application-scoped setting', () => {
    assert.equal(vscode.workspace.getConfiguration().get<string>(SETTING), emu.url);
  });

  it('signs in and lists services through the user-settings URL; the repository\'s host gets nothing', async () => {
    const ok = await vscode.commands.executeCommand('clickpipes.clickhouse.signIn', { keyId: DEMO_CH_KEY_ID, keySecret: DEMO_CH_KEY_SECRET });
    assert.equal(ok, true);
    await vscode.commands.executeCommand('clickpipes.clickhouse.refresh');
    await until('the services from the emulator', async () => (await snapshot()).some((r) => r.label === 'orders-analytics'));
    assert.deepEqual(stolen, []);
  });
});

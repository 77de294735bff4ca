// The explorer inside the real extension host, against the emulator's demo scenario through the
// `clickpipes-demo` profile (AWS_CONFIG_FILE/AWS_PROFILE set by the harness). Drives the tree
// through the provider's model (what VS Code itself calls) and the registered commands.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClickPipesTestApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/views/explorer/nodes';
import { describeNode } from '../../src/views/explorer/describe';
import { contextValueOf } from '../../src/views/explorer/contextValue';
import { readinessOf } from '../../src/views/explorer/readiness';
import { activateExtension, childNode, control, EMULATOR, label, PROFILE, requireEmulator, resetToDemo, waitFor } from './emulatorHost';

const ACCOUNT = '123456789012';

describe('explorer (extension host, emulator demo scenario)', function () {
  this.timeout(60_000);
  let api: ClickPipesTestApi;

  const child = (parent: ExplorerNode | undefined, name: string | RegExp) => childNode(api.explorer, parent, name);
  const region = async () => child(await child(undefined, PROFILE), 'us-east-1');
  const group = async (name: string) => child(await region(), name);

  before(async function () {
    requireEmulator();
    await resetToDemo({ instantChanges: false });
    api = await activateExtension();
    // Visible view: VS Code renders the tree and the poller runs (it pauses while hidden).
    await vscode.commands.executeCommand('workbench.view.extension.clickpipes');
    await vscode.commands.executeCommand('clickpipes.explorer.focus');
    await api.explorer.refresh();
  });

  after(async () => {
    await control('POST', 'faults', { mode: 'clear' }).catch(() => undefined);
  });

  it('shows the profile with its account id, its region and the six groups', async () => {
    const profile = await child(undefined, PROFILE);
    assert.match(contextValueOf(profile), /^profile;/);
    await api.explorer.getChildren(profile);
    await waitFor('the account id', () => describeNode(profile).description?.includes(ACCOUNT), 15_000);
    assert.match(contextValueOf(profile), /\bhasAccountId\b/);
    const groups = await api.explorer.getChildren(await region());
    assert.deepStrictEqual(groups.map(label), [
      'Resource gateways', 'Resource configurations', 'Resource shares', 'MSK clusters', 'VPC endpoint services', 'Databases',
    ]);
  });

  it('lists each group with status, ids and children', async () => {
    const gateways = await api.explorer.getChildren(await group('Resource gateways'));
    assert.deepStrictEqual(gateways.map(label).sort(), ['analytics-gateway', 'prod-data-gateway', 'tiny-subnet-gateway']);
    const prod = gateways.find((g) => label(g) === 'prod-data-gateway')!;
    assert.match(prod.id, /resourcegateway\/rgw-/);
    assert.match(contextValueOf(prod), /^resourceGateway;.*\bhasArn\b.*\bhasId\b.*status:active$/);
    const configs = (await api.explorer.getChildren(prod)).map(label);
    for (const name of ['orders-aurora', 'billing-postgres', 'inventory-mysql']) assert.ok(configs.includes(name), configs.join(','));

    const share = await child(await group('Resource shares'), 'clickpipes-orders-aurora');
    const shareKids = await api.explorer.getChildren(share);
    assert.ok(shareKids.some((k) => label(k) === '072088201116'), 'ClickPipes principal under the share');
    assert.ok(shareKids.some((k) => /^rcfg-/.test(label(k))), 'the shared configuration under the share');

    const msk = (await api.explorer.getChildren(await group('MSK clusters'))).map(label);
    assert.ok(msk.includes('orders-events') && msk.includes('dev-sandbox'), msk.join(','));

    const services = await api.explorer.getChildren(await group('VPC endpoint services'));
    assert.strictEqual(services.length, 3);
    const withConnections = await Promise.all(services.map((s) => api.explorer.getChildren(s)));
    assert.ok(withConnections.flat().some((k) => k.type === 'endpointConnection'), 'endpoint connections listed');

    const dbs = (await api.explorer.getChildren(await group('Databases'))).map(label);
    assert.ok(dbs.includes('orders-aurora-pg') && dbs.includes('billing-postgres'), dbs.join(','));
  });

  it('a gateway CREATE_IN_PROGRESS turns ACTIVE after the emulator clock moves (polled, not refreshed)', async () => {
    const gateways = await api.explorer.getChildren(await group('Resource gateways'));
    const moving = gateways.find((g) => label(g) === 'analytics-gateway')!;
    assert.match(describeNode(moving).description ?? '', /CREATE_IN_PROGRESS/);
    assert.ok(api.explorer.poller.size > 0, 'something in transition is polled');
    await control('POST', 'clock/advance', { ms: 60_000 });
    await waitFor('analytics-gateway ACTIVE', () => /^ACTIVE/.test(describeNode(moving).description ?? ''), 20_000);
    assert.match(contextValueOf(moving), /status:active/);
  });

  it('AccessDenied on one service gives an error node in that group only; retry recovers', async () => {
    await control('POST', 'faults', { faults: [{ service: 'kafka', accessDenied: true }] });
    const r = await region();
    await api.explorer.refresh(r);
    const msk = await api.explorer.getChildren(await group('MSK clusters'));
    assert.strictEqual(msk.length, 1);
    assert.strictEqual(msk[0].type, 'error');
    assert.match(label(msk[0]), /Access denied/i);
    assert.match(contextValueOf(msk[0]), /\bcanRetry\b/);
    const gateways = await api.explorer.getChildren(await group('Resource gateways'));
    assert.ok(gateways.every((g) => g.type === 'resourceGateway'), 'other groups unaffected');
    await control('POST', 'faults', { mode: 'clear' });
    await vscode.commands.executeCommand('clickpipes.refresh', msk[0]);
    const again = await api.explorer.getChildren(await group('MSK clusters'));
    assert.ok(again.every((k) => k.type === 'mskCluster'), again.map(label).join(','));
  });

  it('a network failure on one service is an error node there only', async function () {
    this.timeout(90_000);
    await control('POST', 'faults', { faults: [{ service: 'rds', dropConnection: true }] });
    try {
      const databases = await group('Databases');
      await api.explorer.refresh(databases);
      const kids = await api.explorer.getChildren(databases);
      assert.strictEqual(kids.length, 1);
      assert.strictEqual(kids[0].type, 'error');
      assert.match(label(kids[0]), /^Cannot reach AWS loading databases in us-east-1: could not reach the rds endpoint/);
      assert.ok((await api.explorer.getChildren(await group('Resource shares'))).every((k) => k.type === 'resourceShare'));
    } finally {
      await control('POST', 'faults', { mode: 'clear' });
      await api.explorer.refresh(await group('Databases'));
    }
  });

  it('the SSO sign-in command opens a terminal running aws sso login for the profile', async () => {
    // The command first looks for the aws CLI on the PATH: give this extension host one (a stub;
    // the extension host's PATH comes from a login shell and need not hold the machine's CLI).
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'cpl-aws-cli-'));
    fs.writeFileSync(path.join(bin, process.platform === 'win32' ? 'aws.cmd' : 'aws'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const previousPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${previousPath ?? ''}`;
    let terminal: vscode.Terminal | undefined;
    try {
      terminal = await vscode.commands.executeCommand<vscode.Terminal>('clickpipes.ssoLogin', undefined, 'my-sso');
      assert.ok(terminal, 'a terminal is returned');
      assert.strictEqual(terminal.name, 'aws sso login (my-sso)');
    } finally {
      terminal?.dispose();
      process.env.PATH = previousPath;
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it('the SSO sign-in command opens no terminal when the aws CLI is not on the PATH (it says what to install)', async () => {
    const savedPath = process.env.PATH;
    const before = vscode.window.terminals.length;
    process.env.PATH = '';
    try {
      const terminal = await vscode.commands.executeCommand<vscode.Terminal | undefined>('clickpipes.ssoLogin', undefined, 'my-sso');
      assert.strictEqual(terminal, undefined);
      assert.strictEqual(vscode.window.terminals.length, before);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('Copy Required IAM Policy puts the chosen flows\' policy on the clipboard', async () => {
    const policy = await vscode.commands.executeCommand<string>('clickpipes.copyRequiredIamPolicy', undefined, ['explorer', 'endpointService']);
    assert.ok(policy, 'the policy is returned');
    assert.strictEqual(await vscode.env.clipboard.readText(), policy);
    const statements = JSON.parse(policy).Statement as Array<{ Action: string[] }>;
    assert.strictEqual(statements.length, 2);
    assert.ok(statements[0].Action.includes('vpc-lattice:ListResourceGateways'));
    assert.ok(statements[1].Action.includes('vpce:AllowMultiRegion'));
  });

  it('copy commands put the value on the clipboard', async () => {
    const copy = async (command: string, node: ExplorerNode) => {
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand(command, node);
      return vscode.env.clipboard.readText();
    };
    assert.strictEqual(await copy('clickpipes.copyId', await child(undefined, PROFILE)), ACCOUNT);
    const prod = await child(await group('Resource gateways'), 'prod-data-gateway');
    assert.match(await copy('clickpipes.copyArn', prod), /^arn:aws:vpc-lattice:us-east-1:123456789012:resourcegateway\/rgw-/);
    assert.match(await copy('clickpipes.copyId', prod), /^rgw-[0-9a-z]{17}$/);
    const cfg = await child(await group('Resource configurations'), 'orders-aurora');
    const values = await copy('clickpipes.copyClickPipesValues', cfg);
    assert.match(values, /^Resource configuration ID: rcfg-[0-9a-z]+\nResource share ARN: arn:aws:ram:us-east-1:123456789012:resource-share\//);
    const svc = (await api.explorer.getChildren(await group('VPC endpoint services')))[0];
    assert.match(await copy('clickpipes.copyServiceName', svc), /^com\.amazonaws\.vpce\.us-east-1\.vpce-svc-/);
    const msk = await child(await group('MSK clusters'), 'payments-stream');
    assert.match(await copy('clickpipes.copyClickPipesValues', msk), /^MSK cluster ARN: arn:aws:kafka:.*\nAuthentication: SASL_IAM/);
    const db = await child(await group('Databases'), 'orders-aurora-pg');
    assert.match(await copy('clickpipes.copyDnsName', db), /orders-aurora-pg/);
  });

  it('deleting a gateway that still has configurations is refused before any confirmation', async () => {
    const prod = await child(await group('Resource gateways'), 'prod-data-gateway');
    assert.strictEqual(await vscode.commands.executeCommand('clickpipes.delete', prod), 'refused');
    assert.ok(await child(await group('Resource gateways'), 'prod-data-gateway'));
  });

  it('subnet facts come with the gateway list; a hover only reads a configuration\'s target for its tooltip', async () => {
    const tiny = await child(await group('Resource gateways'), 'tiny-subnet-gateway');
    const findings = readinessOf(tiny, api.explorer.model);
    assert.ok(findings.some((f) => f.level !== 'ok' && /smaller than the recommended \/26/.test(f.message)), JSON.stringify(findings));
    const cfg = await child(await group('Resource configurations'), 'billing-postgres');
    const shown = await api.explorer.model.tooltipNode(cfg);
    assert.match(describeNode(shown).tooltip ?? '', /billing-postgres\.internal\.example\.com/);
    assert.strictEqual(describeNode(cfg).description, describeNode(await child(await group('Resource configurations'), 'billing-postgres')).description);
    assert.doesNotMatch(describeNode(cfg).description ?? '', /ports 5432/, 'the row itself is not changed by a hover');
  });

  it('add and remove a region through the commands (settings, tree follows)', async () => {
    const profile = await child(undefined, PROFILE);
    await vscode.commands.executeCommand('clickpipes.addRegion', profile, 'eu-central-1');
    await waitFor('eu-central-1 under the profile', async () =>
      (await api.explorer.getChildren(await child(undefined, PROFILE))).some((r) => label(r) === 'eu-central-1'), 15_000);
    const eu = await child(await child(undefined, PROFILE), 'eu-central-1');
    const euGateways = await api.explorer.getChildren(await child(eu, 'Resource gateways'));
    assert.deepStrictEqual(euGateways.map(label), ['eu-prod-gateway']);
    await vscode.commands.executeCommand('clickpipes.removeRegion', eu);
    await waitFor('eu-central-1 removed', async () =>
      !(await api.explorer.getChildren(await child(undefined, PROFILE))).some((r) => label(r) === 'eu-central-1'), 15_000);
    await vscode.workspace.getConfiguration('clickpipes').update('regions', undefined, vscode.ConfigurationTarget.Global);
  });

  it('pages through 500 resources per group (scale scenario)', async function () {
    this.timeout(120_000);
    await control('POST', 'scenario', { name: 'scale' });
    try {
      await api.explorer.refresh();
      const gateways = await api.explorer.getChildren(await group('Resource gateways'));
      assert.strictEqual(gateways.length, 500);
      assert.strictEqual(new Set(gateways.map((g) => g.id)).size, 500, 'unique ids');
      const shares = await api.explorer.getChildren(await group('Resource shares'));
      assert.strictEqual(shares.length, 500);
    } finally {
      await control('POST', 'reset', { scenario: 'demo' });
      await api.explorer.refresh();
    }
  });

  it('editing the AWS config file reloads profiles (watched, no refresh needed)', async () => {
    const file = process.env.AWS_CONFIG_FILE;
    assert.ok(file && fs.existsSync(file), `AWS_CONFIG_FILE (${file}) is the emulator profile the harness writes`);
    const original = fs.readFileSync(file!, 'utf8');
    const config = vscode.workspace.getConfiguration('clickpipes');
    try {
      await config.update('profiles', [PROFILE, 'cpl-watched'], vscode.ConfigurationTarget.Global);
      const missing = await waitFor('the cpl-watched root', async () =>
        (await api.explorer.getChildren()).find((n) => label(n) === 'cpl-watched'), 15_000);
      assert.match(label((await api.explorer.getChildren(missing))[0]), /not in your AWS config/);
      const endpoint = /endpoint_url = (.*)/.exec(original)?.[1] ?? EMULATOR;
      fs.writeFileSync(file!, `${original}\n[profile cpl-watched]\nregion = eu-west-1\nendpoint_url = ${endpoint}\n`);
      await waitFor('cpl-watched found after the file changed', async () => {
        const root = (await api.explorer.getChildren()).find((n) => label(n) === 'cpl-watched');
        return root && (await api.explorer.getChildren(root)).some((r) => label(r) === 'eu-west-1');
      }, 20_000);
    } finally {
      fs.writeFileSync(file!, original);
      await config.update('profiles', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('refresh keeps node ids (so expansion survives)', async () => {
    const before = (await api.explorer.getChildren(await group('Resource shares'))).map((n) => n.id);
    await vscode.commands.executeCommand('clickpipes.refresh');
    const after = (await api.explorer.getChildren(await group('Resource shares'))).map((n) => n.id);
    assert.deepStrictEqual(after, before);
  });
});

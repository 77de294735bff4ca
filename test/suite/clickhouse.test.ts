// The ClickHouse Cloud view inside the real extension host, against an emulator started in this
// process (so the test owns its clock and its seed, whatever scenario the harness loaded).
// Signs in with the demo key through the real command, lists, creates through the plan review +
// apply (the same tab, Apply and journal as every plan), watches Provisioning → Ready, copies a DNS name with its port, shows a wrong key as a clear
// error node, and checks the secret never reaches the Output log.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PlansTestApi } from '../../src/commands/plans';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { plansTestApi } from './emulatorHost';
import {
  DEMO_CH_KEY_ID, DEMO_CH_KEY_SECRET, DEMO_CH_ORG_ID, DEMO_CH_SERVICE_US, seedClickhouse,
} from '../emulator/services/clickhouse';

const EXTENSION_ID = 'clickpipes-tools.clickpipes-privatelink';
const SETTING = 'clickpipes.clickhouse.apiUrl';
const RCFG = 'rcfg-0123456789abcdef0';
const SHARE = 'arn:aws:ram:us-east-1:123456789012:resource-share/7ab63972-b505-4a2a-a0d2-1f4a8e1b2c3d';
const WRONG_SECRET = 'suite-wrong-secret-b7f3';
const SVC_ID = 'vpce-svc-0123456789abcdef0';
const SVC_NAME = `com.amazonaws.vpce.us-east-1.${SVC_ID}`;
const usService = {
  kind: 'service', org: { id: DEMO_CH_ORG_ID, name: 'Demo organization' },
  service: { id: DEMO_CH_SERVICE_US, name: 'orders-analytics', provider: 'aws', region: 'us-east-1' },
};

type Outcome = { status: string; outputs: Record<string, Record<string, string>>; results: { label: string; value: string }[] };
/** The endpoint's create body as the plan tab shows it. */
const reviewedBody = (doc: vscode.TextDocument) => JSON.parse(doc.getText()).steps[0].input.body;

type Row = { depth: number; label: string; description?: string; contextValue?: string; icon?: string };
const snapshot = () => vscode.commands.executeCommand<Row[]>('clickpipes.clickhouse.debug.snapshot');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every log file this window wrote, so a secret anywhere in them is caught. */
async function logFiles(): Promise<string[]> {
  const roots = new Set<string>();
  // The extension's log folder is <logs>/<window>/exthost/<extension id>: scan the whole window.
  const own = await vscode.commands.executeCommand<string>('clickpipes.clickhouse.debug.logDir');
  if (own) roots.add(path.resolve(own, '..', '..'));
  for (const a of process.argv) {
    const m = /^--(?:logsPath|user-data-dir)=(.+)$/.exec(a);
    if (m) roots.add(m[1]);
  }
  for (const key of ['VSCODE_LOGS', 'VSCODE_LOG_PATH', 'VSCODE_USER_DATA_DIR']) if (process.env[key]) roots.add(process.env[key]!);
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 8) return;
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f, depth + 1);
      else if (e.name.endsWith('.log')) out.push(f);
    }
  };
  for (const r of roots) walk(r, 0);
  return out;
}

describe('ClickHouse Cloud view (extension host)', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let previousUrl: string | undefined;
  let plans: PlansTestApi;
  const confirmations: { message: string; detail: string }[] = [];

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    plans = await plansTestApi((message, detail) => confirmations.push({ message, detail }));
    emu = await startEmulator({ scenario: 'empty' });
    seedClickhouse(emu.world, { endpoints: false });
    // The AWS records a VPC_RESOURCE endpoint checks when it provisions.
    const region = emu.world.region('123456789012', 'us-east-1');
    region.resourceConfigurations.set(RCFG, { id: RCFG, status: 'ACTIVE' });
    region.resourceShares.set(SHARE, { resourceShareArn: SHARE, status: 'ACTIVE' });
    region.endpointServices.set(SVC_ID, { ServiceId: SVC_ID, ServiceName: SVC_NAME, ServiceState: 'Available', AcceptanceRequired: true, NetworkLoadBalancerArns: [] });
    region.servicePermissions.set(SVC_ID, ['arn:aws:iam::072088201116:root']);
    previousUrl = vscode.workspace.getConfiguration().inspect<string>(SETTING)?.globalValue;
    await vscode.workspace.getConfiguration().update(SETTING, emu.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('clickpipes.clickhouse.signOut');
  });

  after(async () => {
    await vscode.commands.executeCommand('clickpipes.clickhouse.signOut');
    await vscode.workspace.getConfiguration().update(SETTING, previousUrl, vscode.ConfigurationTarget.Global);
    await emu?.stop();
  });

  it('is its own view in the ClickPipes container and is empty (welcome) while signed out', async () => {
    await vscode.commands.executeCommand('clickpipes.clickhouse.focus');
    assert.deepEqual(await snapshot(), []);
  });

  it('signs in with the demo key and lists organizations → services with region and cloud', async () => {
    const ok = await vscode.commands.executeCommand('clickpipes.clickhouse.signIn', { keyId: DEMO_CH_KEY_ID, keySecret: DEMO_CH_KEY_SECRET });
    assert.equal(ok, true);
    const rows = await until('the services', async () => {
      const r = await snapshot();
      return r.some((x) => x.label === 'orders-analytics') ? r : undefined;
    });
    assert.equal(rows[0].label, 'Demo organization');
    const us = rows.find((r) => r.label === 'orders-analytics')!;
    assert.equal(us.description, 'us-east-1 · aws');
    assert.match(us.contextValue ?? '', /\bcanCreateEndpoint\b/);
    assert.ok(rows.find((r) => r.label === 'events-eu' && r.description === 'eu-central-1 · aws'));
    assert.ok(rows.some((r) => r.label === 'No reverse private endpoints'));
  });

  it('refuses a wrong key at sign-in and keeps the good one', async () => {
    const ok = await vscode.commands.executeCommand('clickpipes.clickhouse.signIn', { keyId: DEMO_CH_KEY_ID, keySecret: WRONG_SECRET });
    assert.equal(ok, false);
    assert.ok((await snapshot()).some((r) => r.label === 'orders-analytics'));
  });

  it('creates through the plan review + apply, polls Provisioning → Ready, and copies the DNS name with its port', async () => {
    const body = { type: 'VPC_RESOURCE', description: 'suite orders db', vpcResourceConfigurationId: RCFG, vpcResourceShareArn: SHARE };
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('clickpipes.clickhouse.createEndpoint', usService, body);
    assert.ok(doc, 'the plan tab opened');
    assert.equal(doc.uri.scheme, 'clickpipes-plan');
    assert.deepEqual(reviewedBody(doc), body);
    const applying = vscode.commands.executeCommand<Outcome>('clickpipes.applyPlan', doc.uri);

    const provisioning = await until('the Provisioning node', async () => (await snapshot()).find((r) => r.label === 'suite orders db'));
    assert.match(provisioning.description ?? '', /VPC resource · Provisioning/);
    assert.match(provisioning.icon ?? '', /~spin/);
    assert.match(provisioning.contextValue ?? '', /\btransitional\b/);

    const confirmation = confirmations.pop()!;
    assert.match(confirmation.message, /in ClickHouse Cloud Demo organization \/ orders-analytics \(us-east-1\)\?$/);
    assert.match(confirmation.detail, /1\. clickhouse CreateReversePrivateEndpoint/);
    assert.doesNotMatch(confirmation.detail, /Account/, 'no AWS account for a ClickHouse-only plan');
    emu.world.clock.advance(emu.world.timings.create);
    const outcome = await applying;
    assert.equal(outcome.status, 'succeeded');
    assert.equal(outcome.outputs.endpoint.status, 'Ready', 'the apply waited until Ready');
    const created = { id: outcome.outputs.endpoint.id };
    // The view polls moving endpoints on its own (first poll after 2 s).
    const ready = await until('Ready', async () => {
      const rows = await snapshot();
      const node = rows.find((r) => r.label === 'suite orders db' && /Ready/.test(r.description ?? ''));
      return node ? rows : undefined;
    }, 20_000);
    const node = ready.find((r) => r.label === 'suite orders db')!;
    assert.equal(node.icon, 'pass-filled');
    assert.match(node.contextValue ?? '', /\bhasDns\b/);
    const dns = ready.find((r) => /\.vpc-lattice-rsc\.us-east-1\.on\.aws$/.test(r.label));
    assert.ok(dns, 'the DNS name is a child row');

    const rpe = (await vscode.commands.executeCommand<any[]>('clickpipes.clickhouse.debug.endpoints', DEMO_CH_SERVICE_US))
      ?.find((r) => r.id === created.id);
    assert.ok(rpe);
    const address = await vscode.commands.executeCommand<string>('clickpipes.clickhouse.copyConnectionAddress', rpe, 'postgres');
    assert.equal(address, `${dns.label}:5432`);
    assert.equal(await vscode.env.clipboard.readText(), `${dns.label}:5432`);
    const name = await vscode.commands.executeCommand<string>('clickpipes.clickhouse.copyDnsName', rpe);
    assert.equal(name, dns.label);
  });

  it('PendingAcceptance: explained in the tree, accepted on the AWS side through EC2, then Ready', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('clickpipes.clickhouse.createEndpoint', usService,
      { type: 'VPC_ENDPOINT_SERVICE', description: 'suite nlb', vpcEndpointServiceName: SVC_NAME });
    const applying = vscode.commands.executeCommand<Outcome>('clickpipes.applyPlan', doc.uri);
    await until('the Provisioning node', async () => (await snapshot()).find((r) => r.label === 'suite nlb'));
    emu.world.clock.advance(emu.world.timings.create);
    // Acceptance is the user's: the apply stops waiting at PendingAcceptance and says so.
    const outcome = await applying;
    assert.equal(outcome.status, 'succeeded');
    assert.equal(outcome.outputs.endpoint.status, 'PendingAcceptance');
    const created = { id: outcome.outputs.endpoint.id };
    const pending = await until('PendingAcceptance', async () =>
      (await snapshot()).find((r) => r.label === 'suite nlb' && /PendingAcceptance/.test(r.description ?? '')), 20_000);
    assert.equal(pending.icon, 'bell-dot');
    assert.match(pending.contextValue ?? '', /\bpendingAcceptance\b/);
    assert.doesNotMatch(pending.contextValue ?? '', /\btransitional\b/);

    const rpe = (await vscode.commands.executeCommand<any[]>('clickpipes.clickhouse.debug.endpoints', DEMO_CH_SERVICE_US))!.find((r) => r.id === created.id);
    const { EC2Client, AcceptVpcEndpointConnectionsCommand } = await import('@aws-sdk/client-ec2');
    const ec2 = new EC2Client({ endpoint: emu.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIAEMULATORDEMO0001', secretAccessKey: 'emulator-demo-secret-key-not-a-real-secret' } });
    await ec2.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: SVC_ID, VpcEndpointIds: [rpe.endpointId] }));
    emu.world.clock.advance(emu.world.timings.update);
    await vscode.commands.executeCommand('clickpipes.clickhouse.refresh');
    const ready = await until('Ready after acceptance', async () =>
      (await snapshot()).find((r) => r.label === 'suite nlb' && /Ready/.test(r.description ?? '')));
    assert.equal(ready.icon, 'pass-filled');
  });

  it('deletes without leaving the node behind (Deleting → gone)', async () => {
    const list = (await vscode.commands.executeCommand<any[]>('clickpipes.clickhouse.debug.endpoints', DEMO_CH_SERVICE_US))!;
    const rpe = list.find((r) => r.description === 'suite orders db');
    const node = { kind: 'rpe', org: usService.org, service: usService.service, rpe };
    assert.equal(await vscode.commands.executeCommand('clickpipes.clickhouse.deleteEndpoint', node, { confirm: false }), true);
    await until('Deleting', async () => (await snapshot()).find((r) => r.label === 'suite orders db' && /Deleting/.test(r.description ?? '')));
    emu.world.clock.advance(emu.world.timings.delete);
    await until('gone', async () => ((await snapshot()).some((r) => r.label === 'suite orders db') ? undefined : true), 20_000);
  });

  it('offers the endpoint after an AWS plan: the body comes from the plan results, the same-region service first', async () => {
    const rcfg = 'rcfg-0fedcba9876543210';
    const share = 'arn:aws:ram:us-east-1:123456789012:resource-share/11111111-2222-4333-8444-555555555555';
    const plan = {
      schemaVersion: 1, id: 'suite-plan', kind: 'vpcResource', title: 'orders-db', profile: 'clickpipes-demo', region: 'us-east-1',
      createdAt: '2026-11-23T00:00:00Z', steps: [], warnings: [],
      results: { 'Resource configuration ID': '${steps.configuration.id}', 'Resource share ARN': '${steps.share.arn}' },
    };
    const outputs = { configuration: { id: rcfg }, share: { arn: share } };
    const offered = vscode.commands.executeCommand<vscode.TextDocument | undefined>('clickpipes.clickhouse.createFromPlan', plan, outputs, { ask: false });
    // The service picker is a QuickPick: accept its first item (us-east-1 ranks first for a us-east-1 endpoint).
    let doc: vscode.TextDocument | undefined;
    const end = Date.now() + 15_000;
    while (!doc && Date.now() < end) {
      await sleep(300);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      doc = await Promise.race([offered, sleep(200).then(() => undefined)]);
    }
    assert.ok(doc, 'the plan tab opened');
    assert.deepEqual(reviewedBody(doc), {
      description: 'ClickPipes VPC_RESOURCE — orders-db', type: 'VPC_RESOURCE', vpcResourceConfigurationId: rcfg, vpcResourceShareArn: share,
    });
    const planId = JSON.parse(doc.getText()).id;
    assert.ok(await plans.store.exists(planId), 'the plan is in the plan store, applied like any other');
  });

  it('shows a rejected key as an error node that leads to sign-in', async () => {
    await vscode.commands.executeCommand('clickpipes.clickhouse.signIn', { keyId: DEMO_CH_KEY_ID, keySecret: WRONG_SECRET, verify: false });
    const rows = await until('the error node', async () => {
      const r = await snapshot();
      return r.length === 1 && /rejected/.test(r[0].label) ? r : undefined;
    });
    assert.equal(rows[0].label, 'The ClickHouse Cloud API key was rejected (401). Sign in again.');
    assert.match(rows[0].contextValue ?? '', /\bsignIn\b/);
  });

  it('never writes the key secret to a log', async () => {
    const files = await logFiles();
    assert.ok(files.length > 0, `no log files found under ${await vscode.commands.executeCommand('clickpipes.clickhouse.debug.logDir')}`);
    const ours = files.filter((f) => /ClickPipes PrivateLink/.test(f));
    console.log(`[clickhouse suite] scanned ${files.length} log files (${ours.length} of this extension)`);
    // The extension's own channel must exist and show the sign-in, or this check proves nothing.
    assert.ok(ours.length > 0, `no "ClickPipes PrivateLink" log among ${files.join(', ')}`);
    assert.ok(ours.some((f) => fs.readFileSync(f, 'utf8').includes(`signed in with API key id …${DEMO_CH_KEY_ID.slice(-4)}`)), 'the sign-in was logged');
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      assert.ok(!text.includes(DEMO_CH_KEY_SECRET), `${f} contains the API key secret`);
      assert.ok(!text.includes(WRONG_SECRET), `${f} contains a rejected secret`);
      assert.ok(!text.includes(Buffer.from(`${DEMO_CH_KEY_ID}:${DEMO_CH_KEY_SECRET}`).toString('base64')), `${f} contains the Basic auth header`);
    }
  });
});

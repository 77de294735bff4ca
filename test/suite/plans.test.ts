// The plan spine inside the real extension host, against the emulator (demo scenario): the
// VPC-resource form (webview host, validated messages), the review tabs with diagnostics, a
// blocked invalid edit, apply with the confirmation (replaced by a recorder), the result view's
// copy, and an interrupted apply resumed without duplicates.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { PlansTestApi } from '../../src/commands/plans';
import type { VpcResourceForm } from '../../src/model/forms';
import type { VpcDetails, VpcResourceInit } from '../../src/webviews/protocol';
import type { WebviewHost } from '../../src/webviews/panelHost';
import { activateExtension, control, counts, EXTENSION_ID, planDocs, plansTestApi, PROFILE, requireEmulator, resetToDemo, submitForm, waitFor } from './emulatorHost';

const SCOPE = { profile: PROFILE, region: 'us-east-1' };


describe('plans (extension host, emulator): form → review → apply → result', function () {
  this.timeout(90_000);
  let api: PlansTestApi;
  const confirmations: { message: string; detail: string }[] = [];

  before(async function () {
    requireEmulator();
    await resetToDemo({ instantChanges: true });
    await activateExtension();
    api = await plansTestApi((message, detail) => confirmations.push({ message, detail }));
  });

  async function openFrom(node: unknown): Promise<{ host: WebviewHost; init: VpcResourceInit }> {
    api.hosts.get('clickpipes.form.vpcResource')?.dispose();
    await vscode.commands.executeCommand('clickpipes.createVpcResourceEndpoint', node);
    const host = await waitFor('the form panel', () => api.hosts.get('clickpipes.form.vpcResource'));
    await waitFor('the webview ready handshake', () => host.isReady);
    const init = (await waitFor('the init message', () => host.sent.find((m) => m.method === 'vpcResource/init')))!.params as VpcResourceInit;
    return { host, init };
  }

  // Leave no webview half-loaded behind (a page torn down mid-load aborts its script request).
  after(async () => {
    for (const host of [...api?.hosts.values() ?? []]) {
      await waitFor('webview ready before closing', () => host.isReady, 10_000).catch(() => undefined);
      host.dispose();
    }
  });

  /** Opens the form from a region node and picks real values from what the host sent the page. */
  async function openForm(name: string): Promise<{ host: WebviewHost; values: VpcResourceForm; init: VpcResourceInit }> {
    const { host, init } = await openFrom({ type: 'region', scope: SCOPE });
    const vpc = init.vpcs.find((v) => v.label.startsWith('prod-data'))!;
    const requestId = `r${Date.now() % 100000}`;
    await host.receive({ id: requestId, method: 'vpcResource/loadVpc', params: { vpcId: vpc.id } });
    const reply = host.sent.find((m) => m.id === requestId)!.params as { ok: boolean; result: VpcDetails };
    assert.ok(reply.ok);
    const subnets = reply.result.subnets.filter((s) => s.freeSlash28 !== 'no').slice(0, 2).map((s) => s.id);
    const db = init.databases.find((d) => d.label.includes('orders-aurora-pg'))!;
    return {
      host, init,
      values: {
        gatewayMode: 'new', gatewayName: `${name}-gateway`, vpcId: vpc.id, subnetIds: subnets, securityGroupIds: [reply.result.securityGroups[0].value], ipAddressType: 'IPV4',
        configurationName: `${name}-config`, configurationType: 'ARN', definitionKind: 'arn', arn: db.arn, shareName: `${name}-share`, allowExternalPrincipals: true,
      },
    };
  }

  const submit = (host: WebviewHost, values: VpcResourceForm) => submitForm(host, 'vpcResource/submit', values);

  it('the form rejects malformed messages and field errors, and a valid submit opens the review tabs', async () => {
    const { host, values, init } = await openForm('suite');
    assert.strictEqual(init.clickpipesAccount, '072088201116');
    assert.ok(init.databases.some((d) => d.publiclyAccessible), 'the public database is listed (and refused)');
    const rejectedBefore = host.rejected;
    await host.receive({ method: 'vpcResource/submit', params: { values: { ...values, configurationType: 'CIDR' } } });
    await host.receive({ method: 'vscode/runCommand', params: { id: 'workbench.action.quit' } });
    await host.receive('core/ready');
    assert.strictEqual(host.rejected - rejectedBefore, 3);

    const tabsBefore = planDocs().length;
    const publicDb = init.databases.find((d) => d.publiclyAccessible)!;
    await control('DELETE', 'log');
    const bad: Partial<VpcResourceForm>[] = [
      { gatewayName: 'rgw-reserved' }, { configurationName: 'x' }, { shareName: '' }, { subnetIds: [] }, { securityGroupIds: ['sg-1', 'sg-2', 'sg-3', 'sg-4', 'sg-5', 'sg-6'] },
      { vpcId: 'vpc-nothex' }, { arn: 'arn:aws:s3:::bucket' }, { configurationType: 'SINGLE', definitionKind: 'ip', ipAddress: '192.168.1.1', portRanges: ['5432'] },
      { configurationType: 'SINGLE', definitionKind: 'dns', domainName: 'not a name', portRanges: ['5432'] }, { configurationType: 'GROUP', portRanges: ['70000'] },
      { configurationType: 'CHILD', groupId: 'nope', definitionKind: 'ip', ipAddress: '10.0.0.9', portRanges: ['5432'] },
    ];
    for (const change of bad) {
      const before = host.sent.filter((m) => m.method === 'form/errors').length;
      await host.receive({ method: 'vpcResource/submit', params: { values: { ...values, ...change } } });
      assert.strictEqual(host.sent.filter((m) => m.method === 'form/errors').length, before + 1, `errors for ${JSON.stringify(change)}`);
    }
    assert.deepStrictEqual(await counts(), {}, 'bad input makes no AWS call');
    await host.receive({ method: 'vpcResource/submit', params: { values: { ...values, arn: publicDb.arn, gatewayName: 'Bad Name' } } });
    const errors = host.sent.filter((m) => m.method === 'form/errors').pop()!.params as { errors: Record<string, string> };
    assert.match(errors.errors.arn, /publicly accessible/);
    assert.ok(errors.errors.gatewayName);
    assert.strictEqual(planDocs().length, tabsBefore, 'an invalid form opens no plan');

    const doc = await submit(host, values);
    const plan = JSON.parse(doc.getText());
    assert.deepStrictEqual(plan.steps.map((s: { id: string }) => s.id), ['gateway', 'configuration', 'share']);
    const names = planDocs().filter((d) => d.uri.path.startsWith(`/${plan.id}/`)).map((d) => d.uri.path.split('/').pop());
    assert.ok(names.includes('commands.sh'), `review tabs: ${names.join(', ')}`);
    const script = planDocs().find((d) => d.uri.path === `/${plan.id}/commands.sh`)!.getText();
    assert.match(script, /aws vpc-lattice create-resource-gateway/);
    assert.match(script, /aws ram create-resource-share/);
    assert.match(script, /072088201116/);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
    assert.ok(host.sent.some((m) => m.method === 'form/submitted'));

    // Hover on a reference explains where its value comes from.
    const at = doc.positionAt(doc.getText().indexOf('${steps.configuration.arn}') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const hoverText = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /Output \*\*arn\*\* of step \*\*configuration\*\*/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(lenses?.some((l) => /Apply plan \(3 changes in us-east-1\)/.test(l.command?.title ?? '')), `lenses: ${lenses?.map((l) => l.command?.title).join(' | ')}`);
  });

  it('an invalid edit shows diagnostics and blocks apply; the fixed plan applies and the result view copies the ID', async () => {
    const { host, values } = await openForm('edited');
    const doc = await submit(host, values);
    const plan = JSON.parse(doc.getText());
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(original.length)), original.replace('${steps.configuration.arn}', '${steps.configuraton.arn}')));
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
      return d.length ? d : undefined;
    });
    assert.match(diags[0].message, /unknown step "configuraton"/);
    // The explorer shows the region (as a user would have it open), so apply can refresh it.
    const explorer = (vscode.extensions.getExtension(EXTENSION_ID)!.exports as { explorer: { getChildren(n?: unknown): Promise<any[]>; findNode(key: string): unknown } }).explorer;
    const profileNode = (await explorer.getChildren()).find((n) => n.type === 'profile' && n.profile === PROFILE);
    const regionNode = (await explorer.getChildren(profileNode)).find((n) => n.type === 'region' && n.scope.region === SCOPE.region);
    for (const g of await explorer.getChildren(regionNode)) await explorer.getChildren(g);
    await control('DELETE', 'log');
    const blocked = await vscode.commands.executeCommand('clickpipes.applyPlan', doc.uri);
    assert.strictEqual(blocked, undefined);
    assert.deepStrictEqual(await counts(), {}, 'nothing was called');

    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original.replace('"edited-share"', '"edited-share-renamed"')));
    const outcome = await vscode.commands.executeCommand<{ status: string; results: { label: string; value: string }[] }>('clickpipes.applyPlan', doc.uri);
    assert.ok(outcome);
    assert.strictEqual(outcome.status, 'succeeded');
    const confirmation = confirmations.pop()!;
    assert.match(confirmation.message, /account 123456789012 \(us-east-1\)/);
    assert.match(confirmation.detail, /vpc-lattice CreateResourceGateway/);
    assert.match(confirmation.detail, /ram CreateResourceShare/);
    const c = await counts();
    assert.strictEqual(c['ram:CreateResourceShare'], 1);
    const shares = (await control('GET', 'log')).entries.filter((e: { operation: string }) => e.operation === 'CreateResourceShare');
    assert.strictEqual(shares.length, 1);

    const configId = outcome.results.find((r) => r.label === 'Resource configuration ID')!.value;
    assert.match(configId, /^rcfg-/);
    const result = await waitFor('the result view', () => api.results.current.host?.isReady && api.results.current.host);
    assert.strictEqual(api.results.current.state?.status, 'succeeded');
    // Each thing made, by kind and in its settled state (not the create call's PENDING).
    const made = Object.fromEntries(api.results.current.state!.created.map((c) => [c.title.split(' ').slice(0, 2).join(' '), c.state]));
    assert.deepStrictEqual(made, { 'Resource gateway': 'ACTIVE', 'Resource configuration': 'ACTIVE', 'RAM resource': 'ACTIVE' });
    await result.receive({ method: 'result/copy', params: { label: 'Resource configuration ID', value: configId } });
    assert.strictEqual(await vscode.env.clipboard.readText(), configId);

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(lenses?.some((l) => /Applied/.test(l.command?.title ?? '')), `lenses: ${lenses?.map((l) => l.command?.title).join(' | ')}`);
    // The explorer was refreshed and shows the new configuration.
    await waitFor('the new configuration in the explorer', () => explorer.findNode(configId));
    // Applying the finished plan again calls nothing and asks nothing.
    const asked = confirmations.length;
    await control('DELETE', 'log');
    const again = await vscode.commands.executeCommand<{ status: string; results: unknown[] }>('clickpipes.applyPlan', doc.uri);
    assert.strictEqual(again?.status, 'succeeded');
    assert.deepStrictEqual(again.results, outcome.results);
    assert.strictEqual(confirmations.length, asked);
    const calls = Object.keys(await counts()).filter((k) => !/^sts:/.test(k));
    assert.deepStrictEqual(calls.filter((k) => /Create/.test(k)), []);
    void plan;
  });

  it('opened from a database node the form presets the ARN; from a public one it refuses it', async () => {
    const { init: regionInit } = await openFrom({ type: 'region', scope: SCOPE });
    const privateDb = regionInit.databases.find((d) => d.label.includes('orders-aurora-pg'))!;
    const publicDb = regionInit.databases.find((d) => d.publiclyAccessible)!;
    const fromDb = await openFrom({ type: 'database', scope: SCOPE, resource: { id: 'orders-aurora-pg', arn: privateDb.arn, publiclyAccessible: false } });
    assert.strictEqual(fromDb.init.preset.arn, privateDb.arn);
    assert.strictEqual(fromDb.init.preset.configurationType, 'ARN');
    const fromPublic = await openFrom({ type: 'database', scope: SCOPE, resource: { id: 'public-aurora-pg', arn: publicDb.arn, publiclyAccessible: true } });
    assert.strictEqual(fromPublic.init.preset.arn, undefined);
    assert.match(fromPublic.init.loadError ?? '', /publicly accessible/);
    const gw = await openFrom({ type: 'resourceGateway', scope: SCOPE, resource: { id: 'rgw-0123456789abcdefg', name: 'existing' } });
    assert.strictEqual(gw.init.preset.gatewayMode, 'existing');
  });

  it('signed in to ClickHouse Cloud, the form also creates the ClickPipes endpoint: one apply from nothing to a Ready endpoint', async () => {
    const setting = 'clickpipes.clickhouse.apiUrl';
    const previousUrl = vscode.workspace.getConfiguration().inspect<string>(setting)?.globalValue;
    await vscode.workspace.getConfiguration().update(setting, requireEmulator(), vscode.ConfigurationTarget.Global);
    try {
      // Signed out: the option is not offered.
      await vscode.commands.executeCommand('clickpipes.clickhouse.signOut');
      const signedOut = await openForm('nochoice');
      await waitFor('the init message', () => signedOut.host.sent.some((m) => m.method === 'vpcResource/init'));
      assert.ok(!signedOut.host.sent.some((m) => m.method === 'form/clickhouseServices'), 'no ClickHouse option while signed out');

      assert.strictEqual(await vscode.commands.executeCommand('clickpipes.clickhouse.signIn', { keyId: 'demo-key-id', keySecret: 'demo-key-secret' }), true);
      const { host, values } = await openForm('together');
      const offered = await waitFor('the ClickHouse services', () => host.sent.find((m) => m.method === 'form/clickhouseServices'));
      const services = (offered.params as { services: { value: string; label: string }[] }).services;
      assert.match(services[0].label, /^orders-analytics \(us-east-1\) — /, 'the service in the form\'s region comes first');
      await host.receive({ method: 'form/clickhouseTarget', params: { service: services[0].value } });
      const doc = await submit(host, values);
      const plan = JSON.parse(doc.getText());
      assert.deepStrictEqual(plan.steps.map((s: { id: string; service: string }) => `${s.id}:${s.service}`),
        ['gateway:vpc-lattice', 'configuration:vpc-lattice', 'share:ram', 'endpoint:clickhouse']);
      assert.strictEqual(plan.steps[3].input.body.vpcResourceConfigurationId, '${steps.configuration.id}');
      assert.strictEqual(plan.steps[3].input.body.vpcResourceShareArn, '${steps.share.arn}');
      assert.ok(!doc.getText().includes('demo-key-secret'), 'no API key in the plan');

      await control('DELETE', 'log');
      const outcome = await vscode.commands.executeCommand<{ status: string; results: { label: string; value: string }[]; failure?: unknown }>('clickpipes.applyPlan', doc.uri);
      assert.strictEqual(outcome?.status, 'succeeded', JSON.stringify(outcome?.failure));
      const confirmation = confirmations.pop()!;
      assert.match(confirmation.message, /account 123456789012 \(us-east-1\)/);
      assert.match(confirmation.detail, /ClickHouse Cloud organization \/ service: .+ \/ orders-analytics \(us-east-1\)/);
      assert.match(confirmation.detail, /These calls change your ClickHouse Cloud service:\n4\. clickhouse CreateReversePrivateEndpoint/);
      const c = await counts();
      assert.strictEqual(c['clickhouse:CreateReversePrivateEndpoint'], 1);
      const results = Object.fromEntries(outcome.results.map((r) => [r.label, r.value]));
      assert.match(results['DNS name'], /\.vpc-lattice-rsc\.us-east-1\.on\.aws$/);
      assert.strictEqual(results['Endpoint status'], 'Ready');
      await waitFor('the result view', () => api.results.current.state?.results.some((r) => r.label === 'DNS name'));
      const journal = await api.journals.load(plan.id);
      assert.ok(!JSON.stringify(journal).includes('demo-key-secret'), 'no API key in the journal');
    } finally {
      await vscode.commands.executeCommand('clickpipes.clickhouse.signOut');
      await vscode.workspace.getConfiguration().update(setting, previousUrl, vscode.ConfigurationTarget.Global);
    }
  });

  it('an apply interrupted by an AWS error resumes from the journal without duplicates', async () => {
    const { host, values } = await openForm('resumed');
    const doc = await submit(host, values);
    await control('DELETE', 'log');
    await control('POST', 'faults', { faults: [{ service: 'ram', operation: 'CreateResourceShare', accessDenied: true, times: 1 }] });
    const first = await vscode.commands.executeCommand<{ status: string; created: { stepId: string }[]; failure?: { error: { text: string } } }>('clickpipes.applyPlan', doc.uri);
    assert.strictEqual(first?.status, 'failed');
    assert.match(first.failure!.error.text, /denied/);
    assert.deepStrictEqual(first.created.map((x) => x.stepId), ['gateway', 'configuration']);
    assert.strictEqual(api.results.current.state?.status, 'failed');
    const ext = await activateExtension();
    await waitFor('the unfinished-plans status item', () => ext.unfinishedPlans.count() >= 1);
    const unfinished = ext.unfinishedPlans.count();
    const second = await vscode.commands.executeCommand<{ status: string }>('clickpipes.applyPlan', doc.uri);
    assert.strictEqual(second?.status, 'succeeded');
    assert.match(confirmations.pop()!.message, /^Resume applying/);
    const c = await counts();
    assert.strictEqual(c['vpc-lattice:CreateResourceGateway'], 1);
    assert.strictEqual(c['vpc-lattice:CreateResourceConfiguration'], 1);
    assert.strictEqual(c['ram:CreateResourceShare'], 2, 'denied once, then sent again');
    const journal = await api.journals.load(JSON.parse(doc.getText()).id);
    assert.ok(journal?.finishedAt);
    await waitFor('one unfinished plan fewer', () => ext.unfinishedPlans.count() === unfinished - 1);
  });
});

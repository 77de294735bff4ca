// MSK multi-VPC inside the real extension host, against the emulator (demo scenario): the form
// opened from the orders-events cluster node (prerequisites sent to the page, a refused cluster
// and a malformed message), submit → review tabs + the policy diff editor, apply (confirmation
// recorded) → multi-VPC on, brokers in the results, the explorer refreshed and the cluster's
// readiness green; then the teardown command from the same node.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ClickPipesTestApi } from '../../src/extension';
import { worstLevel } from '../../src/model/readiness';
import type { PlansTestApi } from '../../src/commands/plans';
import { runMskMultiVpcStepByStep } from '../../src/commands/stepByStep/mskMultiVpc';
import { BACK, type PickItem, type Prompter, type StepIo } from '../../src/commands/stepByStep/steps';
import type { MskMultiVpcInit } from '../../src/webviews/mskProtocol';
import type { WebviewHost } from '../../src/webviews/panelHost';
import type { ExplorerNode } from '../../src/views/explorer/nodes';
import { readinessOf } from '../../src/views/explorer/readiness';
import { activateExtension, bundledAwsLayer, childNode, EXTENSION_ID, planDocOf, planDocs, plansTestApi, PROFILE, requireEmulator, resetToDemo, submitForm, waitFor } from './emulatorHost';

const VIEW = 'clickpipes.form.mskMultiVpc';

const diffTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff);

describe('MSK multi-VPC (extension host, emulator): form → review with policy diff → apply → tree green → teardown', function () {
  this.timeout(120_000);
  let plans: PlansTestApi;
  let explorer: ClickPipesTestApi['explorer'];
  const confirmations: string[] = [];

  const child = (parent: ExplorerNode | undefined, name: string) => childNode(explorer, parent, name);
  const clusterNode = async (name: string) => child(await child(await child(await child(undefined, PROFILE), 'us-east-1'), 'MSK clusters'), name);

  before(async function () {
    requireEmulator();
    await resetToDemo({ instantChanges: true });
    explorer = (await activateExtension()).explorer;
    plans = await plansTestApi((message, detail) => confirmations.push(`${message}\n${detail}`));
    await vscode.commands.executeCommand('workbench.view.extension.clickpipes');
    await explorer.refresh();
  });

  after(() => plans?.hosts.get(VIEW)?.dispose());

  async function openFrom(node: unknown): Promise<{ host: WebviewHost; init: MskMultiVpcInit }> {
    plans.hosts.get(VIEW)?.dispose();
    await vscode.commands.executeCommand('clickpipes.createMskMultiVpcEndpoint', node);
    const host = await waitFor('the form panel', () => plans.hosts.get(VIEW));
    await waitFor('the webview ready handshake', () => host.isReady);
    const init = (await waitFor('the init message', () => host.sent.find((m) => m.method === 'mskMultiVpc/init')))!.params as MskMultiVpcInit;
    return { host, init };
  }

  it('applies from the cluster node: diff of the old and new policy, multi-VPC on, brokers, the tree turns green', async () => {
    const node = await clusterNode('orders-events');
    assert.strictEqual(worstLevel(readinessOf(node, explorer.model)), 'warning', 'multi-VPC is off before');
    const { host, init } = await openFrom(node);
    const orders = init.clusters.find((c) => c.name === 'orders-events')!;
    assert.strictEqual(init.preset.clusterArn, orders.arn);
    assert.deepStrictEqual(init.preset.auth, { iam: true, scram: false, tls: false });
    assert.ok(orders.prerequisites.every((p) => p.ok));
    const tiny = init.clusters.find((c) => c.name === 'dev-sandbox')!;
    assert.deepStrictEqual(tiny.prerequisites.filter((p) => !p.ok).map((p) => p.id), ['instanceType']);

    // A refused cluster and a malformed message: errors / rejection, no plan.
    const tabsBefore = planDocs().length;
    await host.receive({ method: 'mskMultiVpc/submit', params: { values: { clusterArn: tiny.arn, auth: { iam: true, scram: false } } } });
    const errors = host.sent.filter((m) => m.method === 'form/errors').pop()!.params as { errors: Record<string, string> };
    assert.match(errors.errors.clusterArn, /kafka\.t3\.small/);
    const rejected = host.rejected;
    await host.receive({ method: 'mskMultiVpc/submit', params: { values: { clusterArn: orders.arn, auth: { iam: 'yes' } } } });
    assert.strictEqual(host.rejected, rejected + 1);
    assert.strictEqual(planDocs().length, tabsBefore);

    const doc = await submitForm(host, 'mskMultiVpc/submit', { clusterArn: orders.arn, auth: { iam: true, scram: false, tls: false } });
    const plan = JSON.parse(doc.getText());
    assert.deepStrictEqual(plan.steps.map((s: { operation: string }) => s.operation), ['UpdateConnectivity', 'PutClusterPolicy', 'GetBootstrapBrokers']);
    const diff = await waitFor('the policy diff editor', () => diffTabs().find((t) => (t.input as vscode.TabInputTextDiff).modified.path === `/${plan.id}/cluster-policy.json`));
    assert.strictEqual((diff.input as vscode.TabInputTextDiff).original.path, '/no-cluster-policy.json', 'orders-events has no policy yet');

    const outcome = await vscode.commands.executeCommand<{ status: string; results: { label: string; value: string }[] }>('clickpipes.applyPlan', doc.uri);
    assert.strictEqual(outcome?.status, 'succeeded', JSON.stringify(outcome));
    assert.match(confirmations.pop() ?? '', /account 123456789012 \(us-east-1\)[\s\S]*kafka UpdateConnectivity[\s\S]*kafka PutClusterPolicy/);
    const results = Object.fromEntries(outcome.results.map((r) => [r.label, r.value]));
    assert.strictEqual(results['MSK cluster ARN'], orders.arn);
    assert.strictEqual(results.Authentication, 'SASL_IAM');
    assert.match(results['Bootstrap brokers (SASL/IAM)'], /:14001,/);

    // The apply refreshes the region: the reloaded cluster node has multi-VPC on and no warning.
    await waitFor('the refreshed, green cluster node', async () => {
      const fresh = await clusterNode('orders-events');
      return fresh.type === 'mskCluster' && fresh.resource.multiVpc.iam && worstLevel(readinessOf(fresh, explorer.model)) === 'ok';
    });
  });

  it('teardown from the cluster node: a reviewed plan deletes the ClickPipes-only policy; a second run has nothing to do', async () => {
    const node = await clusterNode('orders-events');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('clickpipes.removeClickPipesFromMskCluster', node);
    assert.ok(uri, 'a plan was opened for review');
    const plan = JSON.parse((await vscode.workspace.openTextDocument(uri)).getText());
    assert.deepStrictEqual(plan.steps.map((s: { operation: string }) => s.operation), ['DeleteClusterPolicy']);
    await waitFor('the policy diff editor', () => diffTabs().find((t) => (t.input as vscode.TabInputTextDiff).original.path === `/${plan.id}/cluster-policy.current.json`));
    const outcome = await vscode.commands.executeCommand<{ status: string }>('clickpipes.applyPlan', uri);
    assert.strictEqual(outcome?.status, 'succeeded');
    assert.match(confirmations.pop() ?? '', /account 123456789012 \(us-east-1\)[\s\S]*kafka DeleteClusterPolicy/);
    const again = await vscode.commands.executeCommand('clickpipes.removeClickPipesFromMskCluster', await clusterNode('orders-events'));
    assert.strictEqual(again, undefined, 'no policy left: nothing to review');
  });

  it('the step-by-step QuickPick from the node: multi-VPC already on → only the policy step, applied', async () => {
    const node = await clusterNode('orders-events');
    const running = vscode.commands.executeCommand<vscode.Uri | undefined>('clickpipes.createMskMultiVpcEndpointQuick', node);
    // Step 1 has the node's cluster active, step 2 the auth types preselected: Enter twice.
    for (let step = 0; step < 2; step++) {
      await new Promise((r) => setTimeout(r, 1500));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const uri = await running;
    assert.ok(uri, 'the QuickPick opened a plan');
    const doc = await planDocOf(uri);
    const plan = JSON.parse(doc.getText());
    assert.deepStrictEqual(plan.steps.map((s: { operation: string }) => s.operation), ['PutClusterPolicy', 'GetBootstrapBrokers'], 'UpdateConnectivity skipped: SASL/IAM is already on');
    const outcome = await vscode.commands.executeCommand<{ status: string; results: { label: string; value: string }[] }>('clickpipes.applyPlan', doc.uri);
    assert.strictEqual(outcome?.status, 'succeeded', JSON.stringify(outcome));
    assert.ok(outcome.results.some((r) => r.label === 'Bootstrap brokers (SASL/IAM)' && /:14001/.test(r.value)));
  });

  it('the QuickPick, scripted: a refused cluster is explained and asked again, Back works, the auth validator refuses nothing chosen', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const layer = bundledAwsLayer();
    const asked: string[] = [];
    let clusterAnswers = 0;
    let authAnswers = 0;
    const pickOne = async <T>(io: StepIo, placeholder: string, items: PickItem<T>[]): Promise<T | typeof BACK | undefined> => {
      asked.push(`${io.step}/${io.total} ${placeholder}`);
      // IAM and SCRAM both on: the flow asks which one ClickPipes connects with.
      if (placeholder === 'ClickPipes connects with') {
        assert.deepStrictEqual(items.map((i) => i.label), ['SASL_IAM', 'SASL_SCRAM']);
        return items.find((i) => i.label === 'SASL_SCRAM')!.value;
      }
      assert.match(placeholder, /^MSK cluster/);
      clusterAnswers++;
      const legacy = items.find((i) => i.label.endsWith('legacy-logs'))!;
      assert.match(legacy.label, /^\$\(error\)/);
      assert.match(legacy.detail ?? '', /older than 2\.7\.1/);
      // First a refused cluster (explained, asked again), then orders-events.
      return (clusterAnswers === 1 ? legacy : items.find((i) => i.label === 'orders-events')!).value;
    };
    const pickMany = async <T>(io: StepIo, placeholder: string, items: PickItem<T>[], selected: T[], validate: (v: T[]) => string | undefined): Promise<T[] | typeof BACK | undefined> => {
      asked.push(`${io.step}/${io.total} ${placeholder}`);
      authAnswers++;
      if (authAnswers === 1) return BACK; // back to the cluster question, then forward again
      assert.deepStrictEqual(items.map((i) => i.label), ['SASL/IAM', 'SASL/SCRAM'], 'only the types enabled on the cluster');
      assert.deepStrictEqual(selected, ['iam'], 'SASL/IAM preselected (already on)');
      assert.match(validate([]) ?? '', /choose SASL\/IAM or SASL\/SCRAM/);
      return ['scram' as unknown as T];
    };
    const prompter: Prompter = { pickOne: pickOne as Prompter['pickOne'], pickMany: pickMany as Prompter['pickMany'], inputText: async () => undefined };
    try {
      const uri = await runMskMultiVpcStepByStep({
        deps: { aws: () => layer, log: { info: () => undefined, warn: () => undefined, error: () => undefined } },
        extensionUri: ext.extensionUri, scope: { profile: PROFILE, region: 'us-east-1' }, node: undefined, review: plans.openReview,
      }, prompter);
      assert.ok(uri, `no plan; asked: ${asked.join(' | ')}`);
      assert.strictEqual(clusterAnswers, 3, 'refused once, asked again, and again after Back');
      const plan = JSON.parse((await vscode.workspace.openTextDocument(uri)).getText());
      const connectivity = plan.steps.find((s: { operation: string }) => s.operation === 'UpdateConnectivity');
      assert.deepStrictEqual(connectivity.input.ConnectivityInfo.VpcConnectivity.ClientAuthentication.Sasl, { Iam: { Enabled: true }, Scram: { Enabled: true } }, 'IAM stays on, SCRAM added');
      assert.strictEqual(plan.results.Authentication, 'SASL_SCRAM', 'the answer to "ClickPipes connects with", not SASL_IAM by default');
      assert.ok(asked.some((a) => a.endsWith('ClickPipes connects with')), asked.join(' | '));
    } finally {
      layer.dispose();
    }
  });
});

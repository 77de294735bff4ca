// The connectivity doctor inside the real extension host, against the emulator's demo: Diagnose on
// the crm-postgres configuration (whose database security group shuts out the gateway) → the report
// tab says so → its CodeLens builds the ingress-rule plan and opens the review → apply → diagnose
// again → green.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ClickPipesTestApi } from '../../src/extension';
import { overall, type Report } from '../../src/model/doctor/types';
import type { Plan } from '../../src/model/plan';
import type { ExplorerNode } from '../../src/views/explorer/nodes';
import { activateExtension, planDocs, plansTestApi, PROFILE, requireEmulator, resetToDemo, waitFor } from './emulatorHost';

describe('connectivity doctor (extension host, emulator): diagnose → report → fix plan → apply → green', function () {
  this.timeout(90_000);
  let ext: ClickPipesTestApi;

  async function groupRows(group: string): Promise<ExplorerNode[]> {
    const profile = (await ext.explorer.getChildren()).find((n) => n.type === 'profile' && n.profile === PROFILE)!;
    const region = (await ext.explorer.getChildren(profile)).find((n) => n.type === 'region' && n.scope.region === 'us-east-1')!;
    const node = (await ext.explorer.getChildren(region)).find((n) => n.type === 'group' && n.group === group)!;
    return ext.explorer.getChildren(node);
  }
  async function configurationNode(name: string): Promise<ExplorerNode> {
    const found = (await groupRows('resourceConfigurations')).find((n) => n.type === 'resourceConfiguration' && n.resource.name === name);
    assert.ok(found, `configuration ${name} in the tree`);
    return found;
  }
  async function fixPlanFromReport(hopTitle: RegExp, pick?: () => Thenable<unknown>): Promise<Plan> {
    const doc = await waitFor('the report tab', () => vscode.window.activeTextEditor?.document.uri.scheme === 'clickpipes-doctor' && vscode.window.activeTextEditor.document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const fix = lenses.find((l) => l.command?.command === 'clickpipes.doctor.reviewFix' && hopTitle.test(l.command.title));
    assert.ok(fix?.command, `a CodeLens offers the fix plan for ${hopTitle}`);
    let plan: Plan | undefined;
    const built = Promise.resolve(vscode.commands.executeCommand<Plan>(fix.command.command, ...(fix.command.arguments ?? []))).then((p) => { plan = p; });
    // A fix that needs a choice asks in a QuickPick: answer it as a person would, with the keyboard.
    if (pick) await waitFor('the fix plan, once its QuickPick is answered', async () => { await pick(); return plan; });
    await built;
    assert.ok(plan, 'the fix built a plan');
    return plan;
  }
  const verdictOf = (reports: Report[], id: string) => reports[0].hops.find((h) => h.id === id)?.verdict;

  before(async () => {
    requireEmulator();
    await resetToDemo({ instantChanges: true });
    ext = await activateExtension();
    await ext.explorer.refresh();
    await plansTestApi(() => undefined);
  });

  it('finds the closed security group, and its fix plan applied turns the hop green', async () => {
    const node = await configurationNode('crm-postgres');
    const reports = await vscode.commands.executeCommand<Report[]>('clickpipes.diagnoseConnectivity', node);
    assert.strictEqual(verdictOf(reports, 'targetIngress'), 'fail');
    // The row shows the doctor's verdict: an error icon, the failing hop first in its tooltip.
    const row = await ext.explorer.treeItem(node);
    assert.strictEqual((row.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match((row.tooltip as vscode.MarkdownString).value, /Diagnosis: Target admits the gateway on port 5432/);
    const doc = await waitFor('the report tab', () => vscode.window.activeTextEditor?.document.uri.scheme === 'clickpipes-doctor' && vscode.window.activeTextEditor.document);
    assert.strictEqual(doc.languageId, 'markdown');
    assert.match(doc.getText(), /❌ \*\*Target admits the gateway on port 5432\*\* — fail/);

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const fix = lenses.find((l) => l.command?.command === 'clickpipes.doctor.reviewFix');
    assert.ok(fix?.command, 'a CodeLens offers the fix plan');
    assert.match(fix.command.title, /Target admits the gateway/);
    const plan = await vscode.commands.executeCommand<Plan>(fix.command.command, ...(fix.command.arguments ?? []));
    assert.deepStrictEqual(plan.steps.map((s) => s.operation), ['AuthorizeSecurityGroupIngress']);
    const review = await waitFor('the plan tab', () => planDocs().find((d) => d.uri.path === `/${plan.id}/plan.json`));
    const outcome = await vscode.commands.executeCommand<{ status: string }>('clickpipes.applyPlan', review.uri);
    assert.strictEqual(outcome?.status, 'succeeded');

    const again = await vscode.commands.executeCommand<Report[]>('clickpipes.diagnoseConnectivity', node);
    assert.strictEqual(verdictOf(again, 'targetIngress'), 'pass');
    const expected = { fail: 'error', unknown: 'question', pass: 'verified-filled' }[overall(again.flatMap((r) => r.hops))];
    assert.strictEqual(((await ext.explorer.treeItem(node)).iconPath as vscode.ThemeIcon).id, expected, 'the row follows the new diagnosis');
  });

  it('SASL/SCRAM with no secret: the fix asks which AmazonMSK_ secret (only the usable one offered), associates it, and the hop turns green', async () => {
    const cluster = (await groupRows('mskClusters')).find((n) => n.type === 'mskCluster' && n.resource.name === 'orders-events');
    assert.ok(cluster?.type === 'mskCluster', 'orders-events in the tree');
    // A ClickHouse Cloud endpoint row of a SCRAM pipe on that cluster, as the ClickHouse view passes it.
    const rpeRow = { kind: 'rpe', rpe: { type: 'MSK_MULTI_VPC', mskClusterArn: cluster.resource.arn, mskAuthentication: 'SASL_SCRAM' } };
    const reports = await vscode.commands.executeCommand<Report[]>('clickpipes.diagnoseConnectivity', rpeRow);
    assert.strictEqual(verdictOf(reports, 'scramSecret'), 'fail');

    const plan = await fixPlanFromReport(/SASL\/SCRAM secret/, () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'));
    assert.deepStrictEqual(plan.steps.map((s) => s.operation), ['BatchAssociateScramSecret']);
    assert.deepStrictEqual((plan.steps[0].input as { SecretArnList: string[] }).SecretArnList.map((a) => a.split(':secret:')[1]?.replace(/-[A-Za-z0-9]{6}$/, '')), ['AmazonMSK_orders_clickpipes']);
    const review = await waitFor('the plan tab', () => planDocs().find((d) => d.uri.path === `/${plan.id}/plan.json`));
    const outcome = await vscode.commands.executeCommand<{ status: string }>('clickpipes.applyPlan', review.uri);
    assert.strictEqual(outcome?.status, 'succeeded');

    const again = await vscode.commands.executeCommand<Report[]>('clickpipes.diagnoseConnectivity', rpeRow);
    assert.strictEqual(verdictOf(again, 'scramSecret'), 'pass');
  });
});

// The VPC endpoint service flows inside the real extension host, against the emulator (demo
// scenario): the form from a region node (malformed messages dropped, the ALB refused at the field,
// a valid submit opens the review), apply with the confirmation recorded, the result view's copy,
// and the explorer refreshed with the new service green; the step-by-step QuickPick answered by a
// script (Prompter); then the node actions: Allow ClickPipes (readiness error → ok), Add ClickPipes
// region, accept / reject a connection, private DNS verification, and delete through the tree's
// Delete (live connections rejected first).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ClickPipesTestApi } from '../../src/extension';
import type { PlansTestApi } from '../../src/commands/plans';
import type { EndpointServiceUi } from '../../src/commands/endpointService';
import type { Confirmation } from '../../src/commands/endpointServiceActions';
import type { EndpointServiceForm } from '../../src/model/forms';
import type { EndpointServiceInit } from '../../src/webviews/endpointServiceProtocol';
import type { ExplorerNode } from '../../src/views/explorer/nodes';
import { readinessOf } from '../../src/views/explorer/readiness';
import { runEndpointServiceStepByStep } from '../../src/commands/stepByStep/endpointService';
import { BACK, type PickItem, type Prompter, type StepIo } from '../../src/commands/stepByStep/steps';
import { activateExtension, bundledAwsLayer, control, counts, EXTENSION_ID, planDocs, plansTestApi, PROFILE, requireEmulator, resetToDemo, submitForm, waitFor } from './emulatorHost';

const SCOPE = { profile: PROFILE, region: 'us-east-1' };
const CLICKPIPES = 'arn:aws:iam::072088201116:root';

type Outcome = { status: string; results: { label: string; value: string }[] };

describe('VPC endpoint service (extension host, emulator): form → review → apply, node actions', function () {
  this.timeout(90_000);
  let plans: PlansTestApi;
  let ext: ClickPipesTestApi;
  let ui: EndpointServiceUi;
  const planConfirmations: { message: string; detail: string }[] = [];
  const asked: Confirmation[] = [];
  let regionsToPick: string[] = [];

  /** The endpoint services as the explorer shows them now (walks profile → region → group). */
  async function serviceNodes(): Promise<ExplorerNode[]> {
    const profile = (await ext.explorer.getChildren()).find((n) => n.type === 'profile' && n.profile === PROFILE)!;
    const region = (await ext.explorer.getChildren(profile)).find((n) => n.type === 'region' && n.scope.region === SCOPE.region)!;
    const group = (await ext.explorer.getChildren(region)).find((n) => n.type === 'group' && n.group === 'endpointServices')!;
    return ext.explorer.getChildren(group);
  }
  const serviceNode = async (pred: (n: Extract<ExplorerNode, { type: 'endpointService' }>) => boolean) =>
    (await serviceNodes()).find((n): n is Extract<ExplorerNode, { type: 'endpointService' }> => n.type === 'endpointService' && pred(n));
  // Let the result view finish loading before the next apply replaces it: a webview torn down
  // mid-load aborts its resource requests, which the harness counts as leaving the machine.
  const resultViewLoaded = () => waitFor('the result view', () => plans.results.current.host?.isReady);
  const problems = (n: ExplorerNode) => readinessOf(n, ext.explorer.model).filter((f) => f.level !== 'ok');

  before(async function () {
    requireEmulator();
    await resetToDemo({ instantChanges: true });
    ext = await activateExtension();
    await ext.explorer.refresh();
    plans = await plansTestApi((message, detail) => planConfirmations.push({ message, detail }));
    ui = (await vscode.commands.executeCommand<EndpointServiceUi>('clickpipes.endpointService._testUi'))!;
    assert.ok(ui, 'the endpoint service test ui is registered outside production mode');
    ui.confirm = async (c) => {
      asked.push(c);
      return true;
    };
    ui.pickRegions = async () => regionsToPick;
    // The explorer shows the region (as a user would have it open), so applies can refresh it.
    await serviceNodes();
  });

  it('form: ALB refused, valid submit reviewed, apply creates the service; result copied; the explorer shows it green', async () => {
    plans.hosts.get('clickpipes.form.endpointService')?.dispose();
    await vscode.commands.executeCommand('clickpipes.createEndpointServiceEndpoint', { type: 'region', scope: SCOPE });
    const host = await waitFor('the form panel', () => plans.hosts.get('clickpipes.form.endpointService'));
    await waitFor('the webview ready handshake', () => host.isReady);
    const init = (await waitFor('the init message', () => host.sent.find((m) => m.method === 'endpointService/init')))!.params as EndpointServiceInit;
    assert.strictEqual(init.clickpipesPrincipal, CLICKPIPES);
    const alb = init.loadBalancers.find((o) => o.name === 'web-alb')!;
    assert.match(alb.disabledReason!, /Network Load Balancer/);
    // The demo's free NLB (the others already front a service, and an NLB fronts one only).
    const nlb = init.loadBalancers.find((o) => o.name === 'reports-nlb')!;

    const rejectedBefore = host.rejected;
    await host.receive({ method: 'endpointService/submit', params: { values: { mode: 'new', networkLoadBalancerArns: nlb.arn } } });
    await host.receive({ method: 'endpointService/submit', params: { values: { mode: 'new', networkLoadBalancerArns: [nlb.arn], sneaky: true } } });
    assert.strictEqual(host.rejected - rejectedBefore, 2);

    const tabsBefore = planDocs().length;
    await host.receive({ method: 'endpointService/submit', params: { values: { mode: 'new', networkLoadBalancerArns: [alb.arn], privateDnsName: 'bad_name.example.com' } } });
    const errors = (await waitFor('form errors', () => host.sent.filter((m) => m.method === 'form/errors').pop()))!.params as { errors: Record<string, string> };
    assert.match(errors.errors.networkLoadBalancerArns, /not an application or gateway load balancer/);
    assert.match(errors.errors.privateDnsName, /only letters, digits, hyphens and dots/);
    assert.strictEqual(planDocs().length, tabsBefore, 'an invalid form opens no plan');

    const values: EndpointServiceForm = { mode: 'new', networkLoadBalancerArns: [nlb.arn], acceptanceRequired: true, supportedRegions: ['eu-central-1'] };
    const doc = await submitForm(host, 'endpointService/submit', values);
    const plan = JSON.parse(doc.getText());
    assert.deepStrictEqual(plan.steps.map((s: { operation: string }) => s.operation), ['CreateVpcEndpointServiceConfiguration', 'ModifyVpcEndpointServicePermissions']);
    const script = planDocs().find((d) => d.uri.path === `/${plan.id}/commands.sh`)!.getText();
    assert.match(script, /aws ec2 create-vpc-endpoint-service-configuration/);
    assert.match(script, /072088201116/);

    await control('DELETE', 'log');
    const outcome = await vscode.commands.executeCommand<Outcome>('clickpipes.applyPlan', doc.uri);
    assert.strictEqual(outcome?.status, 'succeeded');
    const confirmation = planConfirmations.pop()!;
    assert.match(confirmation.message, /account 123456789012 \(us-east-1\)/);
    assert.match(confirmation.detail, /ec2 CreateVpcEndpointServiceConfiguration/);
    assert.match(confirmation.detail, /ec2 ModifyVpcEndpointServicePermissions/);
    assert.strictEqual((await counts())['ec2:CreateVpcEndpointServiceConfiguration'], 1);

    const name = outcome.results.find((r) => r.label === 'Service name')!.value;
    assert.match(name, /^com\.amazonaws\.vpce\.us-east-1\.vpce-svc-/);
    const result = await waitFor('the result view', () => plans.results.current.host?.isReady && plans.results.current.host);
    await result.receive({ method: 'result/copy', params: { label: 'Service name', value: name } });
    assert.strictEqual(await vscode.env.clipboard.readText(), name);

    // The apply refreshed the region: the new service is listed, Available, ClickPipes allowed, nothing to fix.
    const node = await waitFor('the new service in the explorer', () => serviceNode((n) => n.resource.name === name));
    assert.strictEqual(node.resource.state, 'Available');
    assert.deepStrictEqual(node.resource.allowedPrincipals, [CLICKPIPES]);
    assert.deepStrictEqual(problems(node), []);
  });

  it('the step-by-step QuickPick, scripted: ALB refused by the validator, Back works, the answers end in the review', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const layer = bundledAwsLayer();
    const asked: string[] = [];
    let dnsAnswers = 0;
    const pickOne = async <T>(io: StepIo, placeholder: string, items: PickItem<T>[]): Promise<T | typeof BACK | undefined> => {
      asked.push(`${io.step}/${io.total} ${placeholder}`);
      if (placeholder.startsWith('Must you accept')) return items.find((i) => i.label === 'Accept automatically')!.value;
      throw new Error(`unexpected pick: ${placeholder}`);
    };
    const pickMany = async <T>(io: StepIo, placeholder: string, items: PickItem<T>[], _selected: T[], validate: (v: T[]) => string | undefined): Promise<T[] | typeof BACK | undefined> => {
      asked.push(`${io.step}/${io.total} ${placeholder}`);
      if (placeholder.startsWith('Network Load Balancer')) {
        const alb = items.find((i) => i.label.includes('web-alb'))!;
        assert.match(alb.detail ?? '', /needs a Network Load Balancer/);
        assert.match(validate([alb.value]) ?? '', /Application Load Balancer/);
        assert.match(validate([]) ?? '', /at least one/);
        // An NLB already behind a service is refused with AWS's rule; the demo's other free one is
        // taken (the form test above put a service on reports-nlb).
        const used = items.find((i) => i.label.includes('kafka-nlb'))!;
        assert.match(validate([used.value]) ?? '', /single endpoint service/);
        return [items.find((i) => i.label === 'archive-nlb')!.value];
      }
      if (placeholder.startsWith('Supported regions')) {
        assert.ok(!items.some((i) => i.label === 'us-east-1'), 'the own region is not offered');
        return [items.find((i) => i.label === 'us-west-2')!.value];
      }
      throw new Error(`unexpected multi-pick: ${placeholder}`);
    };
    const inputText = async (io: StepIo, prompt: string, _value: string, validate: (v: string) => string | undefined): Promise<string | typeof BACK | undefined> => {
      asked.push(`${io.step}/${io.total} ${prompt}`);
      if (prompt.startsWith('Private DNS name')) {
        assert.match(validate('bad_name.example.com') ?? '', /only letters, digits, hyphens and dots/);
        assert.strictEqual(validate(''), undefined, 'optional');
        // The first time go Back to the acceptance question, then answer.
        return ++dnsAnswers === 1 ? BACK : 'kafka.db.example.com';
      }
      throw new Error(`unexpected input: ${prompt}`);
    };
    const prompter: Prompter = { pickOne: pickOne as Prompter['pickOne'], pickMany: pickMany as Prompter['pickMany'], inputText };
    try {
      const uri = await runEndpointServiceStepByStep({
        deps: { aws: () => layer, log: { info: () => undefined, warn: () => undefined, error: () => undefined } },
        extensionUri: extension.extensionUri, scope: SCOPE, node: { type: 'region', scope: SCOPE }, review: plans.openReview,
      }, prompter);
      assert.ok(uri, `the flow ended without a plan; asked: ${asked.join(' | ')}`);
      assert.deepStrictEqual(asked.map((a) => a.split(' ')[0]), ['1/4', '2/4', '3/4', '2/4', '3/4', '4/4']);
      const plan = JSON.parse((await vscode.workspace.openTextDocument(uri)).getText());
      const create = plan.steps.find((st: { id: string }) => st.id === 'service');
      assert.strictEqual(create.input.AcceptanceRequired, false);
      assert.strictEqual(create.input.PrivateDnsName, 'kafka.db.example.com');
      assert.deepStrictEqual(create.input.SupportedRegions, ['us-west-2']);
      assert.match(create.input.NetworkLoadBalancerArns[0], /loadbalancer\/net\/archive-nlb\//);
      assert.ok(plan.results['TXT record value'], 'the result view will show the TXT record');
    } finally {
      layer.dispose();
    }
  });

  it('Allow ClickPipes on a node: reviewed plan, applied; the node\'s readiness turns from error to ok', async () => {
    const kafka = (await serviceNode((n) => n.resource.allowedPrincipals.length === 0 && !!n.resource.privateDnsName))!;
    assert.ok(problems(kafka).some((f) => f.level === 'error' && /not an allowed principal/.test(f.message)));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('clickpipes.allowClickPipesOnEndpointService', kafka);
    assert.ok(uri, 'a plan was opened for review');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.deepStrictEqual(JSON.parse(doc.getText()).steps.map((s: { operation: string }) => s.operation), ['DescribeVpcEndpointServiceConfigurations', 'ModifyVpcEndpointServicePermissions']);
    const outcome = await vscode.commands.executeCommand<Outcome>('clickpipes.applyPlan', uri);
    assert.strictEqual(outcome?.status, 'succeeded');
    await resultViewLoaded();
    assert.match(planConfirmations.pop()!.detail, /ec2 ModifyVpcEndpointServicePermissions/);
    await waitFor('the node green', async () => {
      const n = await serviceNode((x) => x.resource.id === kafka.resource.id);
      return n && n.resource.allowedPrincipals.includes(CLICKPIPES) && !problems(n).some((f) => f.level === 'error');
    });
    // Already allowed: nothing to review.
    assert.strictEqual(await vscode.commands.executeCommand('clickpipes.allowClickPipesOnEndpointService', await serviceNode((x) => x.resource.id === kafka.resource.id)), undefined);
  });

  it('Add ClickPipes region on a node: the picked region is added by a reviewed plan', async () => {
    const kafka = (await serviceNode((n) => !!n.resource.privateDnsName))!;
    regionsToPick = ['us-west-2'];
    const uri = await vscode.commands.executeCommand<vscode.Uri>('clickpipes.addClickPipesRegionToEndpointService', kafka);
    assert.ok(uri);
    const outcome = await vscode.commands.executeCommand<Outcome>('clickpipes.applyPlan', uri);
    assert.strictEqual(outcome?.status, 'succeeded');
    await resultViewLoaded();
    assert.match(planConfirmations.pop()!.detail, /ec2 ModifyVpcEndpointServiceConfiguration/);
    await waitFor('us-west-2 supported', async () => (await serviceNode((x) => x.resource.id === kafka.resource.id))?.resource.supportedRegions.some((r) => r.region === 'us-west-2'));
  });

  it('accept a pending connection from its node: modal names account, region and ClickPipes; the connection becomes Available', async () => {
    const pg = (await serviceNode((n) => n.resource.connections.length === 2))!;
    const connections = await ext.explorer.getChildren(pg);
    const pending = connections.find((c) => c.type === 'endpointConnection' && /pendingacceptance/i.test(c.connection.state))!;
    assert.ok(pending);
    const result = await vscode.commands.executeCommand('clickpipes.acceptEndpointConnection', pending);
    assert.strictEqual(result, 'done');
    const c = asked.pop()!;
    assert.match(c.message, /^Accept endpoint connection vpce-.* in account 123456789012 \(us-east-1\)\?$/);
    assert.match(c.detail, /from account 072088201116 \(ClickPipes\)/);
    const id = pending.type === 'endpointConnection' ? pending.connection.vpcEndpointId : '';
    await waitFor('the connection Available', async () => {
      const n = await serviceNode((x) => x.resource.id === pg.resource.id);
      return n?.resource.connections.find((x) => x.vpcEndpointId === id)?.state.toLowerCase() === 'available';
    });
    assert.deepStrictEqual(problems((await serviceNode((x) => x.resource.id === pg.resource.id))!), []);
  });

  it('reject an available connection from its node: the modal warns it cannot be undone; the connection is Rejected', async () => {
    const pg = (await serviceNode((n) => n.resource.connections.length === 2))!;
    const available = (await ext.explorer.getChildren(pg)).find((c) => c.type === 'endpointConnection' && /available/i.test(c.connection.state))!;
    const id = available.type === 'endpointConnection' ? available.connection.vpcEndpointId : '';
    assert.strictEqual(await vscode.commands.executeCommand('clickpipes.rejectEndpointConnection', available), 'done');
    const c = asked.pop()!;
    assert.match(c.message, new RegExp(`^Reject endpoint connection ${id} on ${pg.resource.id} in account 123456789012 \\(us-east-1\\)\\?$`));
    assert.match(c.detail, /RejectVpcEndpointConnections/);
    await waitFor('the connection Rejected', async () =>
      (await serviceNode((x) => x.resource.id === pg.resource.id))?.resource.connections.find((x) => x.vpcEndpointId === id)?.state.toLowerCase() === 'rejected');
    // A rejected connection can't be accepted: the command says so and calls nothing.
    await control('DELETE', 'log');
    const rejectedNode = (await ext.explorer.getChildren((await serviceNode((x) => x.resource.id === pg.resource.id))!)).find((x) => x.type === 'endpointConnection' && x.connection.vpcEndpointId === id);
    assert.strictEqual(await vscode.commands.executeCommand('clickpipes.acceptEndpointConnection', rejectedNode), 'cancelled');
    assert.strictEqual((await counts())['ec2:AcceptVpcEndpointConnections'], undefined);
  });

  it('start private DNS verification: the modal shows the TXT record; the node shows verified', async () => {
    const kafka = (await serviceNode((n) => !!n.resource.privateDnsName))!;
    const txt = kafka.resource.privateDnsVerification!;
    assert.strictEqual(txt.state, 'pendingVerification');
    assert.strictEqual(await vscode.commands.executeCommand('clickpipes.startPrivateDnsVerification', kafka), 'done');
    const c = asked.pop()!;
    assert.ok(c.detail.includes(`Name:  ${txt.name}.${kafka.resource.privateDnsName}`), c.detail);
    assert.ok(c.detail.includes(`Value: ${txt.value}`), c.detail);
    await waitFor('verified', async () => (await serviceNode((x) => x.resource.id === kafka.resource.id))?.resource.privateDnsVerification?.state === 'verified');
  });

  it('Delete from the tree: live connections rejected first, then the service deleted', async () => {
    const mysql = (await serviceNode((n) => n.resource.supportedRegions.some((r) => r.region === 'eu-central-1') && n.resource.connections.length === 1))!;
    await control('DELETE', 'log');
    const result = await vscode.commands.executeCommand('clickpipes.delete', mysql);
    assert.strictEqual(result, 'deleted');
    const c = asked.pop()!;
    assert.match(c.message, /and reject its 1 live connection in account 123456789012 \(us-east-1\)/);
    const calls = await counts();
    assert.strictEqual(calls['ec2:RejectVpcEndpointConnections'], 1);
    assert.strictEqual(calls['ec2:DeleteVpcEndpointServiceConfigurations'], 1);
    await waitFor('the service gone from the explorer', async () => !(await serviceNode((x) => x.resource.id === mysql.resource.id)));
  });
});

// IAM DB auth inside the real extension host, against the emulator (demo scenario): the command
// opened from the explorer's database node, the form's host side (validated messages, field
// errors without AWS calls, GetRole name check), review tabs (trust, rds-db:connect, SQL, CLI,
// notes), apply with the confirmation, the result view's copy of the role ARN, "Copy" on the
// SQL tab, and the database node showing IAM auth on and the role under it.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ClickPipesTestApi } from '../../src/extension';
import type { IamDbAuthForm } from '../../src/model/forms';
import type { PlansTestApi } from '../../src/commands/plans';
import { describeNode } from '../../src/views/explorer/describe';
import { contextValueOf } from '../../src/views/explorer/contextValue';
import type { ExplorerNode } from '../../src/views/explorer/nodes';
import type { IamDbAuthInit, RoleNameCheck } from '../../src/webviews/iamDbAuthProtocol';
import { activateExtension, childNode, control, counts, label, planDocs, plansTestApi, PROFILE, requireEmulator, resetToDemo, submitForm, waitFor } from './emulatorHost';

const ACCOUNT = '123456789012';
const CH_ROLE = 'arn:aws:iam::999999999999:role/CH-S3-suite-Role';
const DB = 'billing-postgres';


describe('IAM DB auth (extension host, emulator): database node → form → review → apply → role ARN copied', function () {
  this.timeout(90_000);
  let plans: PlansTestApi;
  let explorer: ClickPipesTestApi['explorer'];
  const confirmations: { message: string; detail: string }[] = [];

  const child = (parent: ExplorerNode | undefined, name: string) => childNode(explorer, parent, name);
  const databaseNode = async () => child(await child(await child(await child(undefined, PROFILE), 'us-east-1'), 'Databases'), DB);

  before(async function () {
    requireEmulator();
    await resetToDemo({ instantChanges: true });
    explorer = (await activateExtension()).explorer;
    plans = await plansTestApi((message, detail) => confirmations.push({ message, detail }));
    await explorer.refresh();
  });

  it('runs the whole flow from the database node', async () => {
    const node = await databaseNode();
    assert.match(describeNode(node).description ?? '', /IAM auth off/);
    assert.match(contextValueOf(node), /^database;/, 'the menu entry matches viewItem =~ /^(region|database)(;|$)/');

    plans.hosts.get('clickpipes.form.iamDbAuth')?.dispose();
    await vscode.commands.executeCommand('clickpipes.createIamDbAuthRole', node);
    const host = await waitFor('the form panel', () => plans.hosts.get('clickpipes.form.iamDbAuth'));
    await waitFor('the webview ready handshake', () => host.isReady);
    const init = (await waitFor('the init message', () => host.sent.find((m) => m.method === 'iamDbAuth/init')))!.params as IamDbAuthInit;
    assert.strictEqual(init.account, ACCOUNT);
    assert.strictEqual(init.preset.databaseId, DB);
    assert.strictEqual(init.preset.enableIamAuth, true);
    assert.strictEqual(init.preset.dbUser, 'clickpipes_iam_user');
    assert.match(init.roleArnHelp, /Network security information → Service role ID \(IAM\)/);
    const option = init.databases.find((d) => d.id === DB)!;
    assert.match(option.resourceId, /^db-/);

    const values: IamDbAuthForm = {
      databaseKind: 'instance', databaseId: DB, resourceId: option.resourceId, engine: option.engine, region: 'us-east-1', account: ACCOUNT,
      clickhouseRoleArn: CH_ROLE, dbUser: 'clickpipes_iam_user', roleName: init.preset.roleName!, enableIamAuth: true,
    };
    // Malformed messages are dropped; bad values come back as field errors with no AWS call.
    const rejectedBefore = host.rejected;
    await host.receive({ method: 'iamDbAuth/submit', params: { values: { ...values, enableIamAuth: 'yes' } } });
    await host.receive({ method: 'iamDbAuth/submit', params: { values: { ...values, extra: 1 } } });
    assert.strictEqual(host.rejected - rejectedBefore, 2);
    await control('DELETE', 'log');
    const tabsBefore = planDocs().length;
    await host.receive({ method: 'iamDbAuth/submit', params: { values: { ...values, clickhouseRoleArn: 'arn:aws:iam::999:user/x', dbUser: 'Bad-User', roleName: 'bad name' } } });
    const errors = (await waitFor('field errors', () => host.sent.filter((m) => m.method === 'form/errors').pop()))!.params as { errors: Record<string, string> };
    assert.deepStrictEqual(Object.keys(errors.errors).sort(), ['clickhouseRoleArn', 'dbUser', 'roleName']);
    assert.strictEqual(planDocs().length, tabsBefore);
    assert.deepStrictEqual(Object.keys(await counts()).filter((k) => /^(iam|rds):/.test(k)), [], 'bad input: no IAM or RDS call');

    await host.receive({ id: 'check1', method: 'iamDbAuth/checkRoleName', params: { roleName: values.roleName, clickhouseRoleArn: CH_ROLE } });
    const reply = (await waitFor('the name check', () => host.sent.find((m) => m.id === 'check1')))!.params as { ok: boolean; result: RoleNameCheck };
    assert.deepStrictEqual(reply, { ok: true, result: { state: 'free' } });

    const doc = await submitForm(host, 'iamDbAuth/submit', values);
    const plan = JSON.parse(doc.getText());
    assert.deepStrictEqual(plan.steps.map((s: { operation: string }) => s.operation), ['ModifyDBInstance', 'CreateRole', 'PutRolePolicy']);
    const tab = (name: string) => planDocs().find((d) => d.uri.path === `/${plan.id}/${name}`);
    assert.match(tab('trust-policy.json')!.getText(), new RegExp(CH_ROLE.replace(/[/.]/g, '\\$&')));
    assert.match(tab('rds-db-connect-policy.json')!.getText(), new RegExp(`arn:aws:rds-db:us-east-1:${ACCOUNT}:dbuser:${option.resourceId}/clickpipes_iam_user`));
    assert.match(tab('postgres-clickpipes-user.sql')!.getText(), /GRANT rds_iam TO clickpipes_iam_user;/);
    assert.match(tab('commands.sh')!.getText(), /aws rds modify-db-instance/);
    assert.match(tab('summary.md')!.getText(), /rds\.iam_auth_for_replication = 1/);

    await control('DELETE', 'log');
    const outcome = await vscode.commands.executeCommand<{ status: string; results: { label: string; value: string }[] }>('clickpipes.applyPlan', doc.uri);
    assert.strictEqual(outcome?.status, 'succeeded');
    const confirmation = confirmations.pop()!;
    assert.match(confirmation.message, /account 123456789012 \(us-east-1\)/);
    assert.match(confirmation.detail, /rds ModifyDBInstance/);
    assert.match(confirmation.detail, /iam CreateRole/);
    assert.match(confirmation.detail, /iam PutRolePolicy/);
    const c = await counts();
    assert.strictEqual(c['iam:CreateRole'], 1);
    assert.strictEqual(c['iam:PutRolePolicy'], 1);
    const roleArn = outcome.results.find((r) => r.label === 'IAM role ARN')!.value;
    assert.strictEqual(roleArn, `arn:aws:iam::${ACCOUNT}:role/${values.roleName}`);

    const result = await waitFor('the result view', () => plans.results.current.host?.isReady && plans.results.current.host);
    assert.deepStrictEqual(plans.results.current.state?.results, [{ label: 'IAM role ARN', value: roleArn }]);
    await result.receive({ method: 'result/copy', params: { label: 'IAM role ARN', value: roleArn } });
    assert.strictEqual(await vscode.env.clipboard.readText(), roleArn);

    // The SQL stays open: "Copy" on its tab.
    const sqlUri = tab('postgres-clickpipes-user.sql')!.uri;
    await vscode.commands.executeCommand('clickpipes.copyReviewDocument', sqlUri);
    assert.match(await vscode.env.clipboard.readText(), /CREATE USER clickpipes_iam_user;\nGRANT rds_iam TO clickpipes_iam_user;/);

    // The tree: IAM auth on, and the role under the database.
    await explorer.refresh();
    const after = await waitFor('IAM auth on in the tree', async () => {
      const n = await databaseNode();
      return /IAM auth on/.test(describeNode(n).description ?? '') && n;
    });
    await control('DELETE', 'log');
    const roles = await explorer.getChildren(after);
    assert.deepStrictEqual(roles.map(label), [values.roleName]);
    assert.match(contextValueOf(roles[0]), /\bhasArn\b/);
    // Other services may be polled in the background (resources in transition); IAM sees one GetRole.
    const iam = Object.entries(await counts()).filter(([k]) => k.startsWith('iam:'));
    assert.deepStrictEqual(iam, [['iam:GetRole', 1]], 'one GetRole per role made for this database');
  });
});

// The IAM DB auth flow as a multi-step QuickPick: the same session (database list, role-name
// check, validators, builder) as the webview form, one question per step.
import * as vscode from 'vscode';
import { DEFAULT_DB_USER } from '../../model/clickpipes';
import type { IamDbAuthForm } from '../../model/forms';
import { validateDbUser, validateIamRoleArn, validateRoleName } from '../../model/validation';
import { ENABLE_IAM_WARNING, startIamDbAuthSession, suggestRoleName } from './iamDbAuth';
import { buildPlan, type FormContext } from './index';
import { BACK, inputText, pickOne, runSteps, type StepIo, type StepResult } from './multiStep';

export async function runIamDbAuthQuickPick(ctx: FormContext): Promise<vscode.Uri | undefined> {
  const session = startIamDbAuthSession(ctx);
  const init = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Reading RDS instances and Aurora clusters…' },
    () => session.loadInit(),
  );
  if (init.loadError) void vscode.window.showWarningMessage(init.loadError);
  const v: IamDbAuthForm = {
    databaseKind: 'instance', databaseId: '', resourceId: '', engine: '', region: init.region, account: init.account ?? '',
    clickhouseRoleArn: '', dbUser: DEFAULT_DB_USER, roleName: '', enableIamAuth: true, ...init.preset,
  };
  const chosen = () => init.databases.find((d) => d.kind === v.databaseKind && d.id === v.databaseId);
  // Opened from a database node: its engine is known before the first step is answered.
  Object.assign(v, { resourceId: chosen()?.resourceId ?? '', engine: chosen()?.engine ?? '' });
  const next = <T>(r: T | typeof BACK | undefined, apply: (value: T) => void): StepResult => {
    if (r === undefined || r === BACK) return r as StepResult;
    apply(r);
    return 'next';
  };

  const databaseStep = async (io: StepIo): Promise<StepResult> => {
    for (;;) {
      const r = await pickOne(io, init.databases.length ? 'RDS instance or Aurora cluster' : `No RDS databases in ${init.region}`, init.databases.map((d) => ({
        label: d.disabledReason ? `$(error) ${d.id}` : d.id,
        description: `${d.kind === 'cluster' ? 'Aurora cluster' : 'instance'} · ${d.engine} · IAM auth ${d.iamAuth ? 'on' : 'off'}`,
        detail: d.disabledReason ?? d.resourceId,
        value: d.key,
      })), chosen()?.key);
      if (r === undefined || r === BACK) return r as StepResult;
      const d = init.databases.find((x) => x.key === r)!;
      if (d.disabledReason) {
        void vscode.window.showWarningMessage(d.disabledReason);
        continue;
      }
      if (d.id !== v.databaseId) {
        v.roleName = suggestRoleName(d.id);
        v.enableIamAuth = !d.iamAuth;
      }
      Object.assign(v, { databaseKind: d.kind, databaseId: d.id, resourceId: d.resourceId, engine: d.engine });
      return 'next';
    }
  };
  const roleArnStep = async (io: StepIo) => next(await inputText(io,
    'ClickHouse service role ARN — ClickHouse Cloud → service → Settings → Network security information → Service role ID (IAM)',
    v.clickhouseRoleArn, (s) => validateIamRoleArn(s, 'ClickHouse service role ARN'), 'arn:aws:iam::123456789012:role/CH-S3-…'), (s) => (v.clickhouseRoleArn = s));
  const dbUserStep = async (io: StepIo) => next(await inputText(io, `Database user ClickPipes signs in as (${v.engine})`, v.dbUser, (s) => validateDbUser(s, v.engine), DEFAULT_DB_USER), (s) => (v.dbUser = s));
  const roleNameStep = async (io: StepIo): Promise<StepResult> => {
    for (;;) {
      const r = await inputText(io, 'Name of the IAM role to create (the ClickHouse service assumes it)', v.roleName, validateRoleName, 'clickpipes-iam-mydb');
      if (r === undefined || r === BACK) return r as StepResult;
      v.roleName = r;
      const check = await session.checkRoleName(r, v.clickhouseRoleArn);
      if (check.state === 'conflict') {
        void vscode.window.showErrorMessage(check.message ?? 'That role name is taken.');
        continue;
      }
      if (check.message) void vscode.window.showInformationMessage(check.message);
      return 'next';
    }
  };
  const enableStep = async (io: StepIo) => next(await pickOne(io, `IAM database authentication is off on ${v.databaseId}`, [
    { label: 'Enable it now (ApplyImmediately)', detail: ENABLE_IAM_WARNING, value: true },
    { label: 'Leave it off', detail: 'The role and policy are created, but ClickPipes cannot sign in until IAM authentication is enabled.', value: false },
  ], v.enableIamAuth), (b) => (v.enableIamAuth = b));

  const completed = await runSteps(() => {
    const list = [databaseStep, roleArnStep, dbUserStep, roleNameStep];
    if (chosen() && !chosen()!.iamAuth) list.push(enableStep);
    return list;
  }, 'ClickPipes: IAM DB authentication');
  if (!completed) return undefined;

  let errors = session.validate(v);
  if (!Object.keys(errors).length && session.checkRemote) errors = await session.checkRemote(v);
  if (Object.keys(errors).length) {
    void vscode.window.showErrorMessage(`The answers have problems: ${Object.values(errors).join(' ')}`);
    return undefined;
  }
  const plan = await buildPlan(session.build, v, 'iamdb', ctx.deps, ctx.scope);
  return ctx.review(plan);
}

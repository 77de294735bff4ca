// The IAM DB auth flow as a multi-step QuickPick: the same session (database list, role-name
// check, validators, builder) as the webview form, one question per step.
import * as vscode from 'vscode';
import { DEFAULT_DB_USER } from '../../model/clickpipes';
import type { IamDbAuthForm } from '../../model/forms';
import { validateDbUser, validateIamRoleArn, validateRoleName } from '../../model/validation';
import { ENABLE_IAM_WARNING, startIamDbAuthSession, suggestRoleName } from '../../webviews/forms/iamDbAuth';
import type { FormContext } from '../../webviews/forms/index';
import { BACK, inputText, next, pickOne, reviewAnswers, runSteps, type StepIo, type StepResult } from './steps';

export async function runIamDbAuthQuickPick(ctx: FormContext): Promise<vscode.Uri | undefined> {
  const session = startIamDbAuthSession(ctx);
  const init = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading RDS instances and Aurora clusters…') },
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

  const databaseStep = async (io: StepIo): Promise<StepResult> => {
    for (;;) {
      const r = await pickOne(io, init.databases.length ? vscode.l10n.t('RDS instance or Aurora cluster') : vscode.l10n.t('No RDS databases in {0}', init.region), init.databases.map((d) => ({
        label: d.disabledReason ? `$(error) ${d.id}` : d.id,
        description: vscode.l10n.t('{0} · {1} · IAM auth {2}', d.kind === 'cluster' ? vscode.l10n.t('Aurora cluster') : vscode.l10n.t('instance'), d.engine, d.iamAuth ? 'on' : 'off'),
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
    vscode.l10n.t('ClickHouse service role ARN — ClickHouse Cloud → service → Settings → Network security information → Service role ID (IAM)'),
    v.clickhouseRoleArn, (s) => validateIamRoleArn(s, vscode.l10n.t('ClickHouse service role ARN')), 'arn:aws:iam::123456789012:role/CH-S3-…'), (s) => (v.clickhouseRoleArn = s));
  const dbUserStep = async (io: StepIo) => next(await inputText(io, vscode.l10n.t('Database user ClickPipes signs in as ({0})', v.engine), v.dbUser, (s) => validateDbUser(s, v.engine), DEFAULT_DB_USER), (s) => (v.dbUser = s));
  const roleNameStep = async (io: StepIo): Promise<StepResult> => {
    for (;;) {
      const r = await inputText(io, vscode.l10n.t('Name of the IAM role to create (the ClickHouse service assumes it)'), v.roleName, validateRoleName, 'clickpipes-iam-mydb');
      if (r === undefined || r === BACK) return r as StepResult;
      v.roleName = r;
      const check = await session.checkRoleName(r, v.clickhouseRoleArn);
      if (check.state === 'conflict') {
        void vscode.window.showErrorMessage(check.message ?? vscode.l10n.t('That role name is taken.'));
        continue;
      }
      if (check.message) void vscode.window.showInformationMessage(check.message);
      return 'next';
    }
  };
  const enableStep = async (io: StepIo) => next(await pickOne(io, vscode.l10n.t('IAM database authentication is off on {0}', v.databaseId), [
    { label: vscode.l10n.t('Enable it now (ApplyImmediately)'), detail: ENABLE_IAM_WARNING, value: true },
    { label: vscode.l10n.t('Leave it off'), detail: vscode.l10n.t('The role and policy are created, but ClickPipes cannot sign in until IAM authentication is enabled.'), value: false },
  ], v.enableIamAuth), (b) => (v.enableIamAuth = b));

  const completed = await runSteps(() => {
    const list = [databaseStep, roleArnStep, dbUserStep, roleNameStep];
    if (chosen() && !chosen()!.iamAuth) list.push(enableStep);
    return list;
  }, vscode.l10n.t('ClickPipes: IAM DB authentication'));
  if (!completed) return undefined;

  return reviewAnswers(ctx, session, v, 'iamdb');
}

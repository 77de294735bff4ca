// The IAM DB auth form: pick an RDS instance or Aurora cluster (its resource id, region and
// account are shown, never typed), the ClickHouse service role ARN, the DB user, the role name
// (checked with GetRole once it is valid) and whether to turn IAM auth on. Fields are checked as
// they change with the validators the host runs again; submitting opens the plan for review.
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { DEFAULT_DB_USER } from '../../model/clickpipes';
import type { IamDbAuthForm } from '../../model/forms';
import { validateIamRoleArn, validateRoleName } from '../../model/validation';
import { validateForm } from '../../model/formValidation';
import {
  CheckRoleNameRequest, IamDbAuthInitNotification, SubmitIamDbAuthCommand, type IamDbAuthInit, type IamDbOption, type RoleNameCheck,
} from '../iamDbAuthProtocol';
import type { FormErrors } from '../protocol';
import { errorSlot, h, ready, request, send, t } from './_client';
import { createForm } from './_form';

const ENABLE_WARNING = t(
  'Applied immediately (ModifyDB… with ApplyImmediately): not in the next maintenance window. The database shows "modifying" for a few minutes; password sign-in keeps working.');

let roleCheck: { key: string; result: RoleNameCheck } | undefined;

const defaults = (): IamDbAuthForm => ({
  databaseKind: 'instance', databaseId: '', resourceId: '', engine: '', region: '', account: '', clickhouseRoleArn: '',
  dbUser: DEFAULT_DB_USER, roleName: '', enableIamAuth: true,
});

const form = createForm<IamDbAuthForm, IamDbAuthInit>({
  initNotification: IamDbAuthInitNotification,
  defaults,
  heading: t('IAM database authentication for ClickPipes'),
  intro: (init) => t('Profile {0}, region {1}. Creates an IAM role the ClickHouse service assumes, allowed rds-db:connect as one database user. Nothing changes until you apply the reviewed plan; the extension never connects to the database.', init.profile, init.region),
  sections: () => [databaseSection(), h('vscode-divider', {}), roleSection()],
  errors,
  submitFields: () => ['databaseId', 'clickhouseRoleArn', 'dbUser', 'roleName'],
  submit: () => send(SubmitIamDbAuthCommand, { values: submittedValues() }),
  applyInit(data) {
    const { draft } = form;
    const fresh = draft.touched.length === 0;
    draft.values = { ...(fresh ? defaults() : draft.values), ...(fresh ? data.preset : {}) };
    // Opened from a database node: that database wins over an old draft.
    if (data.preset.databaseId) Object.assign(draft.values, { databaseKind: data.preset.databaseKind, databaseId: data.preset.databaseId, roleName: data.preset.roleName ?? draft.values.roleName, enableIamAuth: data.preset.enableIamAuth ?? draft.values.enableIamAuth });
  },
  afterInit: () => void checkRoleName(),
});
const { draft, group, set } = form;

const chosen = (): IamDbOption | undefined => form.init?.databases.find((d) => d.kind === draft.values.databaseKind && d.id === draft.values.databaseId);

/** The values with the database facts from the list the host sent (the host fills them again). */
function submittedValues(): IamDbAuthForm {
  const d = chosen();
  return { ...draft.values, resourceId: d?.resourceId ?? '', engine: d?.engine ?? '', region: form.init?.region ?? '', account: form.init?.account ?? '' };
}

function errors(): FormErrors {
  const errs = validateForm('iamDbAuth', submittedValues());
  delete errs.resourceId;
  if (!draft.values.databaseId) {
    errs.databaseId = t('Database: choose an RDS instance or an Aurora cluster.');
    delete errs.dbUser;
  }
  if (errs.account) errs.account = t('Account: the profile\'s account could not be read (STS); check the profile and reopen the form.');
  const key = `${draft.values.roleName}|${draft.values.clickhouseRoleArn}`;
  if (!errs.roleName && roleCheck?.key === key && roleCheck.result.state === 'conflict') errs.roleName = roleCheck.result.message ?? t('Role name taken.');
  return errs;
}

/** GetRole through the host, only for a name and ARN that are valid (bad input makes no call). */
async function checkRoleName(): Promise<void> {
  const { roleName, clickhouseRoleArn } = draft.values;
  if (validateRoleName(roleName) || validateIamRoleArn(clickhouseRoleArn)) return;
  const key = `${roleName}|${clickhouseRoleArn}`;
  if (roleCheck?.key === key) return;
  try {
    const result = await request(CheckRoleNameRequest, { roleName, clickhouseRoleArn });
    roleCheck = { key, result };
  } catch (err) {
    roleCheck = { key, result: { state: 'unknown', message: (err as Error).message } };
  }
  form.showErrors();
}

// ---- fields ------------------------------------------------------------------------------------

function textField(field: 'clickhouseRoleArn' | 'dbUser' | 'roleName', placeholder: string, onChange?: () => void): HTMLElement {
  return form.textField(field, placeholder, { parse: (s) => s.trim(), onChange });
}

function databaseSection(): HTMLElement {
  const dbs = form.init?.databases ?? [];
  const d = chosen();
  const picker = h('vscode-single-select', { id: 'field-databaseId', name: 'databaseId' },
    h('vscode-option', { value: '', selected: !d }, dbs.length ? t('Choose a database…') : t('No RDS databases in {0}', form.init?.region ?? t('this region'))),
    ...dbs.map((o) => h('vscode-option', { value: o.key, selected: o.key === d?.key, disabled: !!o.disabledReason }, o.disabledReason ? t('{0} — not supported', o.label) : o.label))) as HTMLElement & { value: string };
  picker.addEventListener('change', () => {
    const o = dbs.find((x) => x.key === picker.value);
    const previous = draft.values.databaseId;
    draft.values.databaseKind = o?.kind ?? 'instance';
    if (o && o.id !== previous) {
      // A new database: suggest a role name (unless typed) and turn IAM auth on if it is off.
      if (!draft.touched.includes('roleName') || !draft.values.roleName) draft.values.roleName = `clickpipes-iam-${o.id}`.slice(0, 64);
      draft.values.enableIamAuth = !o.iamAuth;
    }
    set('databaseId', o?.id ?? '', true);
  });
  // Read from AWS, shown and never typed: what the rds-db:connect ARN and the plan are made of.
  const fact = (name: string, value: string, id?: string) => h('tr', {}, h('th', { scope: 'row', className: 'muted' }, name), h('td', { id }, value));
  const facts = d
    ? h('table', { className: 'facts', id: 'database-facts', 'aria-label': t('Database facts (from AWS)') },
      fact(t('Resource ID'), d.resourceId, 'fact-resourceId'),
      fact(t('Engine'), d.engine),
      fact(t('Region'), form.init?.region ?? ''),
      fact(t('Account'), form.init?.account ?? t('unknown')),
      fact(t('IAM DB authentication'), d.iamAuth ? t('on') : t('off'), 'fact-iamAuth'))
    : undefined;
  const parts: (HTMLElement | undefined)[] = [h('h2', {}, t('1. Database')), group(t('RDS instance or Aurora cluster'), 'databaseId', picker, t('Aurora member instances are set up through their cluster.')), facts, errorSlot('account')];
  if (d && !d.iamAuth) {
    const box = h('vscode-checkbox', { id: 'field-enableIamAuth', checked: draft.values.enableIamAuth, label: t('Enable IAM database authentication now') }) as HTMLElement & { checked: boolean };
    box.addEventListener('change', () => set('enableIamAuth', box.checked, true));
    parts.push(group(t('IAM database authentication is off'), 'enableIamAuth', box,
      draft.values.enableIamAuth ? ENABLE_WARNING : t('Left off: the role is created, but ClickPipes cannot sign in until IAM authentication is enabled.')));
  }
  return h('section', {}, ...parts);
}

function roleSection(): HTMLElement {
  const state = roleCheck && roleCheck.key === `${draft.values.roleName}|${draft.values.clickhouseRoleArn}` ? roleCheck.result : undefined;
  const roleHelp = state?.state === 'reuse' || state?.state === 'unknown' ? state.message : t('Letters, digits and +=,.@_- (up to 64). Checked with IAM GetRole: an existing role is reused only if it trusts this ClickHouse role.');
  return h('section', {},
    h('h2', {}, t('2. ClickHouse and the database user')),
    group(t('ClickHouse service role ARN'), 'clickhouseRoleArn', textField('clickhouseRoleArn', 'arn:aws:iam::123456789012:role/…', () => void checkRoleName()), form.init?.roleArnHelp),
    group(t('Database user'), 'dbUser', textField('dbUser', DEFAULT_DB_USER), t('The user ClickPipes signs in as; the SQL to create it is in the review.')),
    h('h2', {}, t('3. IAM role')),
    group(t('Role name'), 'roleName', textField('roleName', 'clickpipes-iam-mydb', () => void checkRoleName().then(() => form.render())), h('span', { id: 'role-check' }, roleHelp ?? '')));
}

ready();

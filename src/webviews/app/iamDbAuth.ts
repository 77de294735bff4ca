// The IAM DB auth form: pick an RDS instance or Aurora cluster (its resource id, region and
// account are shown, never typed), the ClickHouse service role ARN, the DB user, the role name
// (checked with GetRole once it is valid) and whether to turn IAM auth on. Fields are checked as
// they change with the validators the host runs again; submitting opens the plan for review.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-form-group/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { DEFAULT_DB_USER } from '../../model/clickpipes';
import type { IamDbAuthForm } from '../../model/forms';
import { validateForm, validateIamRoleArn, validateRoleName } from '../../model/validation';
import {
  CheckRoleNameRequest, IamDbAuthInitNotification, SubmitIamDbAuthCommand, type IamDbAuthInit, type IamDbOption, type RoleNameCheck,
} from '../iamDbAuthProtocol';
import { ErrorNotification, FormCancelCommand, FormErrorsNotification, FormSubmittedNotification, type FormErrors } from '../protocol';
import { errorSlot, fill, focusFirstInvalid, h, labelControl, loadDraft, onNotification, ready, request, saveDraft, send } from './_client';

type Draft = { values: IamDbAuthForm; touched: string[] };

const ENABLE_WARNING =
  'Applied immediately (ModifyDB… with ApplyImmediately): not in the next maintenance window. The database shows "modifying" for a few minutes; password sign-in keeps working.';

const root = document.getElementById('app')!;
let init: IamDbAuthInit | undefined;
let hostErrors: FormErrors = {};
let banner: { kind: 'error' | 'info'; text: string } | undefined;
let busy = false;
let roleCheck: { key: string; result: RoleNameCheck } | undefined;

const defaults = (): IamDbAuthForm => ({
  databaseKind: 'instance', databaseId: '', resourceId: '', engine: '', region: '', account: '', clickhouseRoleArn: '',
  dbUser: DEFAULT_DB_USER, roleName: '', enableIamAuth: true,
});

let draft: Draft = loadDraft<Draft>() ?? { values: defaults(), touched: [] };
const persist = () => saveDraft(draft);

const chosen = (): IamDbOption | undefined => init?.databases.find((d) => d.kind === draft.values.databaseKind && d.id === draft.values.databaseId);

/** The values with the database facts from the list the host sent (the host fills them again). */
function submittedValues(): IamDbAuthForm {
  const d = chosen();
  return { ...draft.values, resourceId: d?.resourceId ?? '', engine: d?.engine ?? '', region: init?.region ?? '', account: init?.account ?? '' };
}

function errors(): FormErrors {
  const errs = validateForm('iamDbAuth', submittedValues());
  delete errs.resourceId;
  if (!draft.values.databaseId) {
    errs.databaseId = 'Database: choose an RDS instance or an Aurora cluster.';
    delete errs.dbUser;
  }
  if (errs.account) errs.account = 'Account: the profile\'s account could not be read (STS); check the profile and reopen the form.';
  const key = `${draft.values.roleName}|${draft.values.clickhouseRoleArn}`;
  if (!errs.roleName && roleCheck?.key === key && roleCheck.result.state === 'conflict') errs.roleName = roleCheck.result.message ?? 'Role name taken.';
  for (const [k, m] of Object.entries(hostErrors)) errs[k] ??= m;
  return errs;
}

function touch(field: string): void {
  if (!draft.touched.includes(field)) draft.touched.push(field);
}

function set<K extends keyof IamDbAuthForm>(field: K, value: IamDbAuthForm[K], rerender = false): void {
  draft.values[field] = value;
  delete hostErrors[field as string];
  touch(field as string);
  persist();
  if (rerender) render();
  else showErrors();
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
  showErrors();
}

// ---- fields ------------------------------------------------------------------------------------

function group(label: string, field: string, control: HTMLElement, help?: string | HTMLElement): HTMLElement {
  const labelEl = h('vscode-label', {}, label);
  const helper = help ? h('vscode-form-helper', {}, help) : undefined;
  labelControl(field, labelEl, control, helper);
  return h('vscode-form-group', { variant: 'vertical', 'data-group': field }, labelEl, control, helper, errorSlot(field));
}

function textField(field: 'clickhouseRoleArn' | 'dbUser' | 'roleName', placeholder: string, onChange?: () => void): HTMLElement {
  const el = h('vscode-textfield', { id: `field-${field}`, name: field, value: draft.values[field], placeholder }) as HTMLElement & { value: string };
  el.addEventListener('input', () => set(field, el.value.trim()));
  el.addEventListener('change', () => {
    touch(field);
    showErrors();
    onChange?.();
  });
  return el;
}

function databaseSection(): HTMLElement {
  const dbs = init?.databases ?? [];
  const d = chosen();
  const picker = h('vscode-single-select', { id: 'field-databaseId', name: 'databaseId' },
    h('vscode-option', { value: '', selected: !d }, dbs.length ? 'Choose a database…' : `No RDS databases in ${init?.region ?? 'this region'}`),
    ...dbs.map((o) => h('vscode-option', { value: o.key, selected: o.key === d?.key, disabled: !!o.disabledReason }, o.disabledReason ? `${o.label} — not supported` : o.label))) as HTMLElement & { value: string };
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
    ? h('table', { className: 'facts', id: 'database-facts', 'aria-label': 'Database facts (from AWS)' },
      fact('Resource ID', d.resourceId, 'fact-resourceId'),
      fact('Engine', d.engine),
      fact('Region', init?.region ?? ''),
      fact('Account', init?.account ?? 'unknown'),
      fact('IAM DB authentication', d.iamAuth ? 'on' : 'off', 'fact-iamAuth'))
    : undefined;
  const parts: (HTMLElement | undefined)[] = [h('h2', {}, '1. Database'), group('RDS instance or Aurora cluster', 'databaseId', picker, 'Aurora member instances are set up through their cluster.'), facts, errorSlot('account')];
  if (d && !d.iamAuth) {
    const box = h('vscode-checkbox', { id: 'field-enableIamAuth', checked: draft.values.enableIamAuth, label: 'Enable IAM database authentication now' }) as HTMLElement & { checked: boolean };
    box.addEventListener('change', () => set('enableIamAuth', box.checked, true));
    parts.push(group('IAM database authentication is off', 'enableIamAuth', box,
      draft.values.enableIamAuth ? ENABLE_WARNING : 'Left off: the role is created, but ClickPipes cannot sign in until IAM authentication is enabled.'));
  }
  return h('section', {}, ...parts);
}

function roleSection(): HTMLElement {
  const state = roleCheck && roleCheck.key === `${draft.values.roleName}|${draft.values.clickhouseRoleArn}` ? roleCheck.result : undefined;
  const roleHelp = state?.state === 'reuse' || state?.state === 'unknown' ? state.message : 'Letters, digits and +=,.@_- (up to 64). Checked with IAM GetRole: an existing role is reused only if it trusts this ClickHouse role.';
  return h('section', {},
    h('h2', {}, '2. ClickHouse and the database user'),
    group('ClickHouse service role ARN', 'clickhouseRoleArn', textField('clickhouseRoleArn', 'arn:aws:iam::123456789012:role/…', () => void checkRoleName()), init?.roleArnHelp),
    group('Database user', 'dbUser', textField('dbUser', DEFAULT_DB_USER), 'The user ClickPipes signs in as; the SQL to create it is in the review.'),
    h('h2', {}, '3. IAM role'),
    group('Role name', 'roleName', textField('roleName', 'clickpipes-iam-mydb', () => void checkRoleName().then(() => render())), h('span', { id: 'role-check' }, roleHelp ?? '')));
}

function showErrors(): void {
  const errs = errors();
  for (const slot of root.querySelectorAll<HTMLElement>('.field-error[data-field]')) {
    const field = slot.dataset.field!;
    const message = draft.touched.includes(field) ? errs[field] : undefined;
    slot.textContent = message ?? '';
    const control = root.querySelector(`#field-${field}`);
    if (control) {
      if (message) control.setAttribute('invalid', '');
      else control.removeAttribute('invalid');
      control.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
  }
  const unshown = Object.keys(errs).filter((f) => draft.touched.includes(f) && !root.querySelector(`#error-${f}`));
  const summary = root.querySelector<HTMLElement>('#form-summary');
  if (summary) summary.textContent = unshown.map((f) => errs[f]).join(' ');
}

function submit(): void {
  for (const field of Object.keys(errors())) touch(field);
  for (const field of ['databaseId', 'clickhouseRoleArn', 'dbUser', 'roleName']) touch(field);
  persist();
  showErrors();
  if (Object.keys(errors()).length > 0) {
    focusFirstInvalid(root);
    return;
  }
  busy = true;
  render();
  send(SubmitIamDbAuthCommand, { values: submittedValues() });
}

function render(): void {
  if (!init) return;
  fill(root,
    h('h1', {}, 'IAM database authentication for ClickPipes'),
    h('p', { className: 'muted' }, `Profile ${init.profile}, region ${init.region}. Creates an IAM role the ClickHouse service assumes, allowed rds-db:connect as one database user. Nothing changes until you apply the reviewed plan; the extension never connects to the database.`),
    init.loadError ? h('p', { className: 'warning-box' }, init.loadError) : undefined,
    banner ? h('p', { className: banner.kind === 'error' ? 'error-box' : 'info-box', role: 'alert' }, banner.text) : undefined,
    databaseSection(),
    h('vscode-divider', {}),
    roleSection(),
    h('p', { id: 'form-summary', className: 'field-error', role: 'alert' }),
    h('div', { className: 'actions' },
      h('vscode-button', { id: 'submit', disabled: busy, onclick: submit }, busy ? 'Building plan…' : 'Review plan'),
      h('vscode-button', { secondary: true, onclick: () => send(FormCancelCommand, undefined) }, 'Cancel')),
  );
  showErrors();
}

onNotification(IamDbAuthInitNotification, (data) => {
  init = data;
  const fresh = draft.touched.length === 0;
  draft.values = { ...(fresh ? defaults() : draft.values), ...(fresh ? data.preset : {}) };
  // Opened from a database node: that database wins over an old draft.
  if (data.preset.databaseId) Object.assign(draft.values, { databaseKind: data.preset.databaseKind, databaseId: data.preset.databaseId, roleName: data.preset.roleName ?? draft.values.roleName, enableIamAuth: data.preset.enableIamAuth ?? draft.values.enableIamAuth });
  persist();
  render();
  void checkRoleName();
});
onNotification(FormErrorsNotification, ({ errors: errs }) => {
  busy = false;
  hostErrors = errs;
  for (const f of Object.keys(errs)) touch(f);
  render();
  focusFirstInvalid(root);
});
onNotification(FormSubmittedNotification, ({ planTitle }) => {
  busy = false;
  banner = { kind: 'info', text: `Plan "${planTitle}" is open for review. Apply it from the plan tab (CodeLens or the editor title button).` };
  render();
});
onNotification(ErrorNotification, ({ message }) => {
  busy = false;
  banner = { kind: 'error', text: message };
  render();
});
ready();

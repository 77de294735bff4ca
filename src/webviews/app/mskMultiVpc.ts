// The MSK multi-VPC form: pick a cluster, see its multi-VPC prerequisites (each failing one
// explained; submission blocked), choose the auth types to turn on (only those enabled on the
// cluster). Fields are checked as they change with the validators the host runs again on submit.
// Submitting builds a plan on the host and opens it for review: nothing is applied from here.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-form-group/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { MskMultiVpcForm } from '../../model/forms';
import { validateForm } from '../../model/validation';
import { MskMultiVpcInitNotification, SubmitMskMultiVpcCommand, defaultAuth, type MskClusterOption, type MskMultiVpcInit } from '../mskProtocol';
import { ErrorNotification, FormCancelCommand, FormErrorsNotification, FormSubmittedNotification, type FormErrors } from '../protocol';
import { errorSlot, fill, focusFirstInvalid, h, labelControl, loadDraft, onNotification, ready, saveDraft, send } from './_client';

type Draft = { values: MskMultiVpcForm; touched: string[] };

const root = document.getElementById('app')!;
let init: MskMultiVpcInit | undefined;
let hostErrors: FormErrors = {};
let banner: { kind: 'error' | 'info'; text: string } | undefined;
let busy = false;

const defaults = (): MskMultiVpcForm => ({ clusterArn: '', auth: { iam: false, scram: false, tls: false } });
let draft: Draft = loadDraft<Draft>() ?? { values: defaults(), touched: [] };

const chosen = (): MskClusterOption | undefined => init?.clusters.find((c) => c.arn === draft.values.clusterArn);
const blocked = (c: MskClusterOption | undefined) => Boolean(c?.prerequisites.some((p) => !p.ok));

function errors(): FormErrors {
  const c = chosen();
  const errs = validateForm('mskMultiVpc', { ...draft.values, clusterAuth: c?.auth });
  if (!draft.values.clusterArn) errs.clusterArn = 'MSK cluster: choose a cluster.';
  else if (c && blocked(c)) errs.clusterArn = 'This cluster does not meet the multi-VPC prerequisites (see the list below).';
  for (const [k, m] of Object.entries(hostErrors)) errs[k] ??= m;
  return errs;
}

function touch(field: string): void {
  if (!draft.touched.includes(field)) draft.touched.push(field);
}

function update(change: (v: MskMultiVpcForm) => void, field: string, rerender: boolean): void {
  change(draft.values);
  delete hostErrors[field];
  touch(field);
  saveDraft(draft);
  if (rerender) render();
  else showErrors();
}


function clusterSection(): HTMLElement {
  const clusters = init?.clusters ?? [];
  const select = h('vscode-single-select', { id: 'field-clusterArn', name: 'clusterArn' },
    h('vscode-option', { value: '', selected: !draft.values.clusterArn }, clusters.length ? 'Choose a cluster…' : `No MSK clusters in ${init?.region ?? 'this region'}`),
    ...clusters.map((c) => h('vscode-option', { value: c.arn, selected: c.arn === draft.values.clusterArn }, `${blocked(c) ? '✗ ' : ''}${c.label}`))) as HTMLElement & { value: string };
  select.addEventListener('change', () => update((v) => {
    v.clusterArn = select.value;
    const c = chosen();
    v.auth = c ? defaultAuth(c) : { iam: false, scram: false, tls: false };
  }, 'clusterArn', true));
  const c = chosen();
  const label = h('vscode-label', {}, 'Cluster');
  labelControl('clusterArn', label, select);
  return h('section', {},
    h('h2', {}, '1. MSK cluster'),
    h('vscode-form-group', { variant: 'vertical' }, label, select, errorSlot('clusterArn')),
    c ? prerequisiteList(c) : undefined);
}

function prerequisiteList(c: MskClusterOption): HTMLElement {
  return h('div', { id: 'prerequisites', role: 'list', 'aria-label': 'Multi-VPC prerequisites' },
    h('h3', {}, 'Prerequisites'),
    ...c.prerequisites.map((p) => h('div', { className: p.ok ? 'check-row prerequisite ok' : 'check-row prerequisite failed', role: 'listitem', 'data-prerequisite': p.id, 'data-ok': String(p.ok) },
      h('span', { 'aria-hidden': 'true' }, p.ok ? '✓ ' : '✗ '),
      h('strong', {}, p.label),
      h('span', { className: p.ok ? 'note' : 'note warn' }, ` — ${p.detail}`))));
}

function authBox(key: 'iam' | 'scram' | 'tls', label: string, c: MskClusterOption): HTMLElement {
  const enabled = c.auth[key];
  const already = c.multiVpc[key];
  const box = h('vscode-checkbox', {
    id: `field-auth-${key}`, 'data-auth': key, checked: Boolean(draft.values.auth[key]), disabled: !enabled || already,
    label: `${label}${already ? ' — already on for multi-VPC' : enabled ? '' : ' — not enabled on the cluster'}`,
  }) as HTMLElement & { checked: boolean };
  box.addEventListener('change', () => update((v) => { v.auth = { ...v.auth, [key]: box.checked }; }, 'auth', false));
  return h('div', { className: 'check-row' }, box);
}

function authSection(): HTMLElement | undefined {
  const c = chosen();
  if (!c) return undefined;
  return h('section', {},
    h('h2', { id: 'label-auth' }, '2. Authentication for multi-VPC connectivity'),
    h('div', { className: 'check-list', id: 'field-auth', role: 'group', 'aria-labelledby': 'label-auth', 'aria-describedby': 'help-auth error-auth' },
      authBox('iam', 'SASL/IAM (ClickPipes: SASL_IAM)', c),
      authBox('scram', 'SASL/SCRAM (ClickPipes: SASL_SCRAM)', c),
      authBox('tls', 'TLS (not used by ClickPipes)', c)),
    h('vscode-form-helper', { id: 'help-auth' }, 'Only types enabled on the cluster can be turned on. Types already on stay on. Changing connectivity puts the cluster in UPDATING for a while.'),
    errorSlot('auth'));
}

function policySection(): HTMLElement | undefined {
  if (!chosen()) return undefined;
  return h('section', {},
    h('h2', {}, '3. Cluster policy'),
    h('p', { className: 'muted' }, `The plan merges statements allowing the ClickPipes account ${init?.clickpipesAccount ?? '072088201116'} (kafka:CreateVpcConnection, GetBootstrapBrokers, DescribeCluster(V2), kafka-cluster:* on the cluster, its topics and groups) into the cluster's policy. Statements already there are kept; the review shows the old and new policy side by side.`));
}

function showErrors(): void {
  const errs = errors();
  for (const slot of root.querySelectorAll<HTMLElement>('.field-error')) {
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
  const submit = root.querySelector<HTMLElement & { disabled: boolean }>('#submit');
  if (submit) submit.disabled = busy || blocked(chosen());
}

function submit(): void {
  for (const field of ['clusterArn', 'auth', ...Object.keys(errors())]) touch(field);
  saveDraft(draft);
  showErrors();
  if (Object.keys(errors()).length > 0) {
    focusFirstInvalid(root);
    return;
  }
  busy = true;
  render();
  const { clusterArn, auth } = draft.values;
  send(SubmitMskMultiVpcCommand, { values: { clusterArn, auth: { iam: auth.iam, scram: auth.scram, tls: Boolean(auth.tls) } } });
}

function render(): void {
  if (!init) return;
  fill(root,
    h('h1', {}, 'MSK multi-VPC endpoint for ClickPipes'),
    h('p', { className: 'muted' }, `Profile ${init.profile}, region ${init.region}. Nothing changes until you apply the reviewed plan.`),
    init.loadError ? h('p', { className: 'warning-box' }, init.loadError) : undefined,
    banner ? h('p', { className: banner.kind === 'error' ? 'error-box' : 'info-box', role: 'alert' }, banner.text) : undefined,
    clusterSection(),
    chosen() ? h('vscode-divider', {}) : undefined,
    authSection(),
    policySection(),
    h('p', { id: 'form-summary', className: 'field-error', role: 'alert' }),
    h('div', { className: 'actions' },
      h('vscode-button', { id: 'submit', disabled: busy || blocked(chosen()), onclick: submit }, busy ? 'Building plan…' : 'Review plan'),
      h('vscode-button', { secondary: true, onclick: () => send(FormCancelCommand, undefined) }, 'Cancel')),
  );
  showErrors();
}

onNotification(MskMultiVpcInitNotification, (data) => {
  init = data;
  const fresh = draft.touched.length === 0;
  draft.values = { ...(fresh ? defaults() : draft.values), ...data.preset };
  if (data.preset.clusterArn) touch('clusterArn');
  saveDraft(draft);
  render();
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
  banner = { kind: 'info', text: `Plan "${planTitle}" is open for review, with the old and new cluster policy side by side. Apply it from the plan tab (CodeLens or the editor title button).` };
  render();
});
onNotification(ErrorNotification, ({ message }) => {
  busy = false;
  banner = { kind: 'error', text: message };
  render();
});
ready();

// The VPC endpoint service form: pick Network Load Balancer(s) (other types listed disabled with
// the reason), whether connections need acceptance, an optional private DNS name (verified later
// by a TXT record) and the ClickPipes regions to offer the service in across regions. Fields are
// checked as they change with the validators the host runs again; submitting opens the plan.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-form-group/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { isClickPipesRegion } from '../../model/clickpipes';
import type { EndpointServiceForm } from '../../model/forms';
import { validateForm } from '../../model/validation';
import { EndpointServiceInitNotification, SubmitEndpointServiceCommand, type EndpointServiceInit } from '../endpointServiceProtocol';
import { ErrorNotification, FormCancelCommand, FormErrorsNotification, FormSubmittedNotification, type FormErrors } from '../protocol';
import { errorSlot, fill, focusFirstInvalid, h, labelControl, loadDraft, onNotification, ready, saveDraft, send } from './_client';

type Draft = { values: EndpointServiceForm; touched: string[] };

const root = document.getElementById('app')!;
let init: EndpointServiceInit | undefined;
let hostErrors: FormErrors = {};
let banner: { kind: 'error' | 'info'; text: string } | undefined;
let busy = false;

const defaults = (): EndpointServiceForm => ({ mode: 'new', networkLoadBalancerArns: [], acceptanceRequired: true, privateDnsName: '', supportedRegions: [] });

let draft: Draft = loadDraft<Draft>() ?? { values: defaults(), touched: [] };
const persist = () => saveDraft(draft);

/** What is sent: empty optional fields left out, the region the host will insist on anyway. */
function submittedValues(): EndpointServiceForm {
  const v = draft.values;
  return {
    mode: 'new',
    networkLoadBalancerArns: v.networkLoadBalancerArns ?? [],
    acceptanceRequired: v.acceptanceRequired !== false,
    privateDnsName: v.privateDnsName?.trim() || undefined,
    supportedRegions: v.supportedRegions?.length ? v.supportedRegions : undefined,
    region: init?.region,
  };
}

function errors(): FormErrors {
  const errs = validateForm('endpointService', submittedValues());
  const chosenBad = init?.loadBalancers.find((o) => draft.values.networkLoadBalancerArns?.includes(o.arn) && o.disabledReason);
  if (!errs.networkLoadBalancerArns && chosenBad) errs.networkLoadBalancerArns = chosenBad.disabledReason!;
  for (const [k, m] of Object.entries(hostErrors)) errs[k] ??= m;
  return errs;
}

/** Not an error: the user may mean to add a region later, but should know ClickPipes can't reach it yet. */
function reachWarning(): string | undefined {
  if (!init?.regionWarning) return undefined;
  return (draft.values.supportedRegions ?? []).some(isClickPipesRegion) ? undefined : init.regionWarning;
}

function touch(field: string): void {
  if (!draft.touched.includes(field)) draft.touched.push(field);
}

function set<K extends keyof EndpointServiceForm>(field: K, value: EndpointServiceForm[K], rerender = false): void {
  draft.values[field] = value;
  delete hostErrors[field as string];
  touch(field as string);
  persist();
  if (rerender) render();
  else showErrors();
}

// ---- fields ------------------------------------------------------------------------------------

function group(label: string, field: string, control: HTMLElement, help?: string | HTMLElement): HTMLElement {
  const labelEl = h('vscode-label', {}, label);
  const helper = help ? h('vscode-form-helper', {}, help) : undefined;
  labelControl(field, labelEl, control, helper);
  return h('vscode-form-group', { variant: 'vertical', 'data-group': field }, labelEl, control, helper, errorSlot(field));
}

function toggleIn(field: 'networkLoadBalancerArns' | 'supportedRegions', value: string, on: boolean, rerender = false): void {
  const next = new Set(draft.values[field] ?? []);
  if (on) next.add(value);
  else next.delete(value);
  set(field, [...next], rerender);
}

function loadBalancerSection(): HTMLElement {
  const lbs = init?.loadBalancers ?? [];
  const chosen = new Set(draft.values.networkLoadBalancerArns ?? []);
  const list = h('div', { className: 'check-list', id: 'field-networkLoadBalancerArns', role: 'group' },
    ...lbs.map((o) => {
      const box = h('vscode-checkbox', {
        checked: chosen.has(o.arn), disabled: !!o.disabledReason, 'data-arn': o.arn, label: o.label,
      }) as HTMLElement & { checked: boolean };
      box.addEventListener('change', () => toggleIn('networkLoadBalancerArns', o.arn, box.checked));
      const why = o.disabledReason ?? o.note;
      return h('div', { className: 'check-row' }, box, why ? h('span', { className: o.disabledReason ? 'note warn' : 'note' }, why) : undefined);
    }));
  return h('section', {},
    h('h2', {}, '1. Network Load Balancer'),
    group('Load balancers', 'networkLoadBalancerArns', lbs.length ? list : h('p', { id: 'field-networkLoadBalancerArns', className: 'muted' }, `No load balancers in ${init?.region ?? 'this region'}.`),
      'The endpoint service forwards ClickPipes\' connections to these NLBs (same region). Application and gateway load balancers cannot be used.'));
}

function optionsSection(): HTMLElement {
  const acceptance = h('vscode-checkbox', { id: 'field-acceptanceRequired', checked: draft.values.acceptanceRequired !== false, label: 'Acceptance required' }) as HTMLElement & { checked: boolean };
  acceptance.addEventListener('change', () => set('acceptanceRequired', acceptance.checked, true));
  const dns = h('vscode-textfield', { id: 'field-privateDnsName', name: 'privateDnsName', value: draft.values.privateDnsName ?? '', placeholder: 'db.example.com (optional)' }) as HTMLElement & { value: string };
  dns.addEventListener('input', () => set('privateDnsName', dns.value.trim()));
  dns.addEventListener('change', () => { touch('privateDnsName'); showErrors(); });
  return h('section', {},
    h('h2', {}, '2. Connections and DNS'),
    group('Connection requests', 'acceptanceRequired', acceptance,
      draft.values.acceptanceRequired !== false
        ? 'You accept each request (the ClickPipes endpoint waits as "Pending acceptance" and expires after a day): accept it from the tree.'
        : 'Allowed principals (ClickPipes) connect without approval.'),
    group('Private DNS name', 'privateDnsName', dns,
      'Optional. After creation the service shows a TXT record (name and value) to publish in your DNS zone; then run "Start private DNS verification".'));
}

function regionsSection(): HTMLElement {
  const chosen = new Set(draft.values.supportedRegions ?? []);
  const list = h('div', { className: 'check-list', id: 'field-supportedRegions', role: 'group' },
    ...(init?.clickpipesRegions ?? []).map((r) => {
      const box = h('vscode-checkbox', { checked: chosen.has(r.code), 'data-region': r.code, label: `${r.code} — ${r.name}` }) as HTMLElement & { checked: boolean };
      box.addEventListener('change', () => toggleIn('supportedRegions', r.code, box.checked, true));
      return h('div', { className: 'check-row' }, box);
    }));
  const warning = reachWarning();
  return h('section', {},
    h('h2', {}, '3. Cross-region ClickPipes'),
    group('Supported regions', 'supportedRegions', list,
      `${init?.region ?? 'The service\'s region'} is always supported. Add the ClickPipes region(s) of your ClickHouse service when it runs elsewhere.`),
    warning ? h('p', { className: 'warning-box', id: 'region-warning' }, warning) : undefined);
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
  for (const field of [...Object.keys(errors()), 'networkLoadBalancerArns', 'privateDnsName', 'supportedRegions']) touch(field);
  persist();
  showErrors();
  if (Object.keys(errors()).length > 0) {
    focusFirstInvalid(root);
    return;
  }
  busy = true;
  render();
  send(SubmitEndpointServiceCommand, { values: submittedValues() });
}

function render(): void {
  if (!init) return;
  fill(root,
    h('h1', {}, 'VPC endpoint service for ClickPipes'),
    h('p', { className: 'muted' }, `Profile ${init.profile}, region ${init.region}. Creates an endpoint service on your Network Load Balancer and allows ClickPipes (${init.clickpipesPrincipal}) to connect. Nothing changes until you apply the reviewed plan; the result is the service name to paste into ClickHouse Cloud.`),
    init.loadError ? h('p', { className: 'warning-box' }, init.loadError) : undefined,
    banner ? h('p', { className: banner.kind === 'error' ? 'error-box' : 'info-box', role: 'alert' }, banner.text) : undefined,
    loadBalancerSection(),
    h('vscode-divider', {}),
    optionsSection(),
    h('vscode-divider', {}),
    regionsSection(),
    h('p', { id: 'form-summary', className: 'field-error', role: 'alert' }),
    h('div', { className: 'actions' },
      h('vscode-button', { id: 'submit', disabled: busy, onclick: submit }, busy ? 'Building plan…' : 'Review plan'),
      h('vscode-button', { secondary: true, onclick: () => send(FormCancelCommand, undefined) }, 'Cancel')),
  );
  showErrors();
}

onNotification(EndpointServiceInitNotification, (data) => {
  init = data;
  const fresh = draft.touched.length === 0;
  draft.values = { ...(fresh ? defaults() : draft.values), ...(fresh ? data.preset : {}) };
  // Opened with a load balancer: it wins over an old draft. Choices no longer listed are dropped.
  if (data.preset.networkLoadBalancerArns?.length) draft.values.networkLoadBalancerArns = data.preset.networkLoadBalancerArns;
  draft.values.networkLoadBalancerArns = (draft.values.networkLoadBalancerArns ?? []).filter((a) => data.loadBalancers.some((o) => o.arn === a && !o.disabledReason));
  persist();
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
  banner = { kind: 'info', text: `Plan "${planTitle}" is open for review. Apply it from the plan tab (CodeLens or the editor title button).` };
  render();
});
onNotification(ErrorNotification, ({ message }) => {
  busy = false;
  banner = { kind: 'error', text: message };
  render();
});
ready();

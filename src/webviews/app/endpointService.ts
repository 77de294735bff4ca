// The VPC endpoint service form: pick Network Load Balancer(s) (other types listed disabled with
// the reason), whether connections need acceptance, an optional private DNS name (verified later
// by a TXT record) and the ClickPipes regions to offer the service in across regions. Fields are
// checked as they change with the validators the host runs again; submitting opens the plan.
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import { isClickPipesRegion } from '../../model/clickpipes';
import type { EndpointServiceForm } from '../../model/forms';
import { validateForm } from '../../model/formValidation';
import { EndpointServiceInitNotification, SubmitEndpointServiceCommand, type EndpointServiceInit } from '../endpointServiceProtocol';
import type { FormErrors } from '../protocol';
import { h, ready, send, t } from './_client';
import { createForm } from './_form';

const defaults = (): EndpointServiceForm => ({ mode: 'new', networkLoadBalancerArns: [], acceptanceRequired: true, privateDnsName: '', supportedRegions: [] });

const form = createForm<EndpointServiceForm, EndpointServiceInit>({
  initNotification: EndpointServiceInitNotification,
  defaults,
  heading: t('VPC endpoint service for ClickPipes'),
  intro: (init) => t('Profile {0}, region {1}. Creates an endpoint service on your Network Load Balancer and allows ClickPipes ({2}) to connect. Nothing changes until you apply the reviewed plan; the result is the service name to paste into ClickHouse Cloud.', init.profile, init.region, init.clickpipesPrincipal),
  sections: () => [loadBalancerSection(), h('vscode-divider', {}), optionsSection(), h('vscode-divider', {}), regionsSection()],
  errors,
  submitFields: () => ['networkLoadBalancerArns', 'privateDnsName', 'supportedRegions'],
  submit: () => send(SubmitEndpointServiceCommand, { values: submittedValues() }),
  applyInit(data) {
    const { draft } = form;
    const fresh = draft.touched.length === 0;
    draft.values = { ...(fresh ? defaults() : draft.values), ...(fresh ? data.preset : {}) };
    // Opened with a load balancer: it wins over an old draft. Choices no longer listed are dropped.
    if (data.preset.networkLoadBalancerArns?.length) draft.values.networkLoadBalancerArns = data.preset.networkLoadBalancerArns;
    draft.values.networkLoadBalancerArns = (draft.values.networkLoadBalancerArns ?? []).filter((a) => data.loadBalancers.some((o) => o.arn === a && !o.disabledReason));
  },
});

/** What is sent: empty optional fields left out, the region the host will insist on anyway. */
function submittedValues(): EndpointServiceForm {
  const v = form.draft.values;
  return {
    mode: 'new',
    networkLoadBalancerArns: v.networkLoadBalancerArns ?? [],
    acceptanceRequired: v.acceptanceRequired !== false,
    privateDnsName: v.privateDnsName?.trim() || undefined,
    supportedRegions: v.supportedRegions?.length ? v.supportedRegions : undefined,
    region: form.init?.region,
  };
}

function errors(): FormErrors {
  const errs = validateForm('endpointService', submittedValues());
  const chosenBad = form.init?.loadBalancers.find((o) => form.draft.values.networkLoadBalancerArns?.includes(o.arn) && o.disabledReason);
  if (!errs.networkLoadBalancerArns && chosenBad) errs.networkLoadBalancerArns = chosenBad.disabledReason!;
  return errs;
}

/** Not an error: the user may mean to add a region later, but should know ClickPipes can't reach it yet. */
function reachWarning(): string | undefined {
  const init = form.init;
  if (!init?.regionWarning) return undefined;
  return (form.draft.values.supportedRegions ?? []).some(isClickPipesRegion) ? undefined : init.regionWarning;
}

// ---- fields ------------------------------------------------------------------------------------

function toggleIn(field: 'networkLoadBalancerArns' | 'supportedRegions', value: string, on: boolean, rerender = false): void {
  const next = new Set(form.draft.values[field] ?? []);
  if (on) next.add(value);
  else next.delete(value);
  form.set(field, [...next], rerender);
}

function loadBalancerSection(): HTMLElement {
  const init = form.init;
  const lbs = init?.loadBalancers ?? [];
  const chosen = new Set(form.draft.values.networkLoadBalancerArns ?? []);
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
    h('h2', {}, t('1. Network Load Balancer')),
    form.group(t('Load balancers'), 'networkLoadBalancerArns', lbs.length ? list : h('p', { id: 'field-networkLoadBalancerArns', className: 'muted' }, t('No load balancers in {0}.', init?.region ?? t('this region'))),
      t('The endpoint service forwards ClickPipes\' connections to these NLBs (same region). Application and gateway load balancers cannot be used.')));
}

function optionsSection(): HTMLElement {
  const { values } = form.draft;
  const acceptance = h('vscode-checkbox', { id: 'field-acceptanceRequired', checked: values.acceptanceRequired !== false, label: t('Acceptance required') }) as HTMLElement & { checked: boolean };
  acceptance.addEventListener('change', () => form.set('acceptanceRequired', acceptance.checked, true));
  return h('section', {},
    h('h2', {}, t('2. Connections and DNS')),
    form.group(t('Connection requests'), 'acceptanceRequired', acceptance,
      values.acceptanceRequired !== false
        ? t('You accept each request (the ClickPipes endpoint waits as "Pending acceptance" and expires after a day): accept it from the tree.')
        : t('Allowed principals (ClickPipes) connect without approval.')),
    form.group(t('Private DNS name'), 'privateDnsName', form.textField('privateDnsName', t('{0} (optional)', 'db.example.com'), { parse: (s) => s.trim() }),
      t('Optional. After creation the service shows a TXT record (name and value) to publish in your DNS zone; then run "Start private DNS verification".')));
}

function regionsSection(): HTMLElement {
  const init = form.init;
  const chosen = new Set(form.draft.values.supportedRegions ?? []);
  const list = h('div', { className: 'check-list', id: 'field-supportedRegions', role: 'group' },
    ...(init?.clickpipesRegions ?? []).map((r) => {
      const box = h('vscode-checkbox', { checked: chosen.has(r.code), 'data-region': r.code, label: `${r.code} — ${r.name}` }) as HTMLElement & { checked: boolean };
      box.addEventListener('change', () => toggleIn('supportedRegions', r.code, box.checked, true));
      return h('div', { className: 'check-row' }, box);
    }));
  const warning = reachWarning();
  return h('section', {},
    h('h2', {}, t('3. Cross-region ClickPipes')),
    form.group(t('Supported regions'), 'supportedRegions', list,
      t('{0} is always supported. Add the ClickPipes region(s) of your ClickHouse service when it runs elsewhere. Adding a region needs the IAM permission vpce:AllowMultiRegion.', init?.region ?? t('The service\'s region'))),
    warning ? h('p', { className: 'warning-box', id: 'region-warning' }, warning) : undefined);
}

ready();

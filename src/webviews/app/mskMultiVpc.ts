// The MSK multi-VPC form: pick a cluster, see its multi-VPC prerequisites (each failing one
// explained; submission blocked), choose the auth types to turn on (only those enabled on the
// cluster). Fields are checked as they change with the validators the host runs again on submit.
// Submitting builds a plan on the host and opens it for review: nothing is applied from here.
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { MskMultiVpcForm } from '../../model/forms';
import { validateForm } from '../../model/formValidation';
import { MskMultiVpcInitNotification, SubmitMskMultiVpcCommand, defaultAuth, type MskClusterOption, type MskMultiVpcInit } from '../mskProtocol';
import type { FormErrors } from '../protocol';
import { errorSlot, h, ready, send, t } from './_client';
import { createForm } from './_form';

const defaults = (): MskMultiVpcForm => ({ clusterArn: '', auth: { iam: false, scram: false, tls: false } });

const form = createForm<MskMultiVpcForm, MskMultiVpcInit>({
  initNotification: MskMultiVpcInitNotification,
  defaults,
  heading: t('MSK multi-VPC endpoint for ClickPipes'),
  intro: (init) => t('Profile {0}, region {1}. Nothing changes until you apply the reviewed plan.', init.profile, init.region),
  sections: () => [clusterSection(), chosen() ? h('vscode-divider', {}) : undefined, authSection(), policySection()],
  errors,
  submitFields: () => ['clusterArn', 'auth', 'clickpipesAuth'],
  submit() {
    const { clusterArn, auth, clickpipesAuth } = draft.values;
    const both = auth.iam && auth.scram;
    send(SubmitMskMultiVpcCommand, { values: { clusterArn, auth: { iam: auth.iam, scram: auth.scram, tls: Boolean(auth.tls) }, ...(both && clickpipesAuth ? { clickpipesAuth } : {}) } });
  },
  applyInit(data) {
    const fresh = draft.touched.length === 0;
    draft.values = { ...(fresh ? defaults() : draft.values), ...data.preset };
    if (data.preset.clusterArn) form.touch('clusterArn');
  },
  blocked: () => blocked(chosen()),
  submittedText: (planTitle) => t('Plan "{0}" is open for review, with the old and new cluster policy side by side. Apply it from the plan tab (CodeLens or the editor title button).', planTitle),
});
const { draft, update } = form;

const chosen = (): MskClusterOption | undefined => form.init?.clusters.find((c) => c.arn === draft.values.clusterArn);
const blocked = (c: MskClusterOption | undefined) => Boolean(c?.prerequisites.some((p) => !p.ok));

function errors(): FormErrors {
  const c = chosen();
  const errs = validateForm('mskMultiVpc', { ...draft.values, clusterAuth: c?.auth });
  if (!draft.values.clusterArn) errs.clusterArn = t('MSK cluster: choose a cluster.');
  else if (c && blocked(c)) errs.clusterArn = t('This cluster does not meet the multi-VPC prerequisites (see the list below).');
  return errs;
}

function clusterSection(): HTMLElement {
  const clusters = form.init?.clusters ?? [];
  const select = h('vscode-single-select', { id: 'field-clusterArn', name: 'clusterArn' },
    h('vscode-option', { value: '', selected: !draft.values.clusterArn }, clusters.length ? t('Choose a cluster…') : t('No MSK clusters in {0}', form.init?.region ?? t('this region'))),
    ...clusters.map((c) => h('vscode-option', { value: c.arn, selected: c.arn === draft.values.clusterArn }, `${blocked(c) ? '✗ ' : ''}${c.label}`))) as HTMLElement & { value: string };
  select.addEventListener('change', () => update('clusterArn', (v) => {
    v.clusterArn = select.value;
    const c = chosen();
    v.auth = c ? defaultAuth(c) : { iam: false, scram: false, tls: false };
  }, true));
  const c = chosen();
  return h('section', {},
    h('h2', {}, t('1. MSK cluster')),
    form.group(t('Cluster'), 'clusterArn', select),
    c ? prerequisiteList(c) : undefined);
}

function prerequisiteList(c: MskClusterOption): HTMLElement {
  return h('div', { id: 'prerequisites', role: 'list', 'aria-label': t('Multi-VPC prerequisites') },
    h('h3', {}, t('Prerequisites')),
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
    label: already ? t('{0} — already on for multi-VPC', label) : enabled ? label : t('{0} — not enabled on the cluster', label),
  }) as HTMLElement & { checked: boolean };
  // Re-render: ticking both SASL types brings up the "ClickPipes connects with" choice.
  box.addEventListener('change', () => update('auth', (v) => { v.auth = { ...v.auth, [key]: box.checked }; }, true));
  return h('div', { className: 'check-row' }, box);
}

function authSection(): HTMLElement | undefined {
  const c = chosen();
  if (!c) return undefined;
  return h('section', {},
    h('h2', { id: 'label-auth' }, t('2. Authentication for multi-VPC connectivity')),
    h('div', { className: 'check-list', id: 'field-auth', role: 'group', 'aria-labelledby': 'label-auth', 'aria-describedby': 'help-auth error-auth' },
      authBox('iam', t('SASL/IAM (ClickPipes: SASL_IAM)'), c),
      authBox('scram', t('SASL/SCRAM (ClickPipes: SASL_SCRAM)'), c),
      authBox('tls', t('TLS (not used by ClickPipes)'), c)),
    h('vscode-form-helper', { id: 'help-auth' }, t('Only types enabled on the cluster can be turned on. Types already on stay on. Changing connectivity puts the cluster in UPDATING for a while.')),
    // AWS MSK guide, multi-VPC requirements: SCRAM/mTLS need Kafka ACLs and allow.everyone.if.no.acl.found=false.
    draft.values.auth.scram || draft.values.auth.tls || c.multiVpc.scram || c.multiVpc.tls
      ? h('p', { className: 'warning-box', id: 'acl-requirement', role: 'status' }, t('SASL/SCRAM or mTLS with multi-VPC: AWS requires Apache Kafka ACLs on the cluster and allow.everyone.if.no.acl.found=false in its configuration. This form does not read or change the broker configuration; set both yourself.'))
      : undefined,
    errorSlot('auth'),
    clickpipesAuthChoice());
}

/** With SASL/IAM and SASL/SCRAM both on, ClickPipes can use either: ask which. */
function clickpipesAuthChoice(): HTMLElement | undefined {
  const { auth, clickpipesAuth } = draft.values;
  if (!auth.iam || !auth.scram) return undefined;
  const radios = h('vscode-radio-group', { id: 'field-clickpipesAuth', 'aria-describedby': 'error-clickpipesAuth' },
    h('vscode-radio', { name: 'clickpipesAuth', value: 'SASL_IAM', checked: clickpipesAuth === 'SASL_IAM', label: t('SASL/IAM (SASL_IAM)') }),
    h('vscode-radio', { name: 'clickpipesAuth', value: 'SASL_SCRAM', checked: clickpipesAuth === 'SASL_SCRAM', label: t('SASL/SCRAM (SASL_SCRAM)') }));
  radios.addEventListener('change', (e) => update('clickpipesAuth', (v) => { v.clickpipesAuth = (e.target as HTMLInputElement).value as 'SASL_IAM' | 'SASL_SCRAM'; }));
  return h('div', {}, h('h3', {}, t('ClickPipes connects with')), radios, errorSlot('clickpipesAuth'));
}

function policySection(): HTMLElement | undefined {
  if (!chosen()) return undefined;
  return h('section', {},
    h('h2', {}, t('3. Cluster policy')),
    h('p', { className: 'muted' }, t('The plan merges statements allowing the ClickPipes account {0} (kafka:CreateVpcConnection, GetBootstrapBrokers, DescribeCluster(V2), kafka-cluster:* on the cluster, its topics and groups) into the cluster\'s policy. Statements already there are kept; the review shows the old and new policy side by side.', form.init?.clickpipesAccount ?? '072088201116')),
    h('p', { className: 'muted', id: 'policy-scope' }, t('kafka-cluster:* is what AWS\'s example policy grants and what a SASL/IAM ClickPipe is authorized by. A SASL/SCRAM ClickPipe gets only the four kafka: actions: SCRAM clients are authorized by Kafka ACLs.')));
}

ready();

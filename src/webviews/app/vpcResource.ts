// The VPC-resource form: gateway (new or existing) → resource configuration → RAM share to
// ClickPipes. Fields are checked as they change with the same validators the host runs again on
// submit (src/model/validation.ts); the draft survives hiding the tab (getState/setState).
// Submitting builds a plan on the host and opens it for review: nothing is applied from here.
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VpcResourceForm } from '../../model/forms';
import { validateForm } from '../../model/formValidation';
import {
  LoadVpcRequest, SubmitVpcResourceCommand, VpcResourceInitNotification, type FormErrors, type VpcDetails, type VpcResourceInit,
} from '../protocol';
import { h, ready, request, send, t } from './_client';
import { createForm, type FormDraft } from './_form';

type Draft = FormDraft<VpcResourceForm> & { details?: VpcDetails; detailsFor?: string };

const defaults = (): VpcResourceForm => ({
  gatewayMode: 'new', gatewayName: '', vpcId: '', subnetIds: [], securityGroupIds: [], ipAddressType: 'IPV4',
  configurationName: '', configurationType: 'ARN', definitionKind: 'arn', arn: '', portRanges: [], protocol: 'TCP',
  shareName: '', allowExternalPrincipals: true,
});

const form = createForm<VpcResourceForm, VpcResourceInit, Draft>({
  initNotification: VpcResourceInitNotification,
  defaults,
  heading: t('VPC resource endpoint for ClickPipes'),
  intro: (init) => t('Profile {0}, region {1}. Nothing is created until you apply the reviewed plan.', init.profile, init.region),
  notes: (init) => [init.regionWarning ? h('p', { className: 'warning-box', role: 'status' }, init.regionWarning) : undefined],
  sections: () => [gatewaySection(), h('vscode-divider', {}), configurationSection(), h('vscode-divider', {}), shareSection()],
  errors,
  submitFields: () => Object.keys(validateForm('vpcResource', submittedValues())),
  submit: () => send(SubmitVpcResourceCommand, { values: submittedValues() }),
  applyInit(data) {
    const { draft } = form;
    // The preset (where the form was opened from) fills a fresh form; a draft the user already
    // edited is kept as it is when the page is rebuilt after being hidden.
    if (draft.touched.length === 0) {
      draft.values = { ...defaults(), ...data.preset };
      if (data.preset.gatewayId) draft.values.gatewayMode = 'existing';
      if (data.preset.arn) draft.values.configurationType = 'ARN';
    }
  },
});
const { draft } = form;

/** What the validators see: only the fields that matter for the chosen mode and type. */
function submittedValues(): VpcResourceForm {
  const v = { ...draft.values, vpcCidrs: draft.details?.cidrs };
  const type = v.configurationType;
  if (type === 'ARN') v.definitionKind = 'arn';
  if (type === 'ARN' || type === 'CHILD') v.portRanges = type === 'CHILD' ? v.portRanges : undefined;
  return v;
}

function errors(): FormErrors {
  const errs = { ...validateForm('vpcResource', submittedValues()) };
  const v = draft.values;
  // Capacity checks the validators cannot make without the subnet list.
  if (v.gatewayMode === 'new' && draft.details && !errs.subnetIds) {
    const bad = draft.details.subnets.filter((s) => v.subnetIds?.includes(s.id) && s.freeSlash28 === 'no');
    if (bad.length) errs.subnetIds = t('No free /28 block (16 consecutive addresses) in {0}: the endpoint would fail there.', bad.map((s) => s.id).join(', '));
  }
  if (v.configurationType === 'ARN' && v.arn && form.init?.databases.some((d) => d.arn === v.arn && d.publiclyAccessible)) {
    errs.arn = t('This database is publicly accessible; ClickPipes private endpoints need a private database.');
  }
  return errs;
}

// ---- fields ------------------------------------------------------------------------------------

const { group, set, textField } = form;

function select(field: keyof VpcResourceForm & string, options: { value: string; label: string; disabled?: boolean }[], rerender = true): HTMLElement {
  const current = String(draft.values[field] ?? '');
  const el = h('vscode-single-select', { id: `field-${field}`, name: field },
    ...options.map((o) => h('vscode-option', { value: o.value, selected: o.value === current, disabled: o.disabled }, o.label))) as HTMLElement & { value: string };
  el.addEventListener('change', () => set(field, el.value as never, rerender));
  return el;
}

function checkList(field: 'subnetIds' | 'securityGroupIds', items: { id: string; label: string; note?: string; warn?: boolean }[]): HTMLElement {
  const chosen = new Set(draft.values[field] ?? []);
  return h('div', { className: 'check-list', id: `field-${field}`, role: 'group' },
    ...items.map((item) => {
      const box = h('vscode-checkbox', { checked: chosen.has(item.id), 'data-id': item.id, label: item.label }) as HTMLElement & { checked: boolean };
      box.addEventListener('change', () => {
        const next = new Set(draft.values[field] ?? []);
        if (box.checked) next.add(item.id);
        else next.delete(item.id);
        set(field, [...next]);
      });
      return h('div', { className: 'check-row' }, box, item.note ? h('span', { className: item.warn ? 'note warn' : 'note' }, item.note) : undefined);
    }));
}

const splitList = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

// ---- sections ----------------------------------------------------------------------------------

async function loadVpc(vpcId: string): Promise<void> {
  if (!/^vpc-[0-9a-f]+$/.test(vpcId) || draft.detailsFor === vpcId) return;
  try {
    draft.details = await request(LoadVpcRequest, { vpcId });
    draft.detailsFor = vpcId;
    // Drop choices that belong to another VPC.
    draft.values.subnetIds = (draft.values.subnetIds ?? []).filter((id) => draft.details!.subnets.some((s) => s.id === id));
    draft.values.securityGroupIds = (draft.values.securityGroupIds ?? []).filter((id) => draft.details!.securityGroups.some((g) => g.value === id));
    form.persist();
  } catch (err) {
    form.banner = { kind: 'error', text: t('Could not read the VPC: {0}', (err as Error).message) };
  }
  form.render();
}

function gatewaySection(): HTMLElement {
  const v = draft.values;
  if (v.configurationType === 'CHILD') {
    return h('section', {}, h('h2', {}, t('1. Resource gateway')), h('p', { className: 'muted' }, t('A CHILD configuration uses the gateway of its GROUP.')));
  }
  const mode = h('vscode-radio-group', { id: 'field-gatewayMode' },
    h('vscode-radio', { name: 'gatewayMode', value: 'new', checked: v.gatewayMode === 'new', label: t('Create a new gateway') }),
    h('vscode-radio', { name: 'gatewayMode', value: 'existing', checked: v.gatewayMode === 'existing', label: t('Use an existing gateway'), disabled: !form.init?.gateways.length }));
  mode.addEventListener('change', (e) => set('gatewayMode', (e.target as HTMLInputElement).value as 'new' | 'existing', true));
  const parts: (HTMLElement | undefined)[] = [h('h2', {}, t('1. Resource gateway')), mode];
  if (v.gatewayMode === 'existing') {
    parts.push(group(t('Gateway'), 'gatewayId', select('gatewayId', [{ value: '', label: t('Choose a gateway…') },
      ...(form.init?.gateways ?? []).map((g) => ({ value: g.id, label: `${g.name} (${g.id}, ${g.status})` }))])));
  } else {
    parts.push(group(t('Gateway name'), 'gatewayName', textField('gatewayName', 'clickpipes-gateway'), t('3–40 lowercase letters, digits and hyphens.')));
    const vpcSelect = select('vpcId', [{ value: '', label: t('Choose a VPC…') }, ...(form.init?.vpcs ?? []).map((x) => ({ value: x.id, label: x.label }))], false);
    vpcSelect.addEventListener('change', () => void loadVpc(draft.values.vpcId ?? ''));
    parts.push(group(t('VPC'), 'vpcId', vpcSelect));
    const d = draft.details;
    if (v.vpcId && d && draft.detailsFor === v.vpcId) {
      parts.push(group(t('Subnets'), 'subnetIds', checkList('subnetIds', d.subnets.map((s) => ({
        id: s.id,
        label: t('{0} — {1}, {2}, {3} free', s.label, s.availabilityZone, s.cidr, s.free),
        note: s.freeSlash28 === 'no' ? t('no free /28 block: an endpoint would fail here') : !s.atLeastSlash26 ? t('smaller than /26 (ClickHouse recommends /26)') : s.freeSlash28 === 'maybe' ? t('a free /28 block is likely but not certain') : t('/26 or larger, room for /28 blocks'),
        warn: s.freeSlash28 !== 'yes' || !s.atLeastSlash26,
      }))), t('Pick subnets in different Availability Zones. Each endpoint needs 16 consecutive free addresses (/28) per subnet.')));
      parts.push(group(t('Security groups'), 'securityGroupIds', checkList('securityGroupIds', d.securityGroups.map((g) => ({ id: g.value, label: g.label }))), t('Up to 5. They must allow the database port from the gateway.')));
    } else if (v.vpcId) {
      parts.push(h('vscode-progress-ring', {}));
      void loadVpc(v.vpcId);
    }
    parts.push(group(t('IP address type'), 'ipAddressType', select('ipAddressType', [{ value: 'IPV4', label: 'IPv4' }, { value: 'IPV6', label: 'IPv6' }, { value: 'DUALSTACK', label: t('Dual stack') }], false)));
  }
  return h('section', {}, ...parts);
}

function configurationSection(): HTMLElement {
  const v = draft.values;
  const type = v.configurationType;
  const parts: (HTMLElement | undefined)[] = [
    h('h2', {}, t('2. Resource configuration')),
    group(t('Configuration name'), 'configurationName', textField('configurationName', 'clickpipes-postgres'), t('3–40 lowercase letters, digits and hyphens; unique in the account.')),
    group(t('Type'), 'configurationType', select('configurationType', [
      { value: 'ARN', label: t('ARN — an RDS cluster or instance') },
      { value: 'SINGLE', label: t('SINGLE — one IP address or DNS name') },
      { value: 'GROUP', label: t('GROUP — a parent for CHILD configurations') },
      { value: 'CHILD', label: t('CHILD — a member of a GROUP') },
    ])),
  ];
  if (type === 'CHILD') {
    parts.push(group(t('Group configuration'), 'groupId', select('groupId', [{ value: '', label: t('Choose a GROUP configuration…') }, ...(form.init?.groups ?? [])], false)));
  }
  if (type === 'ARN') {
    const dbs = form.init?.databases ?? [];
    const picker = select('arn', [{ value: '', label: dbs.length ? t('Choose a database…') : t('No RDS databases found in this region') },
      ...dbs.map((d) => ({ value: d.arn, label: d.publiclyAccessible ? t('{0} — publicly accessible, refused', d.label) : d.label, disabled: d.publiclyAccessible }))], false);
    parts.push(group(t('RDS database'), 'arn', picker, t('Publicly accessible databases are refused: ClickPipes reaches this one privately.')));
  } else if (type === 'SINGLE' || type === 'CHILD' || type === 'GROUP') {
    if (type === 'GROUP') parts.push(h('p', { className: 'muted' }, t('The plan also creates the group\'s first CHILD configuration with this target: a group without children points at nothing.')));
    const kind = h('vscode-radio-group', { id: 'field-definitionKind' },
      h('vscode-radio', { name: 'definitionKind', value: 'ip', checked: v.definitionKind === 'ip', label: t('IP address in the VPC') }),
      h('vscode-radio', { name: 'definitionKind', value: 'dns', checked: v.definitionKind === 'dns', label: t('Public DNS name') }));
    kind.addEventListener('change', (e) => set('definitionKind', (e.target as HTMLInputElement).value as 'ip' | 'dns', true));
    parts.push(group(t('Target'), 'definitionKind', kind));
    if (v.definitionKind === 'ip') parts.push(group(t('IP address'), 'ipAddress', textField('ipAddress', '10.0.1.25'), draft.details?.cidrs.length ? t('Inside {0}.', draft.details.cidrs.join(', ')) : t('An address inside the gateway VPC.')));
    if (v.definitionKind === 'dns') parts.push(group(t('DNS name'), 'domainName', textField('domainName', 'db.example.com'), t('Must resolve publicly.')));
  }
  if (type !== 'ARN') {
    parts.push(group(t('Port ranges'), 'portRanges', textField('portRanges', '5432', { parse: splitList }), t('Comma-separated: 5432, 3306 or 1-65535.')));
    parts.push(h('p', { className: 'muted' }, t('Protocol: TCP')));
  }
  return h('section', {}, ...parts);
}

function shareSection(): HTMLElement {
  if (draft.values.configurationType === 'CHILD') {
    return h('section', {}, h('h2', {}, t('3. Share with ClickPipes (AWS RAM)')),
      h('p', { className: 'muted' }, t('A CHILD configuration is not shared on its own: ClickPipes reaches it through the share of its GROUP.')));
  }
  const allow = h('vscode-checkbox', { id: 'field-allowExternalPrincipals', checked: draft.values.allowExternalPrincipals !== false, label: t('Allow external principals') }) as HTMLElement & { checked: boolean };
  allow.addEventListener('change', () => set('allowExternalPrincipals', allow.checked));
  return h('section', {},
    h('h2', {}, t('3. Share with ClickPipes (AWS RAM)')),
    group(t('Share name'), 'shareName', textField('shareName', 'clickpipes-share')),
    group(t('Principal'), 'principal', h('vscode-textfield', { id: 'field-principal', value: form.init?.clickpipesAccount ?? '072088201116', readonly: true }), t('The ClickPipes AWS account. Fixed.')),
    group(t('External principals'), 'allowExternalPrincipals', allow, t('ClickPipes is outside your organization, so this must stay on.')));
}

ready();

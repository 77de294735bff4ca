// The first thing a reviewer reads: what a plan will change, in the spirit of `terraform plan`.
// Account and region first, then each step as create / update / delete / read with the inputs that
// matter and what it waits for, and what it leaves as it is (no change, as the reads it was built
// from showed). Derived from the plan alone, so an edited plan.json gets a matching summary;
// plan.json stays the source of truth one click away.
import { regionDisplayName } from './clickpipes';
import type { Plan, PlanStep } from './plan';
import { parseRef } from './plan';
import { t } from './text';

export type ChangeAction = 'create' | 'update' | 'delete' | 'read';

// AWS names an operation by its verb; the verb says what the call does to the account.
const VERBS: [RegExp, ChangeAction][] = [
  [/^(Delete|Disassociate|Detach|Revoke|Remove|Reject|Deregister)/, 'delete'],
  [/^(Create|Associate|Attach|Authorize|Add|Register|Tag|Enable)/, 'create'],
  [/^(Update|Modify|Put|Accept|Start|Reboot|Set|Copy)/, 'update'],
];

/** What a step does to the account: a read when it mutates nothing, else from its verb. */
export function changeAction(step: Pick<PlanStep, 'operation' | 'mutating'>): ChangeAction {
  if (!step.mutating) return 'read';
  return VERBS.find(([re]) => re.test(step.operation))?.[1] ?? 'update';
}

const SYMBOL: Record<ChangeAction, string> = { create: '+', update: '~', delete: '-', read: '=' };

// Inputs a reviewer does not decide on: tokens are made at apply, tags and long documents have
// their own tabs or say nothing about the change.
const QUIET_FIELDS = /^(clientToken|ClientToken|ClientRequestToken|tags|Tags)$/;
const LONG_VALUE = 120;

function shown(value: unknown): string {
  if (typeof value === 'string') {
    const ref = parseRef(value);
    if (ref) return t('output {0} of step {1}', ref.output, ref.stepId);
    if (value.trimStart().startsWith('{') && value.length > LONG_VALUE) return t('(a policy document: see its tab)');
    return value.length > LONG_VALUE ? `${value.slice(0, LONG_VALUE - 1)}…` : value;
  }
  const json = JSON.stringify(value) ?? String(value);
  return json.length > LONG_VALUE ? `${json.slice(0, LONG_VALUE - 1)}…` : json;
}

const WILL: Record<ChangeAction, () => string> = {
  create: () => t('will be created'),
  update: () => t('will be updated in place'),
  delete: () => t('will be deleted'),
  read: () => t('read only'),
};

function attributes(step: PlanStep): string[] {
  return Object.entries(step.input)
    .filter(([k, v]) => !QUIET_FIELDS.test(k) && v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k} = ${shown(v)}`);
}

function waitLine(step: PlanStep): string[] {
  const w = step.waitFor;
  if (!w) return [];
  const minutes = Math.max(1, Math.round(w.timeoutSeconds / 60));
  return [t('then waits until {0} is {1} ({2}, up to {3} min)', w.statusPath, w.success.join(' or '), w.operation, minutes)];
}

// The symbol leads every line of a step, as in `terraform plan`, so a diff view colours it.
function stepBlock(step: PlanStep): string[] {
  const action = changeAction(step);
  const symbol = SYMBOL[action];
  const reuse = step.skipIf?.when ? `, ${t('skipped if it already happened')}` : step.skipIf ? `, ${t('reused if it already exists')}` : '';
  return [
    `${symbol} ${step.title} (${WILL[action]()}${reuse})`,
    `${symbol}     ${step.service} ${step.operation}`,
    ...[...attributes(step), ...waitLine(step)].map((l) => `${symbol}     ${l}`),
  ];
}

function counts(plan: Plan): string {
  const n = (a: ChangeAction) => plan.steps.filter((s) => changeAction(s) === a).length;
  const same = plan.unchanged?.length ?? 0;
  return same
    ? t('{0} to create, {1} to update, {2} to delete, {3} read only, {4} unchanged.', n('create'), n('update'), n('delete'), n('read'), same)
    : t('{0} to create, {1} to update, {2} to delete, {3} read only.', n('create'), n('update'), n('delete'), n('read'));
}

/** What stays as it is, one line each, as `terraform plan` lists resources it leaves alone. */
const unchangedLines = (plan: Plan) => (plan.unchanged ?? []).map((u) => `  ${u} (${t('no change')})`);

/** The summary as Markdown (the plan-tree lines in a code block, so they align). */
export function planSummary(plan: Plan): string {
  const where = plan.accountId
    ? t('Account **{0}** (profile **{1}**), region **{2}** ({3}).', plan.accountId, plan.profile, plan.region, regionDisplayName(plan.region))
    : t('Profile **{0}**, region **{1}** ({2}); the account is read from STS before apply.', plan.profile, plan.region, regionDisplayName(plan.region));
  const lines = [`# ${plan.title}`, '', where, '', counts(plan), '', '```diff', ...plan.steps.flatMap(stepBlock), ...unchangedLines(plan), '```', ''];
  if (plan.warnings.length) lines.push(`## ${t('Before you apply')}`, ...plan.warnings.map((w) => `- ${w}`), '');
  const results = Object.keys(plan.results);
  if (results.length) lines.push(`## ${t('What you get')}`, ...results.map((r) => `- ${r}`), '');
  return lines.join('\n');
}

// The modal confirmation text: account (from STS), region, the ClickHouse Cloud organization and
// service when the plan has such steps, and every call that changes something, in order. Pure, so the wording is tested. "Mutating" is judged from the operation
// name too, because the flag in plan.json is editable text.
import { l10n } from '../l10n';
import { backendOf, type Plan, type PlanStep } from '../model/plan';
import type { Journal } from './journal';
import { isMutating } from './planText';

/** "Demo organization / orders-analytics (us-east-1)", from what the builder recorded, else the ids. */
function clickhouseTarget(plan: Plan, step: PlanStep): string {
  const org = plan.meta?.clickhouseOrganization ?? String(step.input.organizationId ?? '?');
  const service = plan.meta?.clickhouseService ?? String(step.input.serviceId ?? '?');
  const region = plan.meta?.clickhouseServiceRegion;
  return region ? `${org} / ${service} (${region})` : `${org} / ${service}`;
}

export function confirmationText(plan: Plan, account: string, journal: Journal | undefined): { message: string; detail: string; calls: string[] } {
  const pending = plan.steps.filter((s) => journal?.steps[s.id]?.state !== 'done');
  const done = plan.steps.filter((s) => journal?.steps[s.id]?.state === 'done');
  const mutating = pending.filter(isMutating);
  const callText = (s: PlanStep) => `${s.service} ${s.operation} — ${s.title}`;
  const awsCalls = mutating.filter((s) => backendOf(s.service) === 'aws');
  const chCalls = mutating.filter((s) => backendOf(s.service) === 'clickhouse');
  const calls = mutating.map(callText);
  const usesAws = plan.steps.some((s) => backendOf(s.service) === 'aws');
  const chStep = plan.steps.find((s) => backendOf(s.service) === 'clickhouse');
  const lines: string[] = [];
  if (usesAws) lines.push(l10n.t('Account {0}, region {1}, profile {2}.', account, plan.region, plan.profile));
  if (chStep) lines.push(l10n.t('ClickHouse Cloud organization / service: {0}.', clickhouseTarget(plan, chStep)));
  lines.push('');
  let n = 0;
  if (awsCalls.length) lines.push(l10n.t('These calls change your AWS account:'), ...awsCalls.map((s) => `${++n}. ${callText(s)}`));
  if (chCalls.length) lines.push(l10n.t('These calls change your ClickHouse Cloud service:'), ...chCalls.map((s) => `${++n}. ${callText(s)}`));
  if (!calls.length) lines.push(l10n.t('No call changes anything (only reads).'));
  const waits = pending.filter((s) => journal?.steps[s.id]?.state === 'created');
  if (waits.length) lines.push('', l10n.t('Already created, still to wait for: {0}.', waits.map((s) => s.title).join(', ')));
  if (done.length) lines.push('', l10n.t('Already done in an earlier apply (skipped): {0}.', done.map((s) => s.title).join(', ')));
  if (plan.warnings?.length) lines.push('', l10n.t('Warnings:'), ...plan.warnings.map((w) => `• ${w}`));
  const resuming = done.length > 0 || waits.length > 0;
  const chWhere = chStep ? clickhouseTarget(plan, chStep) : '';
  const message = usesAws
    ? resuming
      ? l10n.t('Resume applying "{0}" in account {1} ({2})?', plan.title, account, plan.region)
      : l10n.t('Apply "{0}" in account {1} ({2})?', plan.title, account, plan.region)
    : resuming
      ? l10n.t('Resume applying "{0}" in ClickHouse Cloud {1}?', plan.title, chWhere)
      : l10n.t('Apply "{0}" in ClickHouse Cloud {1}?', plan.title, chWhere);
  return { message, detail: lines.join('\n'), calls };
}

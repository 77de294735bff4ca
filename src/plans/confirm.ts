// The modal confirmation text: account (from STS), region, and every call that changes
// something, in order. Pure, so the wording is tested. "Mutating" is judged from the operation
// name too, because the flag in plan.json is editable text.
import { l10n } from '../l10n';
import type { Plan } from '../model/plan';
import type { Journal } from './journal';
import { isMutating } from './planText';

export function confirmationText(plan: Plan, account: string, journal: Journal | undefined): { message: string; detail: string; calls: string[] } {
  const pending = plan.steps.filter((s) => journal?.steps[s.id]?.state !== 'done');
  const done = plan.steps.filter((s) => journal?.steps[s.id]?.state === 'done');
  const calls = pending.filter(isMutating).map((s) => `${s.service} ${s.operation} — ${s.title}`);
  const lines = [l10n.t('Account {0}, region {1}, profile {2}.', account, plan.region, plan.profile), ''];
  if (calls.length) lines.push(l10n.t('These calls change your AWS account:'), ...calls.map((c, i) => `${i + 1}. ${c}`));
  else lines.push(l10n.t('No call changes anything (only reads).'));
  const waits = pending.filter((s) => journal?.steps[s.id]?.state === 'created');
  if (waits.length) lines.push('', l10n.t('Already created, still to wait for: {0}.', waits.map((s) => s.title).join(', ')));
  if (done.length) lines.push('', l10n.t('Already done in an earlier apply (skipped): {0}.', done.map((s) => s.title).join(', ')));
  if (plan.warnings?.length) lines.push('', l10n.t('Warnings:'), ...plan.warnings.map((w) => `• ${w}`));
  const message = done.length || waits.length
    ? l10n.t('Resume applying "{0}" in account {1} ({2})?', plan.title, account, plan.region)
    : l10n.t('Apply "{0}" in account {1} ({2})?', plan.title, account, plan.region);
  return { message, detail: lines.join('\n'), calls };
}

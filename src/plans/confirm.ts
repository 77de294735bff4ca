// The modal confirmation text: account (from STS), region, and every call that changes
// something, in order. Pure, so the wording is tested. "Mutating" is judged from the operation
// name too, because the flag in plan.json is editable text.
import type { Plan } from '../model/plan';
import type { Journal } from './journal';
import { isMutating } from './planText';

export function confirmationText(plan: Plan, account: string, journal: Journal | undefined): { message: string; detail: string; calls: string[] } {
  const pending = plan.steps.filter((s) => journal?.steps[s.id]?.state !== 'done');
  const done = plan.steps.filter((s) => journal?.steps[s.id]?.state === 'done');
  const calls = pending.filter(isMutating).map((s) => `${s.service} ${s.operation} — ${s.title}`);
  const lines = [`Account ${account}, region ${plan.region}, profile ${plan.profile}.`, ''];
  if (calls.length) lines.push('These calls change your AWS account:', ...calls.map((c, i) => `${i + 1}. ${c}`));
  else lines.push('No call changes anything (only reads).');
  const waits = pending.filter((s) => journal?.steps[s.id]?.state === 'created');
  if (waits.length) lines.push('', `Already created, still to wait for: ${waits.map((s) => s.title).join(', ')}.`);
  if (done.length) lines.push('', `Already done in an earlier apply (skipped): ${done.map((s) => s.title).join(', ')}.`);
  if (plan.warnings?.length) lines.push('', 'Warnings:', ...plan.warnings.map((w) => `• ${w}`));
  const verb = done.length || waits.length ? 'Resume applying' : 'Apply';
  return { message: `${verb} "${plan.title}" in account ${account} (${plan.region})?`, detail: lines.join('\n'), calls };
}

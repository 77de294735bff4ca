// "N unfinished plan(s)": applies whose journal has no finish (window closed, failure, cancel),
// not counting the ones running now. What the status bar item says; the item itself is in
// src/commands/unfinishedPlans.ts.
import { t } from './text';

export type JournalSummary = { planId: string; title: string; profile: string; region: string; finishedAt?: string; lastError?: string };

export type UnfinishedSummary = { count: number; text: string; tooltip: string };

export function unfinishedSummary(journals: readonly JournalSummary[], running: ReadonlySet<string>): UnfinishedSummary | undefined {
  const open = journals.filter((j) => !j.finishedAt && !running.has(j.planId));
  if (!open.length) return undefined;
  const text = open.length === 1 ? t('$(debug-pause) 1 unfinished plan') : t('$(debug-pause) {0} unfinished plans', open.length);
  const lines = open.map((j) => `${j.title} (${j.profile} · ${j.region})${j.lastError ? `: ${j.lastError}` : ''}`);
  return { count: open.length, text, tooltip: [t('Click to review and resume (finished steps are not run again):'), ...lines].join('\n') };
}

// A diagnosis as a tree row shows it: the doctor's overall verdict decides the row's icon, and each
// hop that did not pass becomes a tooltip line naming the hop and what it rests on. Pure, so the
// explorer shows the doctor's own verdict rather than a second opinion of its own.
import type { Finding } from '../readiness';
import { t } from '../text';
import { overall, type Report, type Verdict } from './types';

/** The worst verdict over every report of the row (an MSK cluster is diagnosed per auth). */
export function diagnosisVerdict(reports: readonly Report[]): Verdict {
  return overall(reports.flatMap((r) => r.hops));
}

export function diagnosisFindings(reports: readonly Report[]): Finding[] {
  const findings: Finding[] = [];
  for (const r of reports) {
    for (const h of r.hops) {
      if (h.verdict === 'pass') continue;
      const evidence = h.evidence.filter(Boolean)[0];
      const message = evidence ? t('Diagnosis: {0} — {1}', h.title, evidence) : t('Diagnosis: {0}', h.title);
      findings.push({ level: h.verdict === 'fail' ? 'error' : 'unknown', message });
    }
  }
  if (!findings.length) findings.push({ level: 'ok', message: t('Diagnosis: every hop passes ({0}).', reports.reduce((n, r) => n + r.hops.length, 0)) });
  return findings;
}

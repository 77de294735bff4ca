// The doctor's report as markdown: one section per path diagnosed, one line per hop with its
// verdict and evidence, and for a failing hop with a fix, a link the host turns into "review the
// fix plan" (the host decides what a link is: a command URI in the extension).
import { t } from '../text';
import { overall, type Hop, type Report, type Verdict } from './types';

const MARK: Record<Verdict, string> = { pass: '✅', fail: '❌', unknown: '❔' };

export function verdictLabel(v: Verdict): string {
  return v === 'pass' ? t('pass') : v === 'fail' ? t('fail') : t('unknown');
}

const PATH_TITLES = (): Record<Report['path'], string> => ({
  vpcResource: t('VPC resource'), endpointService: t('VPC endpoint service'), mskMultiVpc: t('MSK multi-VPC'), database: t('Database for CDC'),
});

/** Markdown-safe inline text (evidence comes from AWS and may hold `*`, `_` or backticks). */
const inline = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

function hopLines(hop: Hop, fixLink: (hop: Hop) => string | undefined): string[] {
  const lines = [`- ${MARK[hop.verdict]} **${inline(hop.title)}** — ${verdictLabel(hop.verdict)}`];
  for (const e of hop.evidence.filter(Boolean)) lines.push(`  - ${inline(e)}`);
  const link = hop.verdict === 'fail' ? fixLink(hop) : undefined;
  if (link) lines.push(`  - [${t('Review the fix plan')}](${link})`);
  if (hop.source) lines.push(`  - ${t('Source')}: <${hop.source}>`);
  return lines;
}

export function renderReports(reports: Report[], fixLink: (report: Report, hop: Hop) => string | undefined, generatedAt: string): string {
  const all = reports.flatMap((r) => r.hops);
  const out = [
    `# ${t('ClickPipes connectivity: {0}', reports.map((r) => r.subject).join(', '))}`,
    '',
    `${MARK[overall(all)]} ${t('Overall: {0}', verdictLabel(overall(all)))} · ${reports[0] ? `${inline(reports[0].profile)} · ${inline(reports[0].region)}` : ''} · ${generatedAt}`,
    '',
    t('Read-only checks. A fix is a plan you review and apply; nothing changes until you apply it.'),
  ];
  for (const r of reports) {
    out.push('', `## ${PATH_TITLES()[r.path]}: ${inline(r.subject)} — ${MARK[overall(r.hops)]} ${verdictLabel(overall(r.hops))}`, '');
    for (const h of r.hops) out.push(...hopLines(h, (hop) => fixLink(r, hop)));
  }
  return out.join('\n') + '\n';
}

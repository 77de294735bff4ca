// The README's IAM permissions block, rendered from src/model/iamPermissions.ts so the product page
// lists what *Copy Required IAM Policy…* copies. `npm run docs:iam` (scripts/docs-iam.mjs) writes it
// into README.md; test/unit/readme.test.ts fails when the README's copy differs.
import { AWS_OPERATIONS, POLICY_FLOWS, actionsFor, flowLabel, iamAction } from '../../src/model/iamPermissions';

export const IAM_BEGIN = '<!-- iam:begin -->';
export const IAM_END = '<!-- iam:end -->';

// The table keeps only addresses; a new source needs its title here, or rendering stops.
const SOURCE_TITLES: Record<string, string> = {
  'https://docs.aws.amazon.com/vpc-lattice/latest/ug/additional-api-permissions.html': 'VPC Lattice API permissions',
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsprivatelink.html': 'Service Authorization Reference: AWS PrivateLink',
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_vpc-lattice.html': 'Service Authorization Reference: Amazon VPC Lattice',
  'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html': 'EC2: tag resources during creation',
};

function sourceLink(url: string): string {
  const title = SOURCE_TITLES[url];
  if (!title) throw new Error(`no title for ${url}: add it to SOURCE_TITLES in test/docs/iamReadme.ts`);
  return `[${title}](${url})`;
}

const code = (actions: readonly string[]) => actions.map((a) => `\`${a}\``).join(', ');

/** One row per set of extras, with every call that needs it (create and modify often share one). */
function extrasRows(): string[] {
  const rows = new Map<string, { calls: string[]; needs: string }>();
  for (const op of AWS_OPERATIONS) {
    for (const extra of op.extra ?? []) {
      const needs = `${code(extra.actions)} | ${sourceLink(extra.source)}`;
      const key = `${extra.when ?? ''}|${needs}`;
      const row = rows.get(key) ?? { calls: [], needs: `${extra.when ? ` (with ${extra.when})` : ''} | ${needs}` };
      row.calls.push(iamAction(op));
      rows.set(key, row);
    }
  }
  return [...rows.values()].map((r) => `| ${code(r.calls)}${r.needs} |`);
}

/** The block, markers included: one line per policy, then the extras AWS documents, each with its source. */
export function iamBlock(): string {
  const lines = [
    IAM_BEGIN,
    '<!-- Generated from src/model/iamPermissions.ts by `npm run docs:iam`: edit the table, not this block. -->',
    '',
    '| policy | actions |',
    '|---|---|',
    ...POLICY_FLOWS.map((flow) => `| ${flowLabel(flow)} | ${code(actionsFor(flow))} |`),
    '',
    'Some calls need actions besides their own, as AWS documents (the lines above include them):',
    '',
    '| call | also needs | source |',
    '|---|---|---|',
    ...extrasRows(),
    '',
    IAM_END,
  ];
  return lines.join('\n');
}

/** The README's block, markers included; undefined when the markers are missing. */
export function readmeIamBlock(readme: string): string | undefined {
  const begin = readme.indexOf(IAM_BEGIN);
  const end = readme.indexOf(IAM_END, begin);
  return begin < 0 || end < 0 ? undefined : readme.slice(begin, end + IAM_END.length);
}

/** The README with its block replaced by a fresh one. */
export function withIamBlock(readme: string): string {
  const current = readmeIamBlock(readme);
  if (current === undefined) throw new Error(`README.md has no ${IAM_BEGIN} … ${IAM_END} block`);
  return readme.replace(current, () => iamBlock());
}

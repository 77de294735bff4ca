// The review documents for a plan: the plan JSON, every policy it writes (editable, fed back into
// the step), the SQL for IAM DB auth, the AWS CLI equivalent and the summary. Derived from the plan
// alone, so an edited plan yields matching documents.
import { DEFAULT_CREDENTIALS } from '../resources';
import { renderCli } from '../cli';
import type { Plan, ReviewDocument } from '../plan';
import { formatPolicy, parsePolicy } from '../policies';
import { planSummary } from '../planSummary';
import { engineNotes, iamUserSql } from '../sql';

/** The review's first tab: what the plan changes, in plain words. */
export const SUMMARY_FILE = 'summary.md';

/** Step input fields that hold a policy document, and the tab name each gets. */
const POLICY_FIELDS: { operation: string; field: string; name: string }[] = [
  { operation: 'PutClusterPolicy', field: 'Policy', name: 'cluster-policy.json' },
  { operation: 'CreateRole', field: 'AssumeRolePolicyDocument', name: 'trust-policy.json' },
  { operation: 'PutRolePolicy', field: 'PolicyDocument', name: 'rds-db-connect-policy.json' },
];

function policyDocuments(plan: Plan): ReviewDocument[] {
  const docs: ReviewDocument[] = [];
  for (const step of plan.steps) {
    const spec = POLICY_FIELDS.find((p) => p.operation === step.operation);
    const value = spec && step.input[spec.field];
    if (spec && typeof value === 'string') {
      docs.push({ name: spec.name, language: 'json', content: `${value}\n`, editable: true, source: { stepId: step.id, field: spec.field } });
    }
  }
  return docs;
}

/** summary.md: what the plan changes (src/model/planSummary.ts), then what each kind needs said. */
function summary(plan: Plan): string {
  const lines = [planSummary(plan)];
  if (plan.kind === 'iamDbAuth' && plan.meta?.engine) {
    lines.push(`## ${plan.meta.engine} notes`, ...engineNotes(plan.meta.engine).map((n) => `- ${n}`), '');
    lines.push(
      '## In ClickHouse Cloud',
      '- The trust policy names the service role from Settings → Network security information → Service role ID (IAM).',
      `- Use the role ARN and the database user \`${plan.meta.dbUser ?? ''}\` in the ClickPipe's IAM authentication settings.`,
      '',
    );
  }
  if (plan.kind === 'endpointService' && plan.meta?.privateDnsName) {
    lines.push(
      '## Private DNS verification',
      `Create the TXT record the service shows (Name/Value) in the zone of \`${plan.meta.privateDnsName}\`, then run:`,
      '```bash',
      `aws ec2 start-vpc-endpoint-service-private-dns-verification --service-id <vpce-svc-…> --region ${plan.region}${plan.profile === DEFAULT_CREDENTIALS ? '' : ` --profile ${plan.profile}`}`,
      '```',
      '',
    );
  }
  return lines.join('\n');
}

/**
 * The tabs a review opens, front first: the summary, plan.json, and the one document the person
 * most needs to read (SQL they run themselves, else a policy they may edit, else the CLI script).
 * Every other document stays one click away, so a review never buries the editor in tabs.
 */
export function reviewTabs(documents: readonly Pick<ReviewDocument, 'name' | 'language' | 'editable'>[]): string[] {
  const rest = documents.filter((d) => d.name !== SUMMARY_FILE && d.name !== 'plan.json');
  const main = rest.find((d) => d.language === 'sql') ?? rest.find((d) => d.editable) ?? rest.find((d) => d.name === 'commands.sh');
  return [SUMMARY_FILE, 'plan.json', ...(main ? [main.name] : [])].filter((n) => n === 'plan.json' || documents.some((d) => d.name === n));
}

export function documentsFor(plan: Plan): ReviewDocument[] {
  const docs: ReviewDocument[] = [{ name: 'plan.json', language: 'json', content: `${JSON.stringify(plan, null, 2)}\n`, editable: true }];
  if (plan.meta?.previousPolicy) {
    let previous = plan.meta.previousPolicy;
    try {
      previous = formatPolicy(parsePolicy(previous));
    } catch {
      // Shown as it is when it does not parse; the review still wants to see it.
    }
    docs.push({ name: 'cluster-policy.current.json', language: 'json', content: `${previous}\n`, editable: false });
  }
  docs.push(...policyDocuments(plan));
  if (plan.kind === 'iamDbAuth' && plan.meta?.engine) {
    let content: string;
    try {
      content = iamUserSql(plan.meta.engine, { dbUser: plan.meta.dbUser });
    } catch (err) {
      // An edited plan.json may name an engine there is no SQL for: say so in the tab, don't throw.
      content = `-- ${(err as Error).message}\n`;
    }
    docs.push({ name: `${plan.meta.engine}-clickpipes-user.sql`, language: 'sql', content, editable: false });
  }
  docs.push({ name: 'commands.sh', language: 'shellscript', content: renderCli(plan), editable: false });
  docs.push({ name: SUMMARY_FILE, language: 'markdown', content: summary(plan), editable: false });
  return docs;
}

/**
 * Feeds an edited document back into the plan: plan.json replaces the plan, a policy replaces
 * its step's input field. The caller validates the result (validatePlan) before applying.
 */
export function applyDocumentEdit(plan: Plan, doc: Pick<ReviewDocument, 'name' | 'content' | 'source'>): Plan {
  if (doc.name === 'plan.json') return JSON.parse(doc.content) as Plan;
  if (!doc.source) return plan;
  const { stepId, field } = doc.source;
  return {
    ...plan,
    steps: plan.steps.map((s) => (s.id === stepId ? { ...s, input: { ...s.input, [field]: doc.content.trimEnd() } } : s)),
  };
}

// IAM-style policy documents this extension writes: the MSK cluster policy for ClickPipes (merged
// into whatever policy the cluster already has), the trust and rds-db:connect policies for IAM DB
// auth. Output is pretty-printed with a fixed key order so reviews and diffs stay quiet.
import { mskGroupArn, mskTopicArn, rdsDbUserArn } from './arn';
import { CLICKPIPES_ACCOUNT_ID, CLICKPIPES_PRINCIPAL_ARN } from './clickpipes';
import { t } from './text';

export type Statement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: string | Record<string, string | string[]>;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, unknown>;
  [key: string]: unknown;
};

export type PolicyDocument = { Version: string; Id?: string; Statement: Statement[] };

export const POLICY_VERSION = '2012-10-17';

/** Actions of the AWS cross-account multi-VPC cluster policy (mvpc-cluster-owner-action-policy). */
export const MSK_CLUSTER_ACTIONS = [
  'kafka:CreateVpcConnection',
  'kafka:GetBootstrapBrokers',
  'kafka:DescribeCluster',
  'kafka:DescribeClusterV2',
  'kafka-cluster:*',
];

/**
 * What the ClickPipe needs from the policy. 'iam': the AWS example policy (mvpc-cluster-owner-action-policy)
 * with kafka-cluster:* on the cluster, its topics and groups: SASL/IAM clients are authorized by IAM.
 * 'scram': only the multi-VPC control actions; SASL/SCRAM clients are authorized by Kafka ACLs, not by
 * kafka-cluster:* (AWS MSK guide, multi-VPC requirements: SCRAM needs ACLs).
 */
export type MskPolicyAccess = 'iam' | 'scram';

/** The multi-VPC control-plane actions, all a SASL/SCRAM ClickPipe needs from the policy. */
export const MSK_CONTROL_ACTIONS = MSK_CLUSTER_ACTIONS.filter((a) => !a.startsWith('kafka-cluster:'));

/** Our statements carry these Sids so a merge can find and replace them (idempotence). */
export const CLICKPIPES_SIDS = { cluster: 'ClickPipesMultiVpcCluster', topics: 'ClickPipesMultiVpcTopics', groups: 'ClickPipesMultiVpcGroups' } as const;

const STATEMENT_KEY_ORDER = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

function orderStatement(s: Statement): Statement {
  const ordered: Record<string, unknown> = {};
  for (const key of STATEMENT_KEY_ORDER) if (s[key] !== undefined) ordered[key] = s[key];
  for (const key of Object.keys(s)) if (!(key in ordered)) ordered[key] = s[key];
  return ordered as Statement;
}

/** JSON with Version, Id, Statement first and statement keys in IAM's usual order. */
export function formatPolicy(doc: PolicyDocument): string {
  const { Version, Id, Statement: statements, ...rest } = doc as PolicyDocument & Record<string, unknown>;
  const ordered: Record<string, unknown> = { Version };
  if (Id !== undefined) ordered.Id = Id;
  ordered.Statement = statements.map(orderStatement);
  Object.assign(ordered, rest);
  return JSON.stringify(ordered, null, 2);
}

export class PolicyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyParseError';
  }
}

/** Parses a policy; GetRole/GetRolePolicy return URL-encoded documents, so those are decoded first. */
export function parsePolicy(text: string): PolicyDocument {
  let source = text.trim();
  if (source.startsWith('%7B') || source.startsWith('%7b')) source = decodeURIComponent(source);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new PolicyParseError(t('The policy is not valid JSON: {0}', (error as Error).message));
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new PolicyParseError(t('The policy must be a JSON object.'));
  const doc = value as Record<string, unknown>;
  const raw = doc.Statement;
  const statements = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (statements.some((s) => !s || typeof s !== 'object' || Array.isArray(s))) throw new PolicyParseError(t('Every policy statement must be a JSON object.'));
  return { ...(doc as object), Version: typeof doc.Version === 'string' ? doc.Version : POLICY_VERSION, Statement: statements as Statement[] };
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function principalsOf(s: Statement): string[] {
  if (s.Principal === undefined) return [];
  if (typeof s.Principal === 'string') return [s.Principal];
  return Object.values(s.Principal).flatMap((v) => asList(v));
}

/** Does the principal text name the ClickPipes account (id, root ARN or any IAM ARN in it)? */
export function isClickPipesPrincipal(principal: string): boolean {
  return principal === CLICKPIPES_ACCOUNT_ID || principal === CLICKPIPES_PRINCIPAL_ARN || principal.startsWith(`arn:aws:iam::${CLICKPIPES_ACCOUNT_ID}:`);
}

/** Allow statements that name ClickPipes (or everyone). */
export function clickPipesAllowStatements(doc: PolicyDocument): Statement[] {
  return doc.Statement.filter((s) => s.Effect === 'Allow' && principalsOf(s).some((p) => p === '*' || isClickPipesPrincipal(p)));
}

/** Which of the multi-VPC actions the policy does not yet allow ClickPipes (wildcards honoured). */
export function missingMskActions(policyJson: string, access: MskPolicyAccess = 'iam'): string[] {
  const statements = clickPipesAllowStatements(parsePolicy(policyJson));
  const allowed = statements.flatMap((s) => asList(s.Action));
  const covers = (pattern: string, action: string) =>
    pattern === '*' || pattern === action || (pattern.endsWith('*') && action.startsWith(pattern.slice(0, -1)));
  return (access === 'scram' ? MSK_CONTROL_ACTIONS : MSK_CLUSTER_ACTIONS).filter((action) => !allowed.some((p) => covers(p, action)));
}

export function clickPipesMskStatements(clusterArn: string, access: MskPolicyAccess = 'iam'): Statement[] {
  const principal = { AWS: CLICKPIPES_ACCOUNT_ID };
  if (access === 'scram') return [{ Sid: CLICKPIPES_SIDS.cluster, Effect: 'Allow', Principal: principal, Action: [...MSK_CONTROL_ACTIONS], Resource: clusterArn }];
  const statements: Statement[] = [
    { Sid: CLICKPIPES_SIDS.cluster, Effect: 'Allow', Principal: principal, Action: [...MSK_CLUSTER_ACTIONS], Resource: clusterArn },
  ];
  const topics = mskTopicArn(clusterArn);
  const groups = mskGroupArn(clusterArn);
  if (topics) statements.push({ Sid: CLICKPIPES_SIDS.topics, Effect: 'Allow', Principal: principal, Action: 'kafka-cluster:*', Resource: topics });
  if (groups) statements.push({ Sid: CLICKPIPES_SIDS.groups, Effect: 'Allow', Principal: principal, Action: 'kafka-cluster:*', Resource: groups });
  return statements;
}

/** The MSK cluster policy ClickPipes needs, on its own. */
export function mskClusterPolicy(clusterArn: string, access: MskPolicyAccess = 'iam'): string {
  return formatPolicy({ Version: POLICY_VERSION, Statement: clickPipesMskStatements(clusterArn, access) });
}

const OUR_SIDS = new Set<string>(Object.values(CLICKPIPES_SIDS));

/** An account id principal means the account's root (IAM stores "123456789012" as arn:aws:iam::123456789012:root). */
const normalPrincipal = (p: string) => (/^\d{12}$/.test(p) ? `arn:aws:iam::${p}:root` : p);

/**
 * What a statement means, ignoring its Sid, key order, list order and action case (IAM action
 * names are case-insensitive): effect, principals, actions, resources and conditions.
 */
export function statementMeaning(s: Statement): string {
  const sorted = (list: string[]) => [...new Set(list)].sort();
  return JSON.stringify([
    s.Effect,
    sorted(principalsOf(s).map(normalPrincipal)),
    sorted(asList(s.Action).map((a) => a.toLowerCase())),
    sorted(asList(s.Resource)),
    s.NotAction ?? null, s.NotResource ?? null, s.NotPrincipal ?? null, s.Condition ?? null,
  ]);
}

/**
 * Adds the ClickPipes statements to an existing cluster policy. Foreign statements are kept as
 * they are and in order; a statement that is one of ours (by Sid, or by meaning when it has no
 * Sid or another one) is replaced, so merging twice equals merging once and a ClickPipes policy
 * written by hand is not doubled. It only ever widens: where the broad (SASL/IAM) form is there,
 * a SASL/SCRAM merge keeps it, as a SASL/IAM ClickPipe on the same cluster may rely on it.
 */
export function mergeClusterPolicy(existingJson: string | undefined, clusterArn: string, access: MskPolicyAccess = 'iam'): string {
  const existing = existingJson && existingJson.trim() ? parsePolicy(existingJson) : { Version: POLICY_VERSION, Statement: [] };
  const broad = clickPipesMskStatements(clusterArn, 'iam');
  const ours = new Set([...broad, ...clickPipesMskStatements(clusterArn, 'scram')].map(statementMeaning));
  const isOurs = (s: Statement) => (typeof s.Sid === 'string' && OUR_SIDS.has(s.Sid)) || ours.has(statementMeaning(s));
  const broadMeanings = new Set(broad.map(statementMeaning));
  const hadBroad = existing.Statement.some((s) => isOurs(s) && (broadMeanings.has(statementMeaning(s)) || s.Sid === CLICKPIPES_SIDS.topics || s.Sid === CLICKPIPES_SIDS.groups));
  const foreign = existing.Statement.filter((s) => !isOurs(s));
  return formatPolicy({ ...existing, Statement: [...foreign, ...clickPipesMskStatements(clusterArn, hadBroad ? 'iam' : access)] });
}

/** Trust policy letting the ClickHouse service role assume the role (seed: AssumeRole + TagSession). */
export function trustPolicy(clickhouseRoleArn: string): string {
  return formatPolicy({
    Version: POLICY_VERSION,
    Statement: [{ Effect: 'Allow', Principal: { AWS: clickhouseRoleArn }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
  });
}

/** rds-db:connect on one DB user of one instance/cluster (resource id `db-…` / `cluster-…`). */
export function rdsConnectPolicy(region: string, account: string, resourceId: string, dbUser: string): string {
  return formatPolicy({
    Version: POLICY_VERSION,
    Statement: [{ Effect: 'Allow', Action: ['rds-db:connect'], Resource: [rdsDbUserArn(region, account, resourceId, dbUser)] }],
  });
}

/** Same trust (principal + actions) as {@link trustPolicy} would write, ignoring formatting. */
export function trustPolicyMatches(existingJson: string, clickhouseRoleArn: string): boolean {
  let doc: PolicyDocument;
  try {
    doc = parsePolicy(existingJson);
  } catch {
    return false;
  }
  return doc.Statement.some(
    (s) =>
      s.Effect === 'Allow' &&
      principalsOf(s).includes(clickhouseRoleArn) &&
      ['sts:AssumeRole', 'sts:TagSession'].every((a) => asList(s.Action).includes(a)),
  );
}

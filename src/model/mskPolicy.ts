// Cluster-policy edits beyond the merge in src/model/policies.ts: which statements are "for
// ClickPipes", the policy without them (teardown), and rebasing a planned policy onto the one the
// cluster has NOW (after a CurrentVersion conflict). Pure: no vscode, no SDK.
import {
  CLICKPIPES_SIDS, POLICY_VERSION, formatPolicy, isClickPipesPrincipal, parsePolicy, type PolicyDocument, type Statement,
} from './policies';

const OUR_SIDS = new Set<string>(Object.values(CLICKPIPES_SIDS));

function principals(s: Statement): string[] {
  if (s.Principal === undefined) return [];
  if (typeof s.Principal === 'string') return [s.Principal];
  return Object.values(s.Principal).flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/**
 * A statement this extension may remove or replace: one of ours (by Sid), or one that names only
 * the ClickPipes account (hand-written from the AWS/ClickHouse docs). A statement that also names
 * someone else is not ours to touch.
 */
export function isClickPipesStatement(s: Statement): boolean {
  if (typeof s.Sid === 'string' && OUR_SIDS.has(s.Sid)) return true;
  const names = principals(s);
  return names.length > 0 && names.every(isClickPipesPrincipal);
}

/** Statements that name ClickPipes together with other principals (kept by the teardown, reported). */
export function sharedClickPipesStatements(doc: PolicyDocument): Statement[] {
  return doc.Statement.filter((s) => !isClickPipesStatement(s) && principals(s).some(isClickPipesPrincipal));
}

export type PolicyWithoutClickPipes = {
  /** The policy to put back, or undefined when nothing would remain (DeleteClusterPolicy). */
  remaining?: string;
  removed: number;
  kept: number;
};

/** The cluster policy with every ClickPipes statement taken out; foreign ones as they were, in order. */
export function withoutClickPipes(policyJson: string): PolicyWithoutClickPipes {
  const doc = parsePolicy(policyJson);
  const kept = doc.Statement.filter((s) => !isClickPipesStatement(s));
  const removed = doc.Statement.length - kept.length;
  return { remaining: kept.length ? formatPolicy({ ...doc, Statement: kept }) : undefined, removed, kept: kept.length };
}

/**
 * The planned policy moved onto the cluster's current one: every statement NOT for ClickPipes as
 * the cluster has it now (someone else's change meanwhile is kept), and the ClickPipes statements
 * as the plan decided (what the user reviewed, edits included). Works for the merge (the plan
 * adds ours) and for the teardown (the plan has none of ours).
 */
export function rebaseClusterPolicy(plannedJson: string, currentJson: string | undefined): string {
  const planned = parsePolicy(plannedJson);
  const current: PolicyDocument = currentJson && currentJson.trim() ? parsePolicy(currentJson) : { Version: POLICY_VERSION, Statement: [] };
  const foreign = current.Statement.filter((s) => !isClickPipesStatement(s));
  const ours = planned.Statement.filter(isClickPipesStatement);
  return formatPolicy({ ...current, Version: current.Version || planned.Version, Statement: [...foreign, ...ours] });
}

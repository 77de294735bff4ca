// When a role the plan would create already exists, may it be reused? Only if its trust policy
// grants exactly what the plan's would: the same principals, actions and conditions. Anything
// else (another ClickHouse service, an extra principal, a Deny) is reported and left as it is,
// because reusing it would hand rds-db:connect to whoever that trust names. Pure: used by the
// executor (skipIf found the role), by the form's role-name check and by tests.
import type { PlanStep } from './plan';
import { parsePolicy, type PolicyDocument, type Statement } from './policies';

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function principalKeys(s: Statement): string[] {
  if (s.Principal === undefined) return [];
  if (typeof s.Principal === 'string') return [`*:${s.Principal}`];
  return Object.entries(s.Principal).flatMap(([type, v]) => list(v).map((p) => `${type}:${p}`));
}

/** Every (effect, principal, action, condition) the document grants or denies, as comparable keys. */
function grantKeys(doc: PolicyDocument): Set<string> {
  const keys = new Set<string>();
  for (const s of doc.Statement) {
    const condition = s.Condition === undefined ? '' : JSON.stringify(s.Condition);
    const notPrincipal = s.NotPrincipal === undefined ? '' : `not:${JSON.stringify(s.NotPrincipal)}`;
    for (const p of principalKeys(s).concat(notPrincipal ? [notPrincipal] : [])) {
      for (const a of list(s.Action).concat(list(s.NotAction).map((x) => `not:${x}`))) keys.add(`${s.Effect}|${p}|${a.toLowerCase()}|${condition}`);
    }
  }
  return keys;
}

/** Same grants, whatever the formatting, statement order or Sids. Unparsable → not the same. */
export function sameTrust(plannedJson: string, existingJson: string): boolean {
  let planned: Set<string>;
  let existing: Set<string>;
  try {
    planned = grantKeys(parsePolicy(plannedJson));
    existing = grantKeys(parsePolicy(existingJson));
  } catch {
    return false;
  }
  return planned.size === existing.size && [...planned].every((k) => existing.has(k));
}

/** The principals a trust policy allows, for messages ("it trusts …"). */
export function trustedPrincipals(json: string): string[] {
  try {
    const doc = parsePolicy(json);
    return [...new Set(doc.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => principalKeys(s).map((k) => k.slice(k.indexOf(':') + 1))))];
  } catch {
    return [];
  }
}

export function differentTrustMessage(roleName: string, existingJson: string): string {
  const who = trustedPrincipals(existingJson);
  return `IAM role ${roleName} already exists with a different trust policy${who.length ? ` (it trusts ${who.join(', ')})` : ''}. ` +
    'It was not changed. Choose another role name, or fix that role\'s trust yourself if it is meant for this ClickHouse service.';
}

/**
 * For the executor: skipIf found the resource; is it safe to reuse? A message when not. Only
 * CreateRole steps are judged (the trust is the whole point of the role); others reuse as before.
 */
export function existingResourceConflict(step: Pick<PlanStep, 'operation' | 'input'>, found: Record<string, unknown> | undefined): string | undefined {
  if (step.operation !== 'CreateRole') return undefined;
  const planned = step.input.AssumeRolePolicyDocument;
  const role = (found?.Role ?? {}) as { RoleName?: unknown; AssumeRolePolicyDocument?: unknown };
  if (typeof planned !== 'string' || typeof role.AssumeRolePolicyDocument !== 'string') return undefined;
  if (sameTrust(planned, role.AssumeRolePolicyDocument)) return undefined;
  return differentTrustMessage(String(role.RoleName ?? step.input.RoleName ?? 'the role'), role.AssumeRolePolicyDocument);
}

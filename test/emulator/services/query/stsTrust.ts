// Whether a role's trust policy lets a caller assume it: the part of IAM policy evaluation that
// STS AssumeRole needs. An explicit Deny wins over any Allow (IAM user guide, "Policy evaluation
// logic"). A principal matches as `*`, the caller's account id or `arn:…:iam::<account>:root`
// (IAM user guide, "AWS JSON policy elements: Principal"), or the caller's own ARN. Of conditions,
// only `StringEquals` on `sts:ExternalId` is evaluated (IAM user guide, "Access to AWS accounts
// owned by third parties"); an Allow with any other condition never applies and such a Deny
// always does (unverified: a stricter answer than AWS's, never a looser one).
export type Caller = { account: string; arn: string };

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function coversAction(statement: Record<string, any>): boolean {
  return asList(statement.Action).some((a) => a === '*' || a === 'sts:*' || (typeof a === 'string' && a.toLowerCase() === 'sts:assumerole'));
}

function namesCaller(statement: Record<string, any>, caller: Caller): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  const partition = /^arn:(aws[a-z-]*):/.exec(caller.arn)?.[1] ?? 'aws';
  const own = new Set(['*', caller.account, `arn:${partition}:iam::${caller.account}:root`, caller.arn]);
  return asList(principal?.AWS).some((p) => typeof p === 'string' && own.has(p));
}

/** 'yes'/'no' for the condition evaluated here, 'unknown' for any other. */
function conditionHolds(statement: Record<string, any>, externalId: string | undefined): 'yes' | 'no' | 'unknown' {
  const condition = statement.Condition as Record<string, Record<string, unknown>> | undefined;
  if (!condition || !Object.keys(condition).length) return 'yes';
  const operators = Object.keys(condition);
  const keys = operators.length === 1 && operators[0] === 'StringEquals' ? Object.entries(condition.StringEquals ?? {}) : [];
  if (keys.length !== 1 || keys[0][0].toLowerCase() !== 'sts:externalid') return 'unknown';
  return externalId !== undefined && asList(keys[0][1]).includes(externalId) ? 'yes' : 'no';
}

/** An Allow applies only when its condition is known to hold, a Deny unless it is known not to. */
export function trustAllows(document: Record<string, any>, caller: Caller, externalId?: string): boolean {
  const statements = asList(document.Statement)
    .filter((s): s is Record<string, any> => !!s && typeof s === 'object' && coversAction(s) && namesCaller(s, caller));
  const allowed = statements.some((s) => s.Effect === 'Allow' && conditionHolds(s, externalId) === 'yes');
  const denied = statements.some((s) => s.Effect === 'Deny' && conditionHolds(s, externalId) !== 'no');
  return allowed && !denied;
}

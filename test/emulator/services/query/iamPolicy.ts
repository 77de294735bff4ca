// IAM policy-document checks (the grammar IAM enforces before storing a policy) and the RFC 3986
// encoding IAM applies to documents in its responses.
import { ApiError } from '../../core/types';

export type PolicyKind = 'trust' | 'identity';

const malformed = (message: string) => new ApiError('MalformedPolicyDocument', message);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

const PRINCIPAL_AWS = /^(\*|\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:(root|user\/.+|role\/.+|assumed-role\/.+|federated-user\/.+))$/;
const ACTION = /^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/;

function checkPrincipal(principal: unknown): void {
  if (principal === '*') return;
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) throw malformed('Invalid principal in policy');
  for (const [kind, value] of Object.entries(principal as Record<string, unknown>)) {
    for (const p of asList(value)) {
      if (typeof p !== 'string') throw malformed('Invalid principal in policy');
      const ok = kind === 'AWS' ? PRINCIPAL_AWS.test(p)
        : kind === 'Service' ? /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(p)
        : kind === 'Federated' ? p.length > 0
        : kind === 'CanonicalUser' ? /^[0-9a-f]{64}$/.test(p) : false;
      if (!ok) throw malformed(`Invalid principal in policy: "${kind}":"${p}"`);
    }
  }
}

/**
 * Parse and check a policy document the way IAM does: JSON object, known Version, a non-empty
 * Statement, Effect Allow|Deny, actions, and a Principal exactly when it is a trust policy.
 * Returns the parsed document.
 */
export function validatePolicy(text: string, kind: PolicyKind): Record<string, any> {
  let doc: any;
  try { doc = JSON.parse(text); } catch { throw malformed('This policy contains invalid Json'); }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw malformed('This policy contains invalid Json');
  if (doc.Version !== undefined && doc.Version !== '2012-10-17' && doc.Version !== '2008-10-17') {
    throw malformed('The policy must contain a valid version string');
  }
  const statements = asList(doc.Statement);
  if (!statements.length) throw malformed('Syntax errors in policy.');
  for (const s of statements as any[]) {
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw malformed('Syntax errors in policy.');
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed('Invalid effect: ' + String(s.Effect));
    const actions = asList(s.Action ?? s.NotAction);
    if (!actions.length) throw malformed('Policy statement must contain actions.');
    for (const a of actions) if (typeof a !== 'string' || !ACTION.test(a)) throw malformed(`Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.`);
    const principal = s.Principal ?? s.NotPrincipal;
    if (kind === 'trust') {
      if (principal === undefined) throw malformed('Missing required field Principal');
      checkPrincipal(principal);
      if (s.Resource !== undefined) throw malformed('Has prohibited field Resource');
    } else {
      if (principal !== undefined) throw malformed('Policy document should not specify a principal.');
      if (s.Resource === undefined && s.NotResource === undefined) throw malformed('Policy statement must contain resources.');
    }
  }
  return doc;
}

/** Policy size as IAM counts it for quotas: the document without whitespace. */
export function policySize(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** RFC 3986 percent-encoding (encodeURIComponent leaves !'()* alone; IAM does not). */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

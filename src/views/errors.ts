// Turns a failure while loading children into the node shown in their place. Never a popup:
// the error sits where the data would be, with a retry (or the SSO sign-in command).
import type { ErrorNode, ExplorerNode } from './nodes';
import { ids } from './nodes';

export type ErrorCategory = 'sso' | 'accessDenied' | 'network' | 'mfa' | 'other';

export function errorCategory(err: unknown): ErrorCategory {
  const e = err as { name?: string; code?: string; message?: string } | undefined;
  const name = `${e?.name ?? ''} ${e?.code ?? ''}`;
  if (/SsoLoginRequired|TokenExpired|SSOTokenProvider/i.test(name)) return 'sso';
  if (/Mfa/i.test(name)) return 'mfa';
  if (/AccessDenied|Unauthorized|Forbidden|NotAuthorized/i.test(name)) return 'accessDenied';
  if (/Network|Timeout|ECONN|ENOTFOUND|EAI_AGAIN|EndpointError|socket hang up|EPIPE|ECONNRESET/i.test(`${name} ${e?.message ?? ''}`))
    return 'network';
  return 'other';
}

function messageOf(err: unknown): string {
  const m = (err as { message?: string } | undefined)?.message;
  return (m && m.trim()) || String(err);
}

/** `what` names what was being loaded, e.g. "resource gateways in us-east-1". */
export function errorNode(err: unknown, parent: ExplorerNode | undefined, what: string, profile?: string): ErrorNode {
  const category = errorCategory(err);
  const name = (err as { name?: string } | undefined)?.name || 'Error';
  const detail = messageOf(err);
  let message: string;
  switch (category) {
    case 'sso':
      message = `SSO sign-in needed: run 'aws sso login --profile ${profile ?? 'default'}'`;
      break;
    case 'mfa':
      message = `MFA code not entered: could not load ${what}`;
      break;
    case 'accessDenied':
      message = `Access denied loading ${what}: ${detail}`;
      break;
    case 'network':
      message = `Cannot reach AWS loading ${what}: ${detail}`;
      break;
    default:
      message = `Could not load ${what}: ${detail}`;
  }
  return {
    type: 'error',
    id: ids.message(parent?.id ?? 'root', 'error'),
    parent,
    errorName: name,
    message,
    retry: parent,
    ssoProfile: category === 'sso' ? (profile ?? 'default') : undefined,
  };
}

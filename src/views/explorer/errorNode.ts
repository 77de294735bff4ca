// Turns a failure while loading children into the node shown in their place. Never a popup:
// the error sits where the data would be, with a retry (or the SSO sign-in command).
// The AWS layer throws AwsCallError with `failure.name` (SsoLoginRequired, AccessDeniedException,
// ECONNREFUSED, …) and a message already in plain words; src/aws/errors.ts classifies both.
import { l10n } from '../../l10n';
import { classifyAwsError, failureOf } from '../../aws/errorKinds';
import type { ErrorNode, ExplorerNode } from './nodes';
import { ids } from './nodes';

export type ErrorCategory = 'sso' | 'accessDenied' | 'network' | 'mfa' | 'other';

/** The explorer's row wording needs only these of the AWS layer's kinds (src/aws/errors.ts). */
export function errorCategory(err: unknown): ErrorCategory {
  const { name, message } = failureOf(err);
  const kind = classifyAwsError(name, message);
  return kind === 'sso' || kind === 'mfa' || kind === 'accessDenied' || kind === 'network' ? kind : 'other';
}

/** `what` names what was being loaded, e.g. "resource gateways in us-east-1". */
export function errorNode(err: unknown, parent: ExplorerNode | undefined, what: string, profile?: string): ErrorNode {
  const category = errorCategory(err);
  const { name, message: raw } = failureOf(err);
  // The AWS layer's messages start with the failure's name ("AccessDenied: your profile…"): the
  // node's own words already say that much.
  const detail = raw.replace(new RegExp(`^(${escapeRegExp(name)}|Network|AccessDenied): `), '');
  const p = profile ?? 'default';
  let message: string;
  switch (category) {
    case 'sso':
      message = l10n.t('IAM Identity Center (SSO) sign-in needed: run \'aws sso login --profile {0}\'', p);
      break;
    case 'mfa':
      message = l10n.t('MFA code not entered: {0} not loaded (click to retry)', what);
      break;
    case 'accessDenied':
      message = l10n.t('Access denied loading {0}: {1}', what, detail);
      break;
    case 'network':
      message = l10n.t('Cannot reach AWS loading {0}: {1}', what, detail);
      break;
    default:
      message = l10n.t('Could not load {0}: {1}', what, detail);
  }
  return {
    type: 'error',
    id: ids.message(parent?.id ?? 'root', 'error'),
    parent,
    errorName: name,
    message,
    retry: parent,
    ssoProfile: category === 'sso' ? p : undefined,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

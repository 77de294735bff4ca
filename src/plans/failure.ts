// AWS errors in plain words. The AWS layer throws AwsCallError carrying an AwsFailure; anything
// else (a network error, a bug) is described from its name and message. Text passes through
// redact() so nothing credential-shaped reaches a message, a document or the log.
import type { AwsFailure } from '../aws/api';
import { AWS_OPERATIONS, IAM_PREFIX, iamAction, type AwsServiceKey } from '../model/iamPermissions';
import { redact } from '../model/redact';

/** `elasticloadbalancing:DescribeLoadBalancers`, plus the other actions AWS documents for that call. */
function permissionFor(svc: string | undefined, op: string | undefined): string {
  if (!svc || !op || !(svc in IAM_PREFIX)) return `the ${svc ?? 'service'}:${op ?? '…'} permission`;
  const action = iamAction({ service: svc as AwsServiceKey, operation: op });
  const extra = AWS_OPERATIONS.find((o) => o.service === svc && o.operation === op)?.extra?.flatMap((e) => e.actions) ?? [];
  return extra.length ? `the ${action} permission (AWS also requires ${[...new Set(extra)].join(', ')})` : `the ${action} permission`;
}

export type PlainError = {
  /** The SDK error name (or a network code), kept for decisions and for the log. */
  code: string;
  /** One or two sentences a person can act on. */
  text: string;
  /** True when trying again later may work as-is (throttling, network, timeouts). */
  retryable: boolean;
};

function asFailure(err: unknown): Partial<AwsFailure> & { name: string; message: string } {
  if (err && typeof err === 'object') {
    const e = err as { failure?: Partial<AwsFailure>; name?: unknown; message?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
    if (e.failure && typeof e.failure.name === 'string') {
      return { ...e.failure, name: e.failure.name, message: String(e.failure.message ?? '') };
    }
    const name = typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? e.code : typeof e.name === 'string' ? e.name : 'Error';
    return { name, message: typeof e.message === 'string' ? e.message : String(err), httpStatus: e.$metadata?.httpStatusCode };
  }
  return { name: 'Error', message: String(err) };
}

const NETWORK = /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|ENETUNREACH|TimeoutError|RequestTimeout|NetworkingError|socket hang up)$/i;

export function describeAwsError(err: unknown, what?: { service?: string; operation?: string }): PlainError {
  const f = asFailure(err);
  const op = f.operation ?? what?.operation;
  const svc = f.service ?? what?.service;
  const call = op ? `${svc ? `${svc} ` : ''}${op}` : 'The call';
  const detail = f.message ? ` AWS said: "${redact(f.message)}"` : '';
  const name = f.name;
  let text: string;
  let retryable = false;
  // MSK (Kafka) says ForbiddenException where other services say AccessDenied.
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized|AuthorizationError|^Forbidden/i.test(name)) {
    text = `${call} was denied: the profile's identity is not allowed to do this. Ask for ${permissionFor(svc, op)}.${detail}`;
  } else if (/Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i.test(name)) {
    text = `${call} was throttled by AWS (too many requests). Wait a moment and apply again; finished steps are not repeated.${detail}`;
    retryable = true;
  } else if (/ServiceQuotaExceeded|LimitExceeded|QuotaExceeded/i.test(name)) {
    text = `${call} hit an AWS quota. Delete unused resources or request a quota increase, then apply again.${detail}`;
  } else if (/Validation|InvalidParameter|InvalidInput|MalformedPolicy|InvalidRequest|BadRequest/i.test(name)) {
    text = `AWS rejected the input of ${call}. Fix the value in the plan and apply again.${detail}`;
  } else if (/Conflict|AlreadyExists|EntityAlreadyExists|IdempotentParameterMismatch|ResourceInUse/i.test(name)) {
    text = `${call} conflicts with something that already exists (a name in use, or the step was changed after it first ran).${detail}`;
  } else if (/NotFound|NoSuchEntity|DoesNotExist|Unknown.*Resource/i.test(name)) {
    text = `${call} could not find what it refers to (deleted, another region, or another account?).${detail}`;
  } else if (/ExpiredToken|InvalidClientTokenId|UnrecognizedClient|CredentialsProvider|SignatureDoesNotMatch|TokenRefreshRequired/i.test(name)) {
    text = `The profile's credentials were not accepted (expired or invalid). Sign in again (for SSO: aws sso login) and apply again.${detail}`;
  } else if (NETWORK.test(name) || /socket hang up|ECONNRESET|network/i.test(f.message)) {
    text = `${call} did not get an answer (network error). Apply again: finished steps are skipped and the same client tokens prevent duplicates.`;
    retryable = true;
  } else if ((f.httpStatus ?? 0) >= 500 || /InternalServer|ServiceUnavailable|InternalFailure/i.test(name)) {
    text = `${call} failed on the AWS side (server error). Apply again in a moment; finished steps are not repeated.${detail}`;
    retryable = true;
  } else {
    text = `${call} failed (${name}).${detail}`;
  }
  return { code: name, text, retryable };
}

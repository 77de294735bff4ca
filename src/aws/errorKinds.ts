// How an AWS error is classified, and its own name and words: what the explorer's rows need.
// Kept apart from errors.ts (the plain-words messages, which name IAM permissions from
// src/model/iamPermissions.ts) so that dist/extension.js does not parse the permissions table.
import type { AwsFailure } from './api';

/**
 * What kind of failure an error name (and its message, HTTP status) is: the one classification
 * the AWS layer's messages, the plan executor's plain words and the explorer's error rows share.
 * Names from the services' models (botocore service-2.json: IAM LimitExceededException is an
 * account limit, "beyond the current AWS account limits", not throttling) and the SDK/Node codes.
 */
export type AwsErrorKind =
  | 'sso' | 'mfa' | 'accessDenied' | 'badCredentials' | 'expired' | 'throttled' | 'quota'
  | 'invalidInput' | 'conflict' | 'notFound' | 'network' | 'server' | 'other';

const KINDS: [AwsErrorKind, RegExp][] = [
  ['sso', /^SsoLoginRequired$|SSOTokenProvider|TokenRefreshRequired/i],
  ['mfa', /^MfaCancelled$/i],
  // Before notFound: ENOTFOUND is a DNS failure, not a missing resource.
  ['network', /^(ECONN\w+|ENOTFOUND|EPIPE|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|TimeoutError|RequestTimeout|NetworkingError|socket hang up)$/i],
  // A missing profile is the user's configuration, not a missing AWS resource.
  ['other', /^ProfileNotFound$/],
  // MSK (Kafka) says ForbiddenException where other services say AccessDenied.
  ['accessDenied', /AccessDenied|Unauthorized|NotAuthorized|AuthorizationError|Forbidden/i],
  ['badCredentials', /^(InvalidClientTokenId|UnrecognizedClientException|InvalidAccessKeyId|AuthFailure|SignatureDoesNotMatch|InvalidSignatureException|IncompleteSignature|MissingAuthenticationTokenException)$|CredentialsProvider/i],
  ['expired', /^(ExpiredToken|ExpiredTokenException|RequestExpired)$/i],
  ['throttled', /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i],
  ['quota', /ServiceQuotaExceeded|LimitExceeded|QuotaExceeded/i],
  ['invalidInput', /Validation|InvalidParameter|InvalidInput|MalformedPolicy|InvalidRequest|BadRequest/i],
  ['conflict', /Conflict|AlreadyExists|IdempotentParameterMismatch|ResourceInUse/i],
  ['notFound', /NotFound|NoSuchEntity|DoesNotExist|Unknown.*Resource/i],
  ['server', /InternalServer|ServiceUnavailable|InternalFailure/i],
];
/** Messages that say "network" whatever the name: the AWS layer's own wording, Node's socket errors. */
const NETWORK_MESSAGE = /^Network:|ECONNREFUSED|ECONNRESET|ENOTFOUND|getaddrinfo|socket hang up/i;

export function classifyAwsError(name: string, message = '', httpStatus?: number): AwsErrorKind {
  const kind = KINDS.find(([, pattern]) => pattern.test(name))?.[0];
  if (kind) return kind;
  if (NETWORK_MESSAGE.test(message)) return 'network';
  return (httpStatus ?? 0) >= 500 ? 'server' : 'other';
}

/** Node's socket error codes (ECONNREFUSED, EAI_AGAIN…) name a failure better than its class. */
export const isNodeCode = (code: unknown): code is string => typeof code === 'string' && /^E[A-Z_]+$/.test(code);

/** The failure's own name and words, whether it came through the AWS layer (AwsCallError) or not. */
export function failureOf(err: unknown): Partial<AwsFailure> & { name: string; message: string } {
  if (err && typeof err === 'object') {
    const e = err as { failure?: Partial<AwsFailure>; name?: unknown; message?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
    if (e.failure && typeof e.failure.name === 'string') {
      return { ...e.failure, name: e.failure.name, message: String(e.failure.message ?? '').trim() };
    }
    const name = isNodeCode(e.code) ? e.code : typeof e.name === 'string' && e.name ? e.name : 'Error';
    const httpStatus = e.$metadata?.httpStatusCode;
    return { name, message: (typeof e.message === 'string' ? e.message : String(err)).trim(), ...(httpStatus ? { httpStatus } : {}) };
  }
  return { name: 'Error', message: String(err) };
}


// Every failure leaves the AWS layer as an AwsCallError carrying an AwsFailure in plain words.
// Callers (tree, plan executor) live in another bundle and cannot use `instanceof`, so they read
// `err.failure.name` ('SsoLoginRequired', 'AccessDeniedException', …). No message ever carries
// key material: AWS text goes through redact() first.
import type { AwsFailure } from './api';
import type { StepService } from '../model/plan';
import { AWS_OPERATIONS, IAM_PREFIX, iamAction, type AwsServiceKey } from '../model/iamPermissions';
import { redact } from '../model/redact';

/** `elasticloadbalancing:DescribeLoadBalancers`, plus the other actions AWS documents for that call. */
function permissionFor(svc: string | undefined, op: string | undefined): string {
  if (!svc || !op || !(svc in IAM_PREFIX)) return `the ${svc ?? 'service'}:${op ?? '…'} permission`;
  const action = iamAction({ service: svc as AwsServiceKey, operation: op });
  const extra = AWS_OPERATIONS.find((o) => o.service === svc && o.operation === op)?.extra?.flatMap((e) => e.actions) ?? [];
  return extra.length ? `the ${action} permission (AWS also requires ${[...new Set(extra)].join(', ')})` : `the ${action} permission`;
}

/** Credential problems the UI acts on (button, prompt), raised by credentials.ts. */
export type CredentialErrorName = 'SsoLoginRequired' | 'MfaCancelled' | 'ProfileNotFound' | 'CredentialsUnavailable';

/**
 * Getting credentials failed: one of the names above, or the AWS error name of the STS call a
 * role chain made (AccessDenied on sts:AssumeRole is not AccessDenied on the service call).
 */
export class CredentialError extends Error {
  constructor(
    public override readonly name: CredentialErrorName | string,
    message: string,
    public readonly profile: string,
    /** A terminal command that fixes it, e.g. `aws sso login --profile x`. */
    public readonly command?: string,
    public readonly httpStatus?: number,
  ) {
    super(message);
  }
}

export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';
  constructor(public readonly failure: AwsFailure) {
    super(failure.message);
  }
}

/** IAM action prefix per service, so messages name the permission a policy must grant. */
const ACTION_PREFIX: Record<StepService, string> = {
  'vpc-lattice': 'vpc-lattice', ram: 'ram', kafka: 'kafka', ec2: 'ec2', iam: 'iam', rds: 'rds',
  elbv2: 'elasticloadbalancing', sts: 'sts', clickhouse: 'clickhouse',
};

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
const isNodeCode = (code: unknown): code is string => typeof code === 'string' && /^E[A-Z_]+$/.test(code);

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

type SdkError = Error & { code?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };

/** Map anything thrown by an SDK call (or by credential resolution) to an AwsFailure. */
export function toFailure(err: unknown, ctx: { profile: string; region?: string; service: StepService; operation: string }): AwsFailure {
  const { profile, service, operation } = ctx;
  const action = `${ACTION_PREFIX[service]}:${operation}`;
  if (err instanceof AwsCallError) return err.failure;
  if (err instanceof CredentialError) {
    return {
      name: err.name, message: err.message, service, operation,
      ...(err.command ? { command: err.command } : {}), ...(err.httpStatus ? { httpStatus: err.httpStatus } : {}),
    };
  }
  const e = (err ?? {}) as SdkError;
  const name = isNodeCode(e.code) ? e.code : e.name || 'Error';
  const httpStatus = e.$metadata?.httpStatusCode;
  const awsText = redact(String(e.message ?? err)).trim();
  const where = ctx.region ? ` in ${ctx.region}` : '';
  let message: string;
  const kind = classifyAwsError(name, awsText, httpStatus);
  if (kind === 'accessDenied') {
    message = `AccessDenied: your profile '${profile}' is not allowed to call ${action}${where}.`;
  } else if (kind === 'badCredentials') {
    message = `${name}: AWS rejected the credentials of profile '${profile}' when calling ${action}. Check the profile's keys or sign in again.`;
  } else if (kind === 'expired' || kind === 'sso') {
    message = `${name}: the credentials of profile '${profile}' have expired. Sign in again (or refresh them) and retry.`;
  } else if (kind === 'throttled') {
    const tries = e.$metadata?.attempts ? ` after ${e.$metadata.attempts} attempts` : '';
    message = `${name}: AWS is rate-limiting ${action}${where}${tries}. Wait a moment and retry.`;
  } else if (kind === 'network') {
    message = `Network: could not reach the ${service} endpoint for profile '${profile}'${where} (${awsText}).`;
  } else {
    message = awsText && awsText !== name ? `${name}: ${awsText}` : `${name}: ${action} failed${where}.`;
  }
  return { name, message, service, operation, ...(httpStatus ? { httpStatus } : {}) };
}

export function toCallError(err: unknown, ctx: Parameters<typeof toFailure>[1]): AwsCallError {
  return err instanceof AwsCallError ? err : new AwsCallError(toFailure(err, ctx));
}

/** An AWS error in plain words, for plan steps, forms and flow commands. */
export type PlainError = {
  /** The SDK error name (or a network code), kept for decisions and for the log. */
  code: string;
  /** One or two sentences a person can act on (redacted: nothing credential-shaped). */
  text: string;
  /** True when trying again later may work as-is (throttling, network, server errors). */
  retryable: boolean;
};

const CREDENTIALS_TEXT = "The profile's credentials were not accepted (expired or invalid). Sign in again (for IAM Identity Center: aws sso login) and apply again.";

export function describeAwsError(err: unknown, what?: { service?: string; operation?: string }): PlainError {
  const f = failureOf(err);
  const op = f.operation ?? what?.operation;
  const svc = f.service ?? what?.service;
  const call = op ? `${svc ? `${svc} ` : ''}${op}` : 'The call';
  const detail = f.message ? ` AWS said: "${redact(f.message)}"` : '';
  const name = f.name;
  const kind = classifyAwsError(name, f.message, f.httpStatus);
  const retryable = kind === 'throttled' || kind === 'network' || kind === 'server';
  const text = {
    accessDenied: `${call} was denied: the profile's identity is not allowed to do this. Ask for ${permissionFor(svc, op)}.${detail}`,
    throttled: `${call} was throttled by AWS (too many requests). Wait a moment and apply again; finished steps are not repeated.${detail}`,
    quota: `${call} hit an AWS quota. Delete unused resources or request a quota increase, then apply again.${detail}`,
    invalidInput: `AWS rejected the input of ${call}. Fix the value in the plan and apply again.${detail}`,
    conflict: `${call} conflicts with something that already exists (a name in use, or the step was changed after it first ran).${detail}`,
    notFound: `${call} could not find what it refers to (deleted, another region, or another account?).${detail}`,
    sso: CREDENTIALS_TEXT + detail,
    badCredentials: CREDENTIALS_TEXT + detail,
    expired: CREDENTIALS_TEXT + detail,
    network: `${call} did not get an answer (network error). Apply again: finished steps are skipped and the same client tokens prevent duplicates.`,
    server: `${call} failed on the AWS side (server error). Apply again in a moment; finished steps are not repeated.${detail}`,
    mfa: `${call} failed (${name}).${detail}`,
    other: `${call} failed (${name}).${detail}`,
  }[kind];
  return { code: name, text, retryable };
}

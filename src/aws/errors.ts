// Every failure leaves the AWS layer as an AwsCallError carrying an AwsFailure in plain words.
// Callers (tree, plan executor) live in another bundle and cannot use `instanceof`, so they read
// `err.failure.name` ('SsoLoginRequired', 'AccessDeniedException', …). No message ever carries
// key material: AWS text goes through redact() first.
import type { AwsFailure } from './api';
import type { StepService } from '../model/plan';
import { redact } from '../model/redact';

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

const ACCESS_DENIED = new Set([
  'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError',
  'AuthorizationErrorException', 'UnauthorizedException', 'ForbiddenException', 'Forbidden',
]);
const BAD_CREDENTIALS = new Set([
  'InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'AuthFailure',
  'SignatureDoesNotMatch', 'InvalidSignatureException', 'IncompleteSignature', 'MissingAuthenticationTokenException',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const THROTTLED = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded',
  'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'LimitExceededException',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

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
  const code = e.code && NETWORK.has(e.code) ? e.code : undefined;
  const name = code ?? (e.name || 'Error');
  const httpStatus = e.$metadata?.httpStatusCode;
  const awsText = redact(String(e.message ?? err)).trim();
  const where = ctx.region ? ` in ${ctx.region}` : '';
  let message: string;
  if (ACCESS_DENIED.has(name)) {
    message = `AccessDenied: your profile '${profile}' is not allowed to call ${action}${where}.`;
  } else if (BAD_CREDENTIALS.has(name)) {
    message = `${name}: AWS rejected the credentials of profile '${profile}' when calling ${action}. Check the profile's keys or sign in again.`;
  } else if (EXPIRED.has(name)) {
    message = `${name}: the credentials of profile '${profile}' have expired. Sign in again (or refresh them) and retry.`;
  } else if (THROTTLED.has(name)) {
    const tries = e.$metadata?.attempts ? ` after ${e.$metadata.attempts} attempts` : '';
    message = `${name}: AWS is rate-limiting ${action}${where}${tries}. Wait a moment and retry.`;
  } else if (NETWORK.has(name) || /ECONNREFUSED|ENOTFOUND|getaddrinfo|socket hang up/.test(awsText)) {
    message = `Network: could not reach the ${service} endpoint for profile '${profile}'${where} (${awsText}).`;
  } else {
    message = awsText && awsText !== name ? `${name}: ${awsText}` : `${name}: ${action} failed${where}.`;
  }
  return { name, message, service, operation, ...(httpStatus ? { httpStatus } : {}) };
}

export function toCallError(err: unknown, ctx: Parameters<typeof toFailure>[1]): AwsCallError {
  return err instanceof AwsCallError ? err : new AwsCallError(toFailure(err, ctx));
}

// Every failure leaves the AWS layer as an AwsCallError carrying an AwsFailure in plain words.
// Callers (tree, plan executor) live in another bundle and cannot use `instanceof`, so they read
// `err.failure.name` ('SsoLoginRequired', 'AccessDeniedException', …). No message ever carries
// key material: AWS text goes through redact() first.
import type { AwsFailure } from './api';
import type { StepService } from '../model/plan';
import { AWS_OPERATIONS, IAM_PREFIX, iamAction, type AwsServiceKey } from '../model/iamPermissions';
import { redact } from '../model/redact';
import { classifyAwsError, failureOf, isNodeCode } from './errorKinds';

// The explorer (dist/extension.js) imports the classification from errorKinds.ts directly: this
// module's plain words name IAM permissions, and that table is not parsed at activation.
export { classifyAwsError, failureOf, type AwsErrorKind } from './errorKinds';

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

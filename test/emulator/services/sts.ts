// STS (awsQuery, 2011-06-15): GetCallerIdentity for the account the access key maps to (or the
// assumed-role session it belongs to), and AssumeRole of a role in the emulated IAM whose trust
// policy admits the caller. AssumeRole answers as the STS API reference says
// (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html; botocore sts
// 2011-06-15 AssumeRoleResponse): temporary credentials that sign as the role's account from then
// on, valid DurationSeconds (default 3600, at most the role's MaxSessionDuration, at most one hour
// when the caller is itself a role session: role chaining).
import { createHash } from 'node:crypto';
import { optionalParam, requireParam } from '../core/protocols';
import { ApiError, EmuRequest, World } from '../core/types';
import { queryHandler } from './query/dispatch';
import { intParam } from './query/params';
import { trustAllows, type Caller } from './query/stsTrust';
import { stsWire } from './query/wireNames';

const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;
// IAM role ARN: the path is `/` or `/…/` of printable ASCII, the name IAM's role-name pattern.
const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role(\/(?:[\u0021-\u007E]*\/)?)?([\w+=,.@-]{1,64})$/;
const CHAINED_MAX_SECONDS = 3600;

/** IAM user ids are `AIDA` + 17 upper-case alphanumerics; stable per account. */
function userId(accountId: string): string {
  const digest = createHash('sha256').update(`emulator-user|${accountId}`).digest();
  let out = 'AIDA';
  for (let i = 0; i < 17; i++) out += UPPER32[digest[i] % UPPER32.length];
  return out;
}

function invalid(field: string, value: string, constraint: string): ApiError {
  return new ApiError('ValidationError', `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`);
}

/** botocore sts model: length bounds and pattern of a string member. */
function checkString(field: string, value: string, min: number, max: number, pattern?: RegExp, patternText?: string): void {
  if (value.length < min) throw invalid(field, value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw invalid(field, value, `Member must have length less than or equal to ${max}`);
  if (pattern && !pattern.test(value)) throw invalid(field, value, `Member must satisfy regular expression pattern: ${patternText}`);
}

function caller(world: World, req: EmuRequest): Caller {
  return { account: req.accountId, arn: world.sessions.get(req.accessKeyId)?.arn ?? `arn:aws:iam::${req.accountId}:user/emulator` };
}

function assumeRole(req: EmuRequest, world: World): Record<string, unknown> {
  const roleArn = requireParam(req, 'RoleArn');
  const sessionName = requireParam(req, 'RoleSessionName');
  checkString('roleArn', roleArn, 20, 2048);
  checkString('roleSessionName', sessionName, 2, 64, SESSION_NAME, '[\\w+=,.@-]*');
  const externalId = optionalParam(req, 'ExternalId');
  if (externalId !== undefined) checkString('externalId', externalId, 2, 1224, EXTERNAL_ID, '[\\w+=,.@:\\/-]*');
  const duration = intParam(req, 'DurationSeconds', 900, 43200, 'ValidationError') ?? 3600;
  // The message AWS gives a malformed role ARN is from public reports (unverified).
  const m = ROLE_ARN.exec(roleArn);
  if (!m) throw new ApiError('ValidationError', 'Request ARN is invalid');
  const [, partition, account, rolePath = '/', roleName] = m;

  const who = caller(world, req);
  const roles = world.accounts.get(account)?.iam.roles;
  const role = roles && [...roles.values()].find((r) => r.RoleName.toLowerCase() === roleName.toLowerCase() && (r.Path ?? '/') === rolePath);
  const trust = role?.AssumeRolePolicyDocument;
  const document = typeof trust === 'string' ? JSON.parse(trust) : trust;
  // An unknown role and a trust policy that does not admit the caller answer alike (AccessDenied),
  // so a caller cannot probe another account's role names.
  if (!role || !document || !trustAllows(document, who, externalId)) {
    throw new ApiError('AccessDenied', `User: ${who.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
  }
  // Message texts of the two duration refusals are unverified.
  if (duration > (role.MaxSessionDuration ?? 3600)) {
    throw new ApiError('ValidationError', `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
  }
  if (world.sessions.has(req.accessKeyId) && duration > CHAINED_MAX_SECONDS) {
    throw new ApiError('ValidationError', `The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.`);
  }

  // Temporary access key ids begin with ASIA (IAM user guide, "IAM identifiers", unique ID prefixes).
  const accessKeyId = world.id('ASIA', 16, UPPER32);
  const session = {
    arn: `arn:${partition}:sts::${account}:assumed-role/${role.RoleName}/${sessionName}`,
    assumedRoleId: `${role.RoleId}:${sessionName}`,
  };
  world.accessKeys.set(accessKeyId, account);
  world.sessions.set(accessKeyId, session);
  return {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: world.id('', 40, BASE64),
      SessionToken: world.id('IQoJb3JpZ2luX2Vj', 240, BASE64),
      Expiration: world.clock.now() + duration * 1000,
    },
    AssumedRoleUser: { AssumedRoleId: session.assumedRoleId, Arn: session.arn },
  };
}

export const handler = queryHandler('awsQuery', stsWire, {
  GetCallerIdentity: (req, world) => {
    const session = world.sessions.get(req.accessKeyId);
    return {
      UserId: session?.assumedRoleId ?? userId(req.accountId),
      Account: req.accountId,
      Arn: session?.arn ?? `arn:aws:iam::${req.accountId}:user/emulator`,
    };
  },
  AssumeRole: assumeRole,
});

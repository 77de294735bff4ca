// The one classification of AWS errors (src/aws/errors.ts), case by case: every name the three
// former lists knew (the AWS layer's messages, the plan executor's words, the explorer's rows)
// lands in one kind, and each consumer words that kind its own way.
import * as assert from 'node:assert/strict';
import { AwsCallError, classifyAwsError, describeAwsError, failureOf, toFailure, type AwsErrorKind } from '../../../src/aws/errors';
import { errorCategory } from '../../../src/views/explorer/errorNode';

const CASES: Record<AwsErrorKind, string[]> = {
  sso: ['SsoLoginRequired', 'SSOTokenProviderFailure', 'TokenRefreshRequired'],
  mfa: ['MfaCancelled'],
  accessDenied: [
    'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'AuthorizationErrorException',
    'UnauthorizedException', 'ForbiddenException', 'Forbidden', 'NotAuthorized',
  ],
  badCredentials: [
    'InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'AuthFailure', 'SignatureDoesNotMatch',
    'InvalidSignatureException', 'IncompleteSignature', 'MissingAuthenticationTokenException', 'CredentialsProviderError',
  ],
  expired: ['ExpiredToken', 'ExpiredTokenException', 'RequestExpired'],
  throttled: [
    'Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded',
    'RequestThrottled', 'RequestThrottledException', 'SlowDown',
  ],
  // IAM's LimitExceededException is an account limit (botocore iam service-2.json), not throttling.
  quota: ['ServiceQuotaExceededException', 'LimitExceededException', 'LimitExceeded', 'ResourceShareLimitExceededException', 'DBClusterQuotaExceededFault'],
  invalidInput: ['ValidationException', 'InvalidParameterValue', 'InvalidParameterCombination', 'InvalidInput', 'MalformedPolicyDocument', 'InvalidRequestException', 'BadRequestException'],
  conflict: ['ConflictException', 'EntityAlreadyExists', 'ResourceAlreadyExistsException', 'IdempotentParameterMismatch', 'ResourceInUseException'],
  notFound: ['ResourceNotFoundException', 'NoSuchEntity', 'InvalidVpcID.NotFound', 'DBClusterNotFoundFault', 'UnknownResourceException'],
  network: ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'TimeoutError', 'RequestTimeout', 'NetworkingError'],
  server: ['InternalServerException', 'ServiceUnavailableException', 'InternalFailure'],
  other: ['Error', 'UnsupportedOperation', 'ProfileNotFound'],
};

describe('AWS errors: one classification', () => {
  for (const [kind, names] of Object.entries(CASES)) {
    it(`${kind}: ${names.join(', ')}`, () => {
      for (const name of names) assert.equal(classifyAwsError(name), kind, name);
    });
  }

  it('reads network failures and server errors from the message and status when the name says nothing', () => {
    assert.equal(classifyAwsError('Error', 'Network: could not reach the ec2 endpoint'), 'network');
    assert.equal(classifyAwsError('Error', 'getaddrinfo ENOTFOUND ec2.us-east-1.amazonaws.com'), 'network');
    assert.equal(classifyAwsError('Error', 'socket hang up'), 'network');
    assert.equal(classifyAwsError('UnknownError', '', 503), 'server');
    assert.equal(classifyAwsError('UnknownError', '', 400), 'other');
  });

  it('names a failure by its Node code, its AWS layer failure or its class', () => {
    assert.equal(failureOf(Object.assign(new Error('connect'), { code: 'EAI_AGAIN' })).name, 'EAI_AGAIN');
    const layer = new AwsCallError({ name: 'SsoLoginRequired', message: ' sign in ', service: 'sts', operation: 'GetCallerIdentity', command: 'aws sso login --profile x' });
    assert.deepEqual(failureOf(layer), { name: 'SsoLoginRequired', message: 'sign in', service: 'sts', operation: 'GetCallerIdentity', command: 'aws sso login --profile x' });
    assert.deepEqual(failureOf('plain'), { name: 'Error', message: 'plain' });
  });

  it('each consumer words the kinds its own way', () => {
    const sdk = (name: string, message = 'x') => Object.assign(new Error(message), { name, $metadata: { attempts: 3 } });
    const ctx = { profile: 'dev', region: 'us-east-1', service: 'iam' as const, operation: 'CreateRole' };
    assert.match(toFailure(sdk('UnauthorizedException'), ctx).message, /^AccessDenied: your profile 'dev' is not allowed to call iam:CreateRole/);
    assert.match(toFailure(sdk('TokenRefreshRequired'), ctx).message, /have expired/);
    assert.match(toFailure(sdk('SlowDown'), ctx).message, /rate-limiting iam:CreateRole in us-east-1 after 3 attempts/);
    assert.match(toFailure(sdk('LimitExceededException', 'Cannot exceed quota for RolesPerAccount'), ctx).message, /^LimitExceededException: Cannot exceed quota/);
    assert.match(toFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), ctx).message, /^Network: could not reach the iam endpoint/);
    assert.match(describeAwsError(sdk('UnauthorizedException'), ctx).text, /iam CreateRole was denied/);
    assert.match(describeAwsError(sdk('AuthFailure')).text, /credentials were not accepted/);
    assert.equal(describeAwsError(sdk('LimitExceededException')).retryable, false);
    assert.equal(describeAwsError(sdk('InternalFailure')).retryable, true);
    assert.equal(errorCategory(sdk('ForbiddenException')), 'accessDenied');
    assert.equal(errorCategory(sdk('TokenRefreshRequired')), 'sso');
    assert.equal(errorCategory(sdk('ThrottlingException')), 'other');
  });
});

// STS (awsQuery, 2011-06-15): GetCallerIdentity for the account the access key maps to.
import { createHash } from 'node:crypto';
import { queryHandler } from './query/dispatch';
import { stsWire } from './query/wireNames';

/** IAM user ids are `AIDA` + 17 upper-case alphanumerics; stable per account. */
function userId(accountId: string): string {
  const digest = createHash('sha256').update(`emulator-user|${accountId}`).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = 'AIDA';
  for (let i = 0; i < 17; i++) out += alphabet[digest[i] % alphabet.length];
  return out;
}

export const handler = queryHandler('awsQuery', stsWire, {
  GetCallerIdentity: (req) => ({
    UserId: userId(req.accountId),
    Account: req.accountId,
    Arn: `arn:aws:iam::${req.accountId}:user/emulator`,
  }),
});

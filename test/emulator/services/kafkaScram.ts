// Kafka BatchAssociateScramSecret (POST /v1/clusters/{ClusterArn}/scram-secrets; members from
// botocore kafka 2018-11-14: secretArnList in, clusterArn and unprocessedScramSecrets out). MSK
// answers 200 and lists each secret it could not associate. What a secret needs (MSK developer
// guide, "Set up SASL/SCRAM authentication for an Amazon MSK cluster",
// https://docs.aws.amazon.com/msk/latest/developerguide/msk-password-tutorial.html): a name that
// begins with AmazonMSK_ and a customer managed KMS key ("A secret created with the default AWS
// KMS key cannot be used with an Amazon MSK cluster"). The error codes and texts of the unprocessed
// entries, and the BadRequestException for a cluster without SASL/SCRAM, are unverified.
// Associating a secret already associated keeps one entry (unverified).
import { ApiError } from '../core/types';
import type { RouteContext } from '../core/restRouter';
import { clusterOf, fromWire, toWire } from './kafka';

type Unprocessed = { SecretArn: string; ErrorCode: string; ErrorMessage: string };

export function batchAssociateScramSecret(ctx: RouteContext) {
  const cluster = clusterOf(ctx);
  const input = fromWire(ctx.body) as { SecretArnList?: unknown };
  const arns = input.SecretArnList;
  if (!Array.isArray(arns) || !arns.length || !arns.every((a) => typeof a === 'string')) {
    throw new ApiError('BadRequestException', 'secretArnList is required.', 400, { invalidParameter: 'secretArnList' });
  }
  if (!cluster.Provisioned?.ClientAuthentication?.Sasl?.Scram?.Enabled) {
    throw new ApiError('BadRequestException', 'SASL/SCRAM authentication is not enabled on the cluster.', 400);
  }
  const region = ctx.world.region(ctx.req.accountId, ctx.req.region);
  const associated = region.mskScramSecrets.get(cluster.ClusterArn) ?? [];
  const unprocessed: Unprocessed[] = [];
  for (const arn of arns as string[]) {
    const secret = region.secrets.get(arn);
    const refuse = (ErrorCode: string, ErrorMessage: string) => unprocessed.push({ SecretArn: arn, ErrorCode, ErrorMessage });
    if (!secret) refuse('NotFoundException', 'The secret does not exist.');
    else if (!String(secret.Name).startsWith('AmazonMSK_')) refuse('BadRequestException', 'The secret name must begin with AmazonMSK_.');
    else if (!secret.KmsKeyId) refuse('BadRequestException', 'A secret encrypted with the default AWS KMS key cannot be used with an Amazon MSK cluster.');
    else if (!associated.includes(arn)) associated.push(arn);
  }
  region.mskScramSecrets.set(cluster.ClusterArn, associated);
  return toWire({ ClusterArn: cluster.ClusterArn, UnprocessedScramSecrets: unprocessed });
}

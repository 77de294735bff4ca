// Secrets Manager: the account's secrets whose name begins with AmazonMSK_ (the prefix MSK requires
// of a SASL/SCRAM secret), as names, ARNs and KMS key ids. ListSecrets never returns a value.
import { paginateListSecrets } from '@aws-sdk/client-secrets-manager';
import type { Scope } from './api';
import { MSK_SECRET_PREFIX, type SecretSummary } from '../model/mskSecrets';
import { allPages, AwsContext } from './awsContext';

export function listMskSecrets(ctx: AwsContext, scope: Scope): Promise<SecretSummary[]> {
  return ctx.run(scope, 'secretsmanager', 'ListSecrets', async (client) => {
    // Filter key `name` is a case-sensitive prefix match (botocore secretsmanager Filter.Key).
    const all = await allPages(paginateListSecrets({ client }, { Filters: [{ Key: 'name', Values: [MSK_SECRET_PREFIX] }], MaxResults: 100 }), (p) => p.SecretList);
    return all.filter((s) => s.ARN && s.Name).map((s) => ({ arn: s.ARN!, name: s.Name!, ...(s.KmsKeyId ? { kmsKeyId: s.KmsKeyId } : {}) }));
  });
}

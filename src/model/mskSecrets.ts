// SASL/SCRAM secrets for MSK: which of the account's secrets can be associated with a cluster, and
// how to make one. MSK developer guide, "Set up SASL/SCRAM authentication for an Amazon MSK
// cluster" (https://docs.aws.amazon.com/msk/latest/developerguide/msk-password-tutorial.html), the
// how-to of "Sign-in credentials authentication with AWS Secrets Manager" (msk-password.html): the
// name must begin with AmazonMSK_, and the secret must use a customer managed KMS key ("A secret
// created with the default AWS KMS key cannot be used with an Amazon MSK cluster"). ListSecrets
// leaves KmsKeyId out for the AWS managed key aws/secretsmanager (botocore secretsmanager
// SecretListEntry.KmsKeyId), so a secret without one is on the default key.
import { t } from './text';

export const MSK_SECRET_PREFIX = 'AmazonMSK_';
export const MSK_SECRET_DOC = 'https://docs.aws.amazon.com/msk/latest/developerguide/msk-password-tutorial.html';

/** A secret as ListSecrets shows it: never its value. */
export type SecretSummary = { arn: string; name: string; kmsKeyId?: string };

export type SecretChoice = SecretSummary & { usable: boolean; reason?: string };

/** Each secret with whether MSK can use it and, when not, why (the prefix, then the key). */
export function mskSecretChoices(secrets: SecretSummary[]): SecretChoice[] {
  return secrets
    .map((s): SecretChoice => {
      if (!s.name.startsWith(MSK_SECRET_PREFIX)) return { ...s, usable: false, reason: t('its name does not begin with {0}', MSK_SECRET_PREFIX) };
      if (!s.kmsKeyId || /alias\/aws\/secretsmanager$/.test(s.kmsKeyId)) return { ...s, usable: false, reason: t('it uses the default AWS KMS key, which MSK cannot use') };
      return { ...s, usable: true };
    })
    .sort((a, b) => Number(b.usable) - Number(a.usable) || a.name.localeCompare(b.name));
}

/** What to do when no secret can be associated: make one by hand, its value never passing through here. */
export function mskSecretHowTo(): string {
  return t('Create a secret in AWS Secrets Manager whose name begins with {0}, encrypted with a customer managed KMS key (not the default aws/secretsmanager key), holding the ClickPipes user\'s username and password; then diagnose again. This extension never creates a secret, so no password passes through it ({1}).', MSK_SECRET_PREFIX, MSK_SECRET_DOC);
}

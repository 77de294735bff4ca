// IAM roles as plain models. IAM is global; the client cache signs it with us-east-1.
import { GetRoleCommand } from '@aws-sdk/client-iam';
import type { Role } from '../model/resources';
import { AwsContext, compact } from './awsContext';

/** IAM returns policy documents URL-encoded (RFC 3986); callers want the JSON text. */
export function decodePolicyDocument(doc: string | undefined): string | undefined {
  if (doc === undefined) return undefined;
  try {
    return decodeURIComponent(doc);
  } catch {
    return doc; // already plain (a malformed escape cannot be a URL-encoded document)
  }
}

/** undefined when the role does not exist (NoSuchEntity), so plans can decide to create it. */
export function getRole(ctx: AwsContext, profile: string, name: string): Promise<Role | undefined> {
  return ctx.run({ profile, region: 'us-east-1' }, 'iam', 'GetRole', async (client) => {
    try {
      const { Role: r } = await client.send(new GetRoleCommand({ RoleName: name }));
      if (!r) return undefined;
      return compact({
        name: r.RoleName ?? name,
        arn: r.Arn ?? '',
        trustPolicy: decodePolicyDocument(r.AssumeRolePolicyDocument),
        tags: Object.fromEntries((r.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
      });
    } catch (err) {
      if (/^NoSuchEntity/.test((err as Error).name)) return undefined;
      throw err;
    }
  });
}

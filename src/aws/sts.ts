// Who a profile is: account id and ARN (shown on the profile node, named in confirmations).
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { CallerIdentity } from '../model/resources';
import { AwsContext } from './awsContext';
import { listProfiles } from './profiles';

/** STS is regional; use the profile's own region (as the CLI does), else us-east-1. */
export async function profileRegion(profile: string): Promise<string> {
  return (await listProfiles()).find((p) => p.name === profile)?.region ?? 'us-east-1';
}

export async function callerIdentity(ctx: AwsContext, profile: string): Promise<CallerIdentity> {
  const region = await profileRegion(profile);
  return ctx.run({ profile, region }, 'sts', 'GetCallerIdentity', async (client) => {
    const out = await client.send(new GetCallerIdentityCommand({}));
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  });
}

// MSK clusters as plain models. ListClustersV2 already carries everything the model needs
// (auth, multi-VPC connectivity, version), so no DescribeClusterV2 per cluster; cluster policies
// are one GetClusterPolicy per cluster and are read only when asked for.
import {
  DescribeClusterV2Command, GetBootstrapBrokersCommand, GetClusterPolicyCommand, paginateListClustersV2,
} from '@aws-sdk/client-kafka';
import type { Cluster } from '@aws-sdk/client-kafka';
import type { Scope } from './api';
import type { MskCluster } from '../model/resources';
import { allPages, AwsContext, compact, mapLimit, PER_ITEM_CONCURRENCY } from './awsContext';
import { failureOf } from './errors';

const PAGE = 100;

export function toMskCluster(c: Cluster): MskCluster {
  const p = c.Provisioned;
  // Serverless clusters only ever have SASL/IAM; provisioned ones may have all four.
  const auth = p?.ClientAuthentication;
  const serverlessIam = c.Serverless?.ClientAuthentication?.Sasl?.Iam?.Enabled;
  const vpc = p?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication;
  const unauthenticated = auth?.Unauthenticated?.Enabled;
  return compact({
    arn: c.ClusterArn ?? '',
    name: c.ClusterName ?? '',
    clusterType: c.ClusterType ?? 'UNKNOWN',
    state: c.State ?? 'UNKNOWN',
    currentVersion: c.CurrentVersion ?? '',
    kafkaVersion: p?.CurrentBrokerSoftwareInfo?.KafkaVersion,
    instanceType: p?.BrokerNodeGroupInfo?.InstanceType,
    auth: compact({
      iam: !!(auth?.Sasl?.Iam?.Enabled ?? serverlessIam),
      scram: !!auth?.Sasl?.Scram?.Enabled,
      tls: !!auth?.Tls?.Enabled,
      unauthenticated: unauthenticated === undefined ? undefined : !!unauthenticated,
    }),
    multiVpc: { iam: !!vpc?.Sasl?.Iam?.Enabled, scram: !!vpc?.Sasl?.Scram?.Enabled, tls: !!vpc?.Tls?.Enabled },
    brokerCount: p?.NumberOfBrokerNodes,
  });
}

/** null when the cluster has no policy (MSK answers NotFoundException). */
export function getClusterPolicy(ctx: AwsContext, scope: Scope, arn: string): Promise<MskCluster['policy']> {
  return ctx.run(scope, 'kafka', 'GetClusterPolicy', async (client) => {
    try {
      const out = await client.send(new GetClusterPolicyCommand({ ClusterArn: arn }));
      return out.Policy ? { currentVersion: out.CurrentVersion ?? '', document: out.Policy } : null;
    } catch (err) {
      if ((err as Error).name === 'NotFoundException') return null;
      throw err;
    }
  });
}

/** Policies of several clusters; one failed read does not hide the others (its message instead). */
export async function getClusterPolicies(ctx: AwsContext, scope: Scope, arns: string[]): Promise<Record<string, MskCluster['policy'] | { error: string }>> {
  const out: Record<string, MskCluster['policy'] | { error: string }> = {};
  await mapLimit(arns, PER_ITEM_CONCURRENCY, async (arn) => {
    try {
      out[arn] = await getClusterPolicy(ctx, scope, arn);
    } catch (err) {
      out[arn] = { error: failureOf(err).message };
    }
  });
  return out;
}

export async function listMskClusters(ctx: AwsContext, scope: Scope, withPolicies = false): Promise<MskCluster[]> {
  const clusters = await ctx.run(scope, 'kafka', 'ListClustersV2', async (client) =>
    (await allPages(paginateListClustersV2({ client }, { MaxResults: PAGE }), (p) => p.ClusterInfoList)).map(toMskCluster));
  if (withPolicies) {
    await mapLimit(clusters, PER_ITEM_CONCURRENCY, async (c) => { c.policy = await getClusterPolicy(ctx, scope, c.arn); });
  }
  return clusters;
}

export function describeMskCluster(ctx: AwsContext, scope: Scope, arn: string): Promise<MskCluster> {
  return ctx.run(scope, 'kafka', 'DescribeClusterV2', async (client) => {
    const out = await client.send(new DescribeClusterV2Command({ ClusterArn: arn }));
    if (!out.ClusterInfo) throw Object.assign(new Error(`No cluster ${arn}`), { name: 'NotFoundException' });
    return toMskCluster(out.ClusterInfo);
  });
}

/** The bootstrap broker strings that are set, by SDK field name. */
export function getBootstrapBrokers(ctx: AwsContext, scope: Scope, arn: string): Promise<Record<string, string>> {
  return ctx.run(scope, 'kafka', 'GetBootstrapBrokers', async (client) => {
    const { $metadata: _, ...out } = await client.send(new GetBootstrapBrokersCommand({ ClusterArn: arn }));
    const result: Record<string, string> = {};
    for (const [k, v] of Object.entries(out)) if (typeof v === 'string' && v) result[k] = v;
    return result;
  });
}

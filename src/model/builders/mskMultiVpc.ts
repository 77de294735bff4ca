// MSK multi-VPC endpoint: turn on multi-VPC connectivity for the chosen auth types (wait ACTIVE),
// then put a cluster policy that merges the ClickPipes statements into the existing one.
import { isClickPipesRegion } from '../clickpipes';
import type { MskMultiVpcForm } from '../forms';
import type { Plan, PlanStep } from '../plan';
import { mergeClusterPolicy } from '../policies';
import type { MskCluster } from '../resources';
import { makePlan, ref, type BuildContext } from './buildContext';

export type MskMultiVpcInput = MskMultiVpcForm & {
  /** The cluster as just read: CurrentVersion, enabled multi-VPC auth, and its policy (null = none). */
  cluster: Pick<MskCluster, 'arn' | 'currentVersion' | 'multiVpc' | 'policy'>;
};

export function buildMskMultiVpcPlan(input: MskMultiVpcInput, ctx: BuildContext): Plan {
  const { cluster } = input;
  const steps: PlanStep[] = [];
  const want = {
    iam: input.auth.iam || cluster.multiVpc.iam,
    scram: input.auth.scram || cluster.multiVpc.scram,
    tls: Boolean(input.auth.tls) || cluster.multiVpc.tls,
  };
  const changes = want.iam !== cluster.multiVpc.iam || want.scram !== cluster.multiVpc.scram || want.tls !== cluster.multiVpc.tls;

  if (changes) {
    // Already-enabled types stay on: UpdateConnectivity replaces the whole setting.
    const clientAuthentication: Record<string, unknown> = { Sasl: { Iam: { Enabled: want.iam }, Scram: { Enabled: want.scram } } };
    if (want.tls) clientAuthentication.Tls = { Enabled: true };
    steps.push({
      id: 'connectivity',
      title: `Turn on multi-VPC connectivity (${[want.iam && 'SASL/IAM', want.scram && 'SASL/SCRAM', want.tls && 'TLS'].filter(Boolean).join(', ')})`,
      service: 'kafka',
      operation: 'UpdateConnectivity',
      input: {
        ClusterArn: input.clusterArn,
        CurrentVersion: cluster.currentVersion,
        ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: clientAuthentication } },
      },
      outputs: { operationArn: 'ClusterOperationArn' },
      waitFor: {
        operation: 'DescribeClusterV2',
        input: { ClusterArn: input.clusterArn },
        statusPath: 'ClusterInfo.State',
        success: ['ACTIVE'],
        failure: ['FAILED'],
        timeoutSeconds: 5400,
      },
      mutating: true,
    });
  }

  const existing = cluster.policy ?? undefined;
  steps.push({
    id: 'policy',
    title: existing ? 'Merge the ClickPipes statements into the cluster policy' : 'Attach a cluster policy allowing ClickPipes',
    service: 'kafka',
    operation: 'PutClusterPolicy',
    input: {
      ClusterArn: input.clusterArn,
      Policy: mergeClusterPolicy(existing?.document, input.clusterArn),
      ...(existing ? { CurrentVersion: existing.currentVersion } : {}),
    },
    outputs: { version: 'CurrentVersion' },
    mutating: true,
  });

  const brokerOutputs: Record<string, string> = {};
  if (want.iam) brokerOutputs.saslIam = 'BootstrapBrokerStringVpcConnectivitySaslIam';
  if (want.scram) brokerOutputs.saslScram = 'BootstrapBrokerStringVpcConnectivitySaslScram';
  steps.push({
    id: 'brokers',
    title: 'Read the multi-VPC bootstrap brokers',
    service: 'kafka',
    operation: 'GetBootstrapBrokers',
    input: { ClusterArn: input.clusterArn },
    outputs: brokerOutputs,
    mutating: false,
  });

  const auth = input.auth.iam ? 'SASL_IAM' : 'SASL_SCRAM';
  const warnings: string[] = [];
  if (!isClickPipesRegion(ctx.region)) warnings.push(`${ctx.region} is not a ClickPipes region; MSK multi-VPC does not work across regions.`);
  if (changes) warnings.push('Changing connectivity puts the cluster in UPDATING for a while (often 30 minutes or more).');
  if (input.auth.iam && input.auth.scram) warnings.push('Both SASL/IAM and SASL/SCRAM are enabled; enter SASL_SCRAM in ClickHouse Cloud if the ClickPipe uses SCRAM credentials.');
  warnings.push('ClickPipes allows one MSK-managed VPC connection per cluster and auth type.');
  return makePlan(
    'mskMultiVpc',
    ctx,
    `MSK multi-VPC endpoint for ClickPipes: ${input.clusterArn.split('/')[1] ?? input.clusterArn}`,
    steps,
    {
      'MSK cluster ARN': input.clusterArn,
      Authentication: auth,
      ...(want.iam ? { 'Bootstrap brokers (SASL/IAM)': ref('brokers', 'saslIam') } : {}),
      ...(want.scram ? { 'Bootstrap brokers (SASL/SCRAM)': ref('brokers', 'saslScram') } : {}),
    },
    warnings,
    existing ? { previousPolicy: existing.document } : undefined,
  );
}

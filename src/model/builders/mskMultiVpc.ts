// MSK multi-VPC endpoint: turn on multi-VPC connectivity for the chosen auth types (wait ACTIVE),
// then put a cluster policy that merges the ClickPipes statements into the existing one.
import { isClickPipesRegion } from '../clickpipes';
import type { MskMultiVpcForm } from '../forms';
import type { Plan, PlanStep } from '../plan';
import { mergeClusterPolicy, missingMskActions } from '../policies';
import type { MskCluster } from '../resources';
import { makePlan, ref, withUnchanged, type BuildContext } from './buildContext';

/** Cluster operation states (see the wait below for the source). */
export const MSK_OPERATION_STATES = { pending: 'PENDING', inProgress: 'UPDATE_IN_PROGRESS', complete: 'UPDATE_COMPLETE', failed: 'UPDATE_FAILED' } as const;

/**
 * AWS MSK guide, multi-VPC requirements (https://docs.aws.amazon.com/msk/latest/developerguide/aws-access-mult-vpc.html#mvpc-requirements):
 * with SASL/SCRAM or mTLS "you must set up Apache Kafka ACLs for your cluster" and set
 * allow.everyone.if.no.acl.found to false in its configuration. The plan cannot see the broker
 * configuration (it is not read), so it says so instead of checking.
 */
export const MSK_ACL_REQUIREMENT =
  'SASL/SCRAM or mTLS with multi-VPC connectivity: AWS requires Apache Kafka ACLs on the cluster and allow.everyone.if.no.acl.found=false in its configuration '
  + '(MSK guide, multi-VPC requirements). This plan neither reads nor changes the broker configuration: set both before ClickPipes connects, '
  + 'and give the ClickPipes SCRAM user ACLs to read its topics and use its consumer group.';

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
      // Follow the operation UpdateConnectivity started, not the cluster: the cluster may still
      // read ACTIVE before the update starts and reads ACTIVE again after an update that failed.
      // DescribeClusterOperationV2 (botocore kafka model: GET /api/v2/operations/{clusterOperationArn},
      // ClusterOperationInfo.OperationState, ErrorInfo). The model types the state as a plain string;
      // its values PENDING, UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED are those the AWS
      // Terraform provider waits on (internal/service/kafka/consts.go).
      waitFor: {
        operation: 'DescribeClusterOperationV2',
        input: { ClusterOperationArn: ref('connectivity', 'operationArn') },
        statusPath: 'ClusterOperationInfo.OperationState',
        success: [MSK_OPERATION_STATES.complete],
        failure: [MSK_OPERATION_STATES.failed],
        reasonPath: 'ClusterOperationInfo.ErrorInfo.ErrorString',
        timeoutSeconds: 5400,
      },
      mutating: true,
    });
  }

  const existing = cluster.policy ?? undefined;
  // Asked in the form when both are on (see validateClickPipesMskAuth); otherwise the one that is.
  const auth = input.clickpipesAuth ?? (input.auth.iam ? 'SASL_IAM' : 'SASL_SCRAM');
  const policyAccess = auth === 'SASL_SCRAM' ? 'scram' : 'iam';
  steps.push({
    id: 'policy',
    title: existing ? 'Merge the ClickPipes statements into the cluster policy' : 'Attach a cluster policy allowing ClickPipes',
    service: 'kafka',
    operation: 'PutClusterPolicy',
    input: {
      ClusterArn: input.clusterArn,
      Policy: mergeClusterPolicy(existing?.document, input.clusterArn, policyAccess),
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

  const warnings: string[] = [];
  if (!isClickPipesRegion(ctx.region)) warnings.push(`${ctx.region} is not a ClickPipes region; MSK multi-VPC does not work across regions.`);
  if (changes) warnings.push('Changing connectivity puts the cluster in UPDATING for a while (often 30 minutes or more).');
  if (input.auth.iam && input.auth.scram) warnings.push(`Both SASL/IAM and SASL/SCRAM are enabled; the ClickPipe uses ${auth} (as chosen in the form).`);
  warnings.push('ClickPipes allows one MSK-managed VPC connection per cluster and auth type.');
  const keptBroad = policyAccess === 'scram' && existing !== undefined && missingMskActions(existing.document, 'iam').length === 0;
  warnings.push(keptBroad
    ? 'Cluster policy: the kafka-cluster:* statements already there stay, as a SASL/IAM ClickPipe on this cluster may rely on them; a SASL/SCRAM ClickPipe itself needs only the multi-VPC actions (SCRAM clients are authorized by Kafka ACLs).'
    : policyAccess === 'scram'
    ? 'Cluster policy: a SASL/SCRAM ClickPipe gets only the multi-VPC actions (kafka:CreateVpcConnection, GetBootstrapBrokers, DescribeCluster, DescribeClusterV2); no kafka-cluster:* — SCRAM clients are authorized by Kafka ACLs.'
    : 'Cluster policy: kafka-cluster:* on the cluster, all its topics and all its groups follows AWS\'s example policy; a SASL/IAM ClickPipe is authorized by it. To narrow it, edit plan.json to name only the topics and consumer group the ClickPipe uses.');
  if (want.scram || want.tls) warnings.push(MSK_ACL_REQUIREMENT);
  const on = [want.iam && 'SASL/IAM', want.scram && 'SASL/SCRAM', want.tls && 'TLS'].filter(Boolean).join(', ');
  return withUnchanged(makePlan(
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
  ), [!changes && `Multi-VPC connectivity (${on}): already on`]);
}

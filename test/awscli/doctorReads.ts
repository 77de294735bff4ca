// The connectivity doctor's reads (src/aws/doctorReads.ts), with the inputs it sends, on demo
// records: they go through their own SDK calls, not the plan executor, so the constraints layer
// sends them here with plain SDK v3 clients.
import * as ec2 from '@aws-sdk/client-ec2';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import * as kafka from '@aws-sdk/client-kafka';
import * as iam from '@aws-sdk/client-iam';
import * as ram from '@aws-sdk/client-ram';
import * as rds from '@aws-sdk/client-rds';
import * as secretsmanager from '@aws-sdk/client-secrets-manager';
import * as sts from '@aws-sdk/client-sts';
import * as lattice from '@aws-sdk/client-vpc-lattice';
import type { RunningEmulator } from '../emulator/index';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { sdkConfig } from '../emulator/testHelpers';

export type ReadCall = { service: string; operation: string; input: Record<string, unknown>; region?: string };

type Pkg = Record<string, any>;
const CLIENTS: Record<string, [string, Pkg]> = {
  ec2: ['EC2Client', ec2], elbv2: ['ElasticLoadBalancingV2Client', elbv2], kafka: ['KafkaClient', kafka], rds: ['RDSClient', rds],
  iam: ['IAMClient', iam], ram: ['RAMClient', ram], secretsmanager: ['SecretsManagerClient', secretsmanager], sts: ['STSClient', sts],
  'vpc-lattice': ['VPCLatticeClient', lattice],
};

/** One SDK v3 call to the emulator (no retries: a refusal is the answer under test). */
export async function sdkSend(url: string, call: ReadCall): Promise<unknown> {
  const [clientName, pkg] = CLIENTS[call.service];
  const client = new pkg[clientName]({ ...sdkConfig(url, call.region ?? 'us-east-1'), maxAttempts: 1 });
  try {
    return await client.send(new pkg[`${call.operation}Command`](call.input));
  } finally {
    client.destroy();
  }
}

/** Each read the doctor makes, as it makes it, on the demo's records. */
export function doctorReads(emu: RunningEmulator): ReadCall[] {
  const us = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
  const eu = emu.world.region(DEMO_ACCOUNT, 'eu-central-1');
  const sg = [...us.securityGroups.values()].find((g) => g.GroupName === 'crm-database')!.GroupId;
  const vpc = [...us.vpcs.values()].find((v) => v.Tags?.some((t: { Value?: string }) => t.Value === 'prod-data'))!.VpcId;
  const nlb = [...us.loadBalancers.values()].find((l) => l.LoadBalancerName === 'pg-proxy-nlb')!.LoadBalancerArn;
  const tg = [...us.targetGroups.values()].find((t) => (t.LoadBalancerArns ?? []).includes(nlb))!.TargetGroupArn;
  const scram = [...eu.mskClusters.values()].find((c) => c.ClusterName === 'eu-audit-scram')!;
  const sw = scram.Provisioned.CurrentBrokerSoftwareInfo;
  return [
    { service: 'ec2', operation: 'DescribeSecurityGroupRules', input: { Filters: [{ Name: 'group-id', Values: [sg] }], MaxResults: 1000 } },
    {
      service: 'ec2', operation: 'DescribeNetworkInterfaces',
      input: { Filters: [{ Name: 'addresses.private-ip-address', Values: ['10.0.1.40'] }, { Name: 'vpc-id', Values: [vpc] }], MaxResults: 1000 },
    },
    { service: 'rds', operation: 'DescribeDBInstances', input: { DBInstanceIdentifier: 'crm-postgres' } },
    { service: 'rds', operation: 'DescribeDBClusters', input: { DBClusterIdentifier: 'orders-aurora-pg' } },
    { service: 'rds', operation: 'DescribeDBClusterEndpoints', input: { DBClusterEndpointIdentifier: 'orders-reports' } },
    { service: 'rds', operation: 'DescribeDBParameters', input: { DBParameterGroupName: 'cdc-postgres16', MaxRecords: 100 } },
    { service: 'rds', operation: 'DescribeDBClusterParameters', input: { DBClusterParameterGroupName: 'default.aurora-postgresql16', MaxRecords: 100 } },
    { service: 'elbv2', operation: 'DescribeLoadBalancers', input: { LoadBalancerArns: [nlb] } },
    { service: 'elbv2', operation: 'DescribeListeners', input: { LoadBalancerArn: nlb } },
    { service: 'elbv2', operation: 'DescribeTargetHealth', input: { TargetGroupArn: tg } },
    { service: 'kafka', operation: 'DescribeClusterV2', input: { ClusterArn: scram.ClusterArn }, region: 'eu-central-1' },
    { service: 'kafka', operation: 'ListScramSecrets', input: { ClusterArn: scram.ClusterArn }, region: 'eu-central-1' },
    { service: 'kafka', operation: 'DescribeConfigurationRevision', input: { Arn: sw.ConfigurationArn, Revision: sw.ConfigurationRevision }, region: 'eu-central-1' },
  ];
}

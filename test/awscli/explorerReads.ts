// The explorer's and the connectivity doctor's reads as the extension sends them: every SDK command
// the AWS layer's read functions send on the demo world, recorded at the SDK clients' `send` (each
// client class's method, wrapped while the reads run), with the region of the client.
import * as ec2 from '@aws-sdk/client-ec2';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import * as iam from '@aws-sdk/client-iam';
import * as kafka from '@aws-sdk/client-kafka';
import * as ram from '@aws-sdk/client-ram';
import * as rds from '@aws-sdk/client-rds';
import * as secretsmanager from '@aws-sdk/client-secrets-manager';
import * as sts from '@aws-sdk/client-sts';
import * as lattice from '@aws-sdk/client-vpc-lattice';
import type { AwsLayer } from '../../src/aws/api';
import { EU, US } from '../integration/awsEnv';
import type { ReadCall } from './doctorReads';

/** CLI service name → SDK v3 client class (the same modules src/aws loads). */
export const CLIENT_CLASSES: Record<string, { prototype: object }> = {
  ec2: ec2.EC2Client, elbv2: elbv2.ElasticLoadBalancingV2Client, iam: iam.IAMClient, kafka: kafka.KafkaClient, ram: ram.RAMClient,
  rds: rds.RDSClient, secretsmanager: secretsmanager.SecretsManagerClient, sts: sts.STSClient, 'vpc-lattice': lattice.VPCLatticeClient,
};

/** Every command sent through the SDK clients while `run` runs, in order, with its input as sent. */
export async function recordSends(run: () => Promise<unknown>): Promise<ReadCall[]> {
  const sent: ReadCall[] = [];
  const restore: (() => void)[] = [];
  for (const [service, cls] of Object.entries(CLIENT_CLASSES)) {
    const proto = cls.prototype as { send: (command: any, ...rest: unknown[]) => Promise<unknown> };
    const own = Object.prototype.hasOwnProperty.call(proto, 'send');
    const original = proto.send;
    proto.send = async function (this: { config: { region: () => Promise<string> } }, command: any, ...rest: unknown[]) {
      const call: ReadCall = { service, operation: command.constructor.name.replace(/Command$/, ''), input: structuredClone(command.input ?? {}) };
      sent.push(call);
      call.region = await this.config.region();
      return original.call(this, command, ...rest);
    };
    restore.push(() => { if (own) proto.send = original; else delete (proto as { send?: unknown }).send; });
  }
  try {
    await run();
  } finally {
    for (const r of restore) r();
  }
  return sent;
}

/** Every read function of the AWS layer (the explorer's lists and gets, the doctor's facts) on the demo's records, both regions. */
export async function driveReads(layer: AwsLayer): Promise<void> {
  await layer.callerIdentity(US.profile);
  for (const scope of [US, EU]) {
    const gateways = await layer.listResourceGateways(scope);
    if (gateways[0]) await layer.getResourceGateway(scope, gateways[0].id);
    const configs = await layer.listResourceConfigurations(scope, { details: true });
    await layer.listResourceConfigurations(scope);
    await layer.listResourceShares(scope);
    const clusters = await layer.listMskClusters(scope, { policies: true });
    await layer.listMskClusters(scope);
    await layer.getMskClusterPolicies(scope, clusters.map((c) => c.arn));
    for (const c of clusters.slice(0, 2)) {
      await layer.getMskClusterPolicy(scope, c.arn);
      await layer.describeMskCluster(scope, c.arn);
      await layer.getBootstrapBrokers(scope, c.arn).catch(() => undefined); // a cluster without multi-VPC brokers refuses; the input is what counts
    }
    await layer.listMskSecrets(scope);
    const services = await layer.listEndpointServices(scope);
    const databases = await layer.listDatabases(scope);
    const vpcs = await layer.listVpcs(scope);
    if (vpcs[0]) {
      await layer.listSubnets(scope, vpcs[0].id);
      await layer.listSecurityGroups(scope, vpcs[0].id);
    }
    await layer.listSubnetsOfVpcs(scope, vpcs.map((v) => v.id));
    await layer.listLoadBalancers(scope);
    for (const c of configs) await layer.doctor.vpcResource(scope, c.id);
    for (const s of services) {
      await layer.doctor.endpointService(scope, { id: s.id }, { clickPipesRegion: 'us-east-2', port: 5432 });
      await layer.doctor.endpointService(scope, { name: s.name });
    }
    for (const c of clusters) for (const auth of ['SASL_IAM', 'SASL_SCRAM'] as const) await layer.doctor.mskMultiVpc(scope, c.arn, auth);
    for (const d of databases) await layer.doctor.database(scope, d.kind, d.id, { iamAuthForReplication: true });
  }
  await layer.getRole(US.profile, 'ClickPipes-orders-aurora-pg');
}

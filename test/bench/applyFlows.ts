// The five flows the apply bench times, each as one plan built by the extension's own builder
// from what the demo world holds (read through the AWS layer, as the forms do), on a freshly
// reset demo world. Every plan waits for at least one state change of the emulator.
import type { AwsLayer, Scope } from '../../src/aws/api';
import {
  buildClickhouseEndpointPlan, buildEndpointServicePlan, buildIamDbAuthPlan, buildMskMultiVpcPlan, buildVpcResourcePlan, type BuildContext,
} from '../../src/model/builders';
import type { Plan } from '../../src/model/plan';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { DEMO_CH_ORG_ID, DEMO_CH_SERVICE_US } from '../emulator/services/clickhouse';

export type ApplyFlow = { name: string; build(layer: AwsLayer, scope: Scope, ctx: BuildContext): Promise<Plan> };

const named = <T extends { name?: string }>(list: readonly T[], name: string): T => {
  const hit = list.find((x) => x.name === name);
  if (!hit) throw new Error(`the demo has no ${name}`);
  return hit;
};

export const APPLY_FLOWS: ApplyFlow[] = [
  {
    name: 'VPC resource',
    // A new gateway (waits ACTIVE), an ARN configuration for the Aurora cluster (waits ACTIVE), a share.
    build: async (layer, scope, ctx) => {
      const vpc = named(await layer.listVpcs(scope), 'prod-data');
      const subnets = (await layer.listSubnets(scope, vpc.id)).filter((s) => s.name === 'prod-data-a' || s.name === 'prod-data-b');
      const sg = named(await layer.listSecurityGroups(scope, vpc.id), 'resource-gateway');
      const db = (await layer.listDatabases(scope)).find((d) => d.id === 'orders-aurora-pg')!;
      return buildVpcResourcePlan({
        gatewayMode: 'new', gatewayName: 'bench-gateway', vpcId: vpc.id, subnetIds: subnets.map((s) => s.id), securityGroupIds: [sg.id],
        ipAddressType: 'IPV4', configurationName: 'bench-config', configurationType: 'ARN', definitionKind: 'arn', arn: db.arn,
        shareName: 'bench-share', allowExternalPrincipals: true,
      }, ctx);
    },
  },
  {
    name: 'MSK multi-VPC',
    // UpdateConnectivity (waits for the cluster operation), then the cluster policy.
    build: async (layer, scope, ctx) => {
      const cluster = named(await layer.listMskClusters(scope, { policies: true }), 'orders-events');
      return buildMskMultiVpcPlan({ clusterArn: cluster.arn, auth: { iam: true, scram: false }, clusterAuth: cluster.auth, cluster }, ctx);
    },
  },
  {
    name: 'VPC endpoint service',
    // A new service on the NLB no service uses yet (waits Available), ClickPipes allowed.
    build: async (layer, scope, ctx) => {
      const nlb = named(await layer.listLoadBalancers(scope), 'reports-nlb');
      return buildEndpointServicePlan({ mode: 'new', networkLoadBalancerArns: [nlb.arn], acceptanceRequired: false, region: scope.region }, ctx);
    },
  },
  {
    name: 'IAM DB auth',
    // IAM auth switched on now (waits until the instance reports it), the role and its policy.
    build: async (layer, scope, ctx) => {
      const d = (await layer.listDatabases(scope)).find((x) => x.id === 'billing-postgres')!;
      return buildIamDbAuthPlan({
        databaseKind: d.kind, databaseId: d.id, resourceId: d.resourceId, engine: d.engine, region: scope.region, account: DEMO_ACCOUNT,
        clickhouseRoleArn: 'arn:aws:iam::999999999999:role/CH-S3-orange-ab-12-Role', dbUser: 'clickpipes_iam_user',
        roleName: 'ClickPipes-bench', enableIamAuth: true, iamAuthEnabled: d.iamAuth,
      }, ctx);
    },
  },
  {
    name: 'ClickHouse endpoint',
    // The reverse private endpoint for a cluster already open to ClickPipes (waits Ready).
    build: async (layer, scope, ctx) => {
      const cluster = named(await layer.listMskClusters(scope), 'payments-stream');
      return buildClickhouseEndpointPlan({
        organizationId: DEMO_CH_ORG_ID, serviceId: DEMO_CH_SERVICE_US, organizationName: 'Demo organization', serviceName: 'orders-analytics',
        serviceRegion: scope.region, description: 'bench', type: 'MSK_MULTI_VPC', mskClusterArn: cluster.arn, mskAuthentication: 'SASL_IAM',
      }, ctx);
    },
  },
];

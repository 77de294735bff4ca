// The plans whose commands.sh the oracle runs: one or more per flow, built by the extension's own
// builders from what the demo world holds (read through the real AWS layer, as the forms do).
import type { AwsLayer } from '../../src/aws/api';
import {
  buildEndpointServicePlan, buildFixPlan, buildIamDbAuthPlan, buildMskMultiVpcPlan, buildVpcResourcePlan, type BuildContext,
} from '../../src/model/builders';
import type { VpcResourceForm } from '../../src/model/forms';
import type { Plan } from '../../src/model/plan';
import { buildMskTeardownPlan } from '../../src/model/mskTeardownPlan';
import { checkEndpointService } from '../../src/model/doctor/endpointService';
import { checkMskMultiVpc } from '../../src/model/doctor/mskMultiVpc';
import type { FixRequest, Hop } from '../../src/model/doctor/types';
import type { MskAuthentication } from '../../src/model/clickpipes';
import { mskSecretChoices } from '../../src/model/mskSecrets';
import type { RunningEmulator } from '../emulator/index';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { US } from '../integration/awsEnv';

const CH_ROLE = 'arn:aws:iam::999999999999:role/CH-S3-orange-ab-12-Role';

export type PlanCase = {
  name: string;
  build(layer: AwsLayer, ctx: BuildContext): Promise<Plan>;
  /** Known to fail until a fix lands elsewhere: said in the failure message, never skipped. */
  known?: string;
  /** Puts each fresh world (the extension's and the script's) in the state the plan fixes. */
  prepare?(emu: RunningEmulator): void;
};

const named = <T extends { name?: string }>(list: readonly T[], name: string): T => {
  const hit = list.find((x) => x.name === name);
  if (!hit) throw new Error(`the demo has no ${name}`);
  return hit;
};

/** An NLB of its own for a new endpoint service: every demo NLB is already behind one. */
export function seedFreeNlb(emu: RunningEmulator): string {
  const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
  const base = [...r.loadBalancers.values()].find((lb) => lb.LoadBalancerName === 'pg-proxy-nlb');
  const arn = `arn:aws:elasticloadbalancing:us-east-1:${DEMO_ACCOUNT}:loadbalancer/net/oracle-nlb/0123456789abcdef`;
  r.loadBalancers.set(arn, { ...base, LoadBalancerArn: arn, LoadBalancerName: 'oracle-nlb', DNSName: 'oracle-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com' });
  return arn;
}

async function network(layer: AwsLayer) {
  const vpc = named(await layer.listVpcs(US), 'prod-data');
  const subnets = (await layer.listSubnets(US, vpc.id)).filter((s) => s.name === 'prod-data-a' || s.name === 'prod-data-b');
  const sg = named(await layer.listSecurityGroups(US, vpc.id), 'resource-gateway');
  return { vpc, subnets: subnets.map((s) => s.id), sg: sg.id };
}

async function vpcResource(layer: AwsLayer, ctx: BuildContext, over: Partial<VpcResourceForm>): Promise<Plan> {
  const net = await network(layer);
  const gateway = named(await layer.listResourceGateways(US), 'prod-data-gateway');
  const form: VpcResourceForm = {
    gatewayMode: 'existing', gatewayId: gateway.id, vpcId: net.vpc.id, subnetIds: net.subnets, securityGroupIds: [net.sg],
    gatewayName: 'oracle-gateway', ipAddressType: 'IPV4', configurationName: 'oracle-config', configurationType: 'SINGLE',
    shareName: 'oracle-share', allowExternalPrincipals: true, ...over,
  };
  return buildVpcResourcePlan(form, ctx);
}

async function db(layer: AwsLayer, id: string) {
  return (await layer.listDatabases(US)).find((d) => d.id === id)!;
}

async function iamDbAuth(layer: AwsLayer, ctx: BuildContext, id: string): Promise<Plan> {
  const d = await db(layer, id);
  return buildIamDbAuthPlan({
    databaseKind: d.kind, databaseId: d.id, resourceId: d.resourceId, engine: d.engine, region: 'us-east-1', account: DEMO_ACCOUNT,
    clickhouseRoleArn: CH_ROLE, dbUser: 'clickpipes_iam_user', roleName: `ClickPipes-${id}`, enableIamAuth: true, iamAuthEnabled: d.iamAuth,
  }, ctx);
}

async function msk(layer: AwsLayer, ctx: BuildContext, name: string, auth: { iam: boolean; scram: boolean }): Promise<Plan> {
  const cluster = named(await layer.listMskClusters(US, { policies: true }), name);
  return buildMskMultiVpcPlan({ clusterArn: cluster.arn, auth, clusterAuth: cluster.auth, cluster }, ctx);
}

/** The fix the doctor proposes on a failing hop (its check run on what the AWS layer reads). */
function fixOf(hops: Hop[], id: string, what: string): FixRequest {
  const fix = hops.find((h) => h.id === id)?.fix;
  if (!fix) throw new Error(`${what}: the ${id} hop proposes no fix (${JSON.stringify(hops.map((h) => [h.id, h.verdict]))})`);
  return fix;
}

/** The demo endpoint service in front of the NLB named so. */
async function serviceOf(layer: AwsLayer, nlbName: string): Promise<string> {
  const nlb = named(await layer.listLoadBalancers(US), nlbName);
  const svc = (await layer.listEndpointServices(US)).find((s) => s.networkLoadBalancerArns.includes(nlb.arn));
  if (!svc) throw new Error(`the demo has no endpoint service on ${nlbName}`);
  return svc.id;
}

async function endpointServiceFix(layer: AwsLayer, ctx: BuildContext, nlbName: string, hop: string, options: { clickPipesRegion?: string } = {}): Promise<Plan> {
  const hops = checkEndpointService(await layer.doctor.endpointService(US, { id: await serviceOf(layer, nlbName) }, options));
  return buildFixPlan(fixOf(hops, hop, nlbName), ctx);
}

async function mskFix(layer: AwsLayer, ctx: BuildContext, name: string, auth: MskAuthentication, hop: string): Promise<Plan> {
  const arn = named(await layer.listMskClusters(US), name).arn;
  return buildFixPlan(fixOf(checkMskMultiVpc(await layer.doctor.mskMultiVpc(US, arn, auth)), hop, name), ctx);
}

const usDb = (emu: RunningEmulator, id: string) => emu.world.region(DEMO_ACCOUNT, 'us-east-1').dbInstances.get(id)!;

/** The connectivity doctor's fix plans: for each fix kind, one the doctor raises on the demo (or on the state `prepare` sets). */
const DOCTOR_FIX_CASES: PlanCase[] = [
  { name: 'Doctor fix: admit the resource gateway on the CRM database port', build: async (layer, ctx) => {
    const vpc = named(await layer.listVpcs(US), 'prod-data');
    const groups = await layer.listSecurityGroups(US, vpc.id);
    return buildFixPlan({
      kind: 'ingressRule', groupId: named(groups, 'crm-database').id, sourceGroupId: named(groups, 'resource-gateway').id, port: 5432,
      description: 'ClickPipes resource gateway',
    }, ctx);
  } },
  { name: 'Doctor fix: CDC parameters, default DB parameter group copied and attached', build: async (_layer, ctx) => buildFixPlan({
    kind: 'parameters', level: 'instance', dbId: 'billing-postgres', family: 'postgres16', currentGroup: 'default.postgres16',
    values: { 'rds.logical_replication': '1' }, static: true,
  }, ctx) },
  { name: 'Doctor fix: CDC parameters, custom DB parameter group changed in place', build: async (_layer, ctx) => buildFixPlan({
    kind: 'parameters', level: 'instance', dbId: 'crm-postgres', family: 'postgres16', currentGroup: 'cdc-postgres16',
    values: { wal_sender_timeout: '0' }, static: false,
  }, ctx) },
  { name: 'Doctor fix: CDC parameters, default DB cluster parameter group copied and attached', build: async (_layer, ctx) => buildFixPlan({
    kind: 'parameters', level: 'cluster', dbId: 'catalog-aurora-mysql', family: 'aurora-mysql8.0', currentGroup: 'default.aurora-mysql8.0',
    values: { binlog_format: 'ROW' }, static: true,
  }, ctx) },
  { name: 'Doctor fix: reboot a DB instance for its pending parameters', build: async (_layer, ctx) => buildFixPlan({
    kind: 'reboot', instanceId: 'crm-postgres', reason: 'apply rds.logical_replication',
  }, ctx), prepare: (emu) => { usDb(emu, 'crm-postgres').DBParameterGroups[0].ParameterApplyStatus = 'pending-reboot'; } },
  { name: 'Doctor fix: reboot an Aurora writer for its cluster\'s pending parameters', build: async (_layer, ctx) => buildFixPlan({
    kind: 'reboot', instanceId: 'orders-aurora-pg-1', clusterId: 'orders-aurora-pg', reason: 'apply rds.logical_replication',
  }, ctx), prepare: (emu) => {
    for (const m of emu.world.region(DEMO_ACCOUNT, 'us-east-1').dbClusters.get('orders-aurora-pg')!.DBClusterMembers) m.DBClusterParameterGroupStatus = 'pending-reboot';
  } },
  { name: 'Doctor fix: allow the ClickPipes principal on an endpoint service', build: (layer, ctx) => endpointServiceFix(layer, ctx, 'kafka-nlb', 'principal') },
  { name: 'Doctor fix: accept ClickPipes\' pending endpoint connection', build: (layer, ctx) => endpointServiceFix(layer, ctx, 'pg-proxy-nlb', 'connection') },
  { name: 'Doctor fix: offer an endpoint service in the ClickPipes region', build: (layer, ctx) =>
    endpointServiceFix(layer, ctx, 'pg-proxy-nlb', 'region', { clickPipesRegion: 'eu-west-1' }) },
  { name: 'Doctor fix: NLB security groups stop evaluating PrivateLink traffic', build: (layer, ctx) => endpointServiceFix(layer, ctx, 'pg-proxy-nlb', 'nlbSecurityGroups'),
    prepare: (emu) => {
      // The demo NLBs have no security groups: this one gets the VPC's default group (no rule for
      // 5432), evaluated for PrivateLink traffic (the AWS default, on).
      const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
      const lb = [...r.loadBalancers.values()].find((l) => l.LoadBalancerName === 'pg-proxy-nlb')!;
      const sg = [...r.securityGroups.values()].find((g) => g.GroupName === 'default' && g.VpcId === lb.VpcId)!;
      lb.SecurityGroups = [sg.GroupId];
      lb.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic = 'on';
    } },
  { name: 'Doctor fix: MSK multi-VPC IAM turned on', build: (layer, ctx) => mskFix(layer, ctx, 'orders-events', 'SASL_IAM', 'auth') },
  { name: 'Doctor fix: MSK multi-VPC SCRAM turned on beside the IAM already on', build: (layer, ctx) => mskFix(layer, ctx, 'payments-stream', 'SASL_SCRAM', 'auth') },
  { name: 'Doctor fix: MSK cluster policy attached where there is none', build: (layer, ctx) => mskFix(layer, ctx, 'orders-events', 'SASL_IAM', 'policy') },
  { name: 'Doctor fix: MSK cluster policy merged into a foreign one', build: (layer, ctx) => mskFix(layer, ctx, 'orders-events', 'SASL_IAM', 'policy'),
    prepare: (emu) => {
      const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
      const arn = [...r.mskClusters.values()].find((c) => c.ClusterName === 'orders-events')!.ClusterArn as string;
      const foreign = { Sid: 'Ops', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kafka:DescribeClusterV2', Resource: arn };
      r.mskPolicies.set(arn, { policy: JSON.stringify({ Version: '2012-10-17', Statement: [foreign] }), currentVersion: 'K3ORACLEPOLICY' });
    } },
  { name: 'Doctor fix: automated backups on for a MySQL instance', build: async (_layer, ctx) => buildFixPlan({ kind: 'backups', instanceId: 'inventory-mysql' }, ctx),
    prepare: (emu) => { usDb(emu, 'inventory-mysql').BackupRetentionPeriod = 0; } },
];

export const PLAN_CASES: PlanCase[] = [
  { name: 'VPC resource, ARN (Aurora cluster), new gateway', build: async (layer, ctx) => {
    return vpcResource(layer, ctx, {
      gatewayMode: 'new', gatewayId: undefined, configurationType: 'ARN', definitionKind: 'arn',
      arn: (await db(layer, 'orders-aurora-pg')).arn,
    });
  } },
  { name: 'VPC resource, ARN (RDS instance), existing gateway', build: async (layer, ctx) =>
    vpcResource(layer, ctx, { configurationType: 'ARN', definitionKind: 'arn', arn: (await db(layer, 'billing-postgres')).arn }) },
  { name: 'VPC resource, SINGLE by IP, existing gateway', build: (layer, ctx) =>
    vpcResource(layer, ctx, { configurationType: 'SINGLE', definitionKind: 'ip', ipAddress: '10.0.0.50', portRanges: ['5432'] }) },
  { name: 'VPC resource, SINGLE by DNS, new gateway', build: (layer, ctx) =>
    vpcResource(layer, ctx, { gatewayMode: 'new', configurationType: 'SINGLE', definitionKind: 'dns', domainName: 'db.internal.example.com', portRanges: ['5432'] }) },
  { name: 'VPC resource, GROUP, existing gateway', build: (layer, ctx) =>
    vpcResource(layer, ctx, { configurationType: 'GROUP', definitionKind: 'dns', domainName: 'broker-1.kafka.internal.example.com', portRanges: ['9092-9098'] }) },
  { name: 'VPC resource, CHILD of a GROUP',
    build: async (layer, ctx) => {
      const group = named(await layer.listResourceConfigurations(US), 'kafka-group');
      return vpcResource(layer, ctx, { configurationType: 'CHILD', groupId: group.id, definitionKind: 'dns', domainName: 'broker-2.kafka.internal.example.com', portRanges: ['9098'] });
    } },
  { name: 'MSK multi-VPC, turn on SASL/IAM, new policy', build: (layer, ctx) => msk(layer, ctx, 'orders-events', { iam: true, scram: false }) },
  { name: 'MSK multi-VPC, already on, merge into the existing policy', build: (layer, ctx) => msk(layer, ctx, 'payments-stream', { iam: true, scram: false }) },
  { name: 'MSK multi-VPC, turn on SASL/SCRAM, new policy', build: (layer, ctx) => msk(layer, ctx, 'orders-events', { iam: false, scram: true }) },
  { name: 'MSK multi-VPC, add SASL/SCRAM beside IAM, merge into the existing policy', build: (layer, ctx) => msk(layer, ctx, 'payments-stream', { iam: false, scram: true }) },
  { name: 'MSK teardown, remove ClickPipes from the cluster policy', build: async (layer, ctx) => {
    const arn = named(await layer.listMskClusters(US), 'payments-stream').arn;
    const built = buildMskTeardownPlan({ clusterArn: arn, policy: await layer.getMskClusterPolicy(US, arn) }, ctx);
    if (!('plan' in built)) throw new Error(built.nothingToDo);
    return built.plan;
  } },
  { name: 'Doctor fix, Kafka ACLs enforced: a new configuration run by a SASL/SCRAM cluster on the MSK default one', build: async (layer, ctx) => {
    const arn = named(await layer.listMskClusters(US), 'orders-events').arn;
    const fix = checkMskMultiVpc(await layer.doctor.mskMultiVpc(US, arn, 'SASL_SCRAM')).find((h) => h.id === 'acls')?.fix;
    if (!fix) throw new Error('orders-events has no ACL fix to build');
    return buildFixPlan(fix, ctx);
  } },
  { name: 'Doctor fix, SASL/SCRAM secret: the usable AmazonMSK_ secret associated with a SCRAM cluster', build: async (layer, ctx) => {
    const arn = named(await layer.listMskClusters(US), 'orders-events').arn;
    const fix = checkMskMultiVpc(await layer.doctor.mskMultiVpc(US, arn, 'SASL_SCRAM')).find((h) => h.id === 'scramSecret')?.fix;
    const usable = mskSecretChoices(await layer.listMskSecrets(US)).find((c) => c.usable);
    if (fix?.kind !== 'mskScramSecret' || !usable) throw new Error('orders-events has no secret fix to build');
    return buildFixPlan({ ...fix, secretArn: usable.arn }, ctx);
  } },
  { name: 'Endpoint service, new on an NLB', build: async (layer, ctx) => {
    const nlb = named(await layer.listLoadBalancers(US), 'oracle-nlb');
    return buildEndpointServicePlan({ mode: 'new', networkLoadBalancerArns: [nlb.arn], acceptanceRequired: true, region: 'us-east-1' }, ctx);
  } },
  { name: 'Endpoint service, existing, add a ClickPipes region', build: async (layer, ctx) => {
    const nlb = named(await layer.listLoadBalancers(US), 'kafka-nlb');
    const svc = (await layer.listEndpointServices(US)).find((s) => s.networkLoadBalancerArns.includes(nlb.arn))!;
    return buildEndpointServicePlan({ mode: 'existing', serviceId: svc.id, supportedRegions: ['us-east-2'], region: 'us-east-1' }, ctx);
  } },
  { name: 'IAM DB auth, RDS instance with IAM auth off', build: (layer, ctx) => iamDbAuth(layer, ctx, 'billing-postgres') },
  { name: 'IAM DB auth, Aurora cluster with IAM auth off', build: (layer, ctx) => iamDbAuth(layer, ctx, 'catalog-aurora-mysql') },
  { name: 'IAM DB auth, RDS instance with IAM auth already on', build: (layer, ctx) => iamDbAuth(layer, ctx, 'inventory-mysql') },
  ...DOCTOR_FIX_CASES,
];

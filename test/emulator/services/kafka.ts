// Amazon MSK (restJson1): the operations behind multi-VPC private connectivity. Records are kept
// in the SDK's PascalCase Cluster shape; the wire uses camelCase jsonNames (every MSK jsonName is
// the member name with a lower-case first letter), so the handler converts at the edge.
import { ApiError, EmuRequest, World } from '../core/types';
import { createRestRouter, RouteContext } from '../core/restRouter';
import { paginate } from '../core/protocols';
import { createConfiguration, describeConfigurationRevision, listConfigurations, updateClusterConfiguration, updateConfiguration } from './kafkaConfigurations';
import { batchAssociateScramSecret } from './kafkaScram';

const CLUSTER_ARN = /^arn:aws[a-z-]*:kafka:([a-z0-9-]+):(\d{12}):cluster\/([a-zA-Z0-9-]+)\/([0-9a-f-]+)$/;
const VERSION_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Multi-VPC connectivity needs Apache Kafka 2.7.1 or later and is not offered on kafka.t3.small. */
const MIN_MULTI_VPC_KAFKA = [2, 7, 1];
const UNSUPPORTED_MULTI_VPC_INSTANCE = 'kafka.t3.small';
const MULTI_VPC_FIRST_PORT = 14001;
const BROKER_PORTS = { plaintext: 9092, tls: 9094, scram: 9096, iam: 9098 };

// Map-typed members whose keys are user data and must not be case-converted.
const MAP_MEMBERS = new Set(['Tags', 'tags']);

export function toWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWire);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k.charAt(0).toLowerCase() + k.slice(1)] = MAP_MEMBERS.has(k) ? v : toWire(v);
  }
  return out;
}

export function fromWire(value: unknown): any {
  if (Array.isArray(value)) return value.map(fromWire);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k.charAt(0).toUpperCase() + k.slice(1)] = MAP_MEMBERS.has(k) ? v : fromWire(v);
  return out;
}

const badRequest = (message: string, invalidParameter?: string) =>
  new ApiError('BadRequestException', message, 400, invalidParameter ? { invalidParameter } : {});
const notFound = (message: string) => new ApiError('NotFoundException', message, 404);

export const newClusterVersion = (world: World) => world.id('K', 13, VERSION_ALPHABET);

export function clusterOf(ctx: RouteContext): Record<string, any> {
  const arn = ctx.params.ClusterArn;
  const m = CLUSTER_ARN.exec(arn);
  if (!m) throw badRequest(`The cluster ARN ${arn} is not valid.`, 'clusterArn');
  const cluster = ctx.world.region(ctx.req.accountId, ctx.req.region).mskClusters.get(arn);
  if (!cluster || m[1] !== ctx.req.region || m[2] !== ctx.req.accountId) throw notFound(`The cluster ${arn} does not exist.`);
  return cluster;
}

function pageOf<T>(req: EmuRequest, scope: string, items: T[]): { page: T[]; nextToken?: string } {
  const raw = req.query.get('maxResults');
  let size = 100;
  if (raw !== null) {
    size = Number(raw);
    if (!Number.isInteger(size) || size < 1 || size > 100) throw badRequest('maxResults must be between 1 and 100.', 'maxResults');
  }
  return paginate(items, {
    scope: `kafka:${scope}:${req.accountId}:${req.region}`, pageSize: size, token: req.query.get('nextToken') ?? undefined,
    badToken: () => badRequest('The nextToken is not valid.', 'nextToken'),
  });
}

// ---- cluster facts ---------------------------------------------------------------------------------

function versionAtLeast(version: string, min: number[]): boolean {
  const parts = version.split('.').map((p) => parseInt(p, 10));
  for (let i = 0; i < min.length; i++) {
    const p = Number.isNaN(parts[i]) || parts[i] === undefined ? 0 : parts[i];
    if (p !== min[i]) return p > min[i];
  }
  return true;
}

/** Which client auth schemes the cluster has switched on. */
function enabledAuth(cluster: Record<string, any>): { iam: boolean; scram: boolean; tls: boolean; unauthenticated: boolean } {
  const ca = cluster.Provisioned?.ClientAuthentication ?? {};
  return {
    iam: !!ca.Sasl?.Iam?.Enabled,
    scram: !!ca.Sasl?.Scram?.Enabled,
    tls: !!ca.Tls?.Enabled,
    unauthenticated: !!ca.Unauthenticated?.Enabled,
  };
}

function vpcConnectivityAuth(cluster: Record<string, any>): { iam: boolean; scram: boolean; tls: boolean } {
  const auth = cluster.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication ?? {};
  return { iam: !!auth.Sasl?.Iam?.Enabled, scram: !!auth.Sasl?.Scram?.Enabled, tls: !!auth.Tls?.Enabled };
}

/** Broker host names derived from the ARN, stable across runs: b-N.<name>.<6 chars>.c2.kafka.<region>.amazonaws.com */
export function brokerHosts(cluster: Record<string, any>, region: string): string[] {
  const m = CLUSTER_ARN.exec(cluster.ClusterArn)!;
  const tag = m[4].replace(/-/g, '').slice(0, 6);
  const n = cluster.Provisioned?.NumberOfBrokerNodes ?? 3;
  return Array.from({ length: n }, (_, i) => `b-${i + 1}.${m[3].toLowerCase()}.${tag}.c2.kafka.${region}.amazonaws.com`);
}

// ---- operations ------------------------------------------------------------------------------------

function listClustersV2({ req, world }: RouteContext) {
  let clusters = [...world.region(req.accountId, req.region).mskClusters.values()];
  const name = req.query.get('clusterNameFilter');
  if (name) clusters = clusters.filter((c) => c.ClusterName.startsWith(name));
  const type = req.query.get('clusterTypeFilter');
  if (type !== null) {
    if (type !== 'PROVISIONED' && type !== 'SERVERLESS') throw badRequest('clusterTypeFilter must be PROVISIONED or SERVERLESS.', 'clusterTypeFilter');
    clusters = clusters.filter((c) => c.ClusterType === type);
  }
  const { page, nextToken } = pageOf(req, 'clusters', clusters);
  return toWire({ ClusterInfoList: page, NextToken: nextToken });
}

function describeClusterV2(ctx: RouteContext) {
  return toWire({ ClusterInfo: clusterOf(ctx) });
}

function getClusterPolicy(ctx: RouteContext) {
  const cluster = clusterOf(ctx);
  const policy = ctx.world.region(ctx.req.accountId, ctx.req.region).mskPolicies.get(cluster.ClusterArn);
  if (!policy) throw notFound(`The cluster ${cluster.ClusterArn} has no cluster policy.`);
  return toWire({ CurrentVersion: policy.currentVersion, Policy: policy.policy });
}

function putClusterPolicy(ctx: RouteContext) {
  const cluster = clusterOf(ctx);
  const input = fromWire(ctx.body);
  if (typeof input.Policy !== 'string' || input.Policy === '') throw badRequest('policy is required.', 'policy');
  let doc: any;
  try { doc = JSON.parse(input.Policy); } catch { throw badRequest('The policy is not valid JSON.', 'policy'); }
  if (!doc || typeof doc !== 'object' || !(Array.isArray(doc.Statement) || (doc.Statement && typeof doc.Statement === 'object'))) {
    throw badRequest('The policy must contain a Statement.', 'policy');
  }
  const policies = ctx.world.region(ctx.req.accountId, ctx.req.region).mskPolicies;
  const existing = policies.get(cluster.ClusterArn);
  if (existing && input.CurrentVersion !== existing.currentVersion) {
    throw badRequest(input.CurrentVersion === undefined
      ? 'The cluster already has a policy; pass its currentVersion to replace it.'
      : `The currentVersion ${input.CurrentVersion} does not match the policy's current version.`, 'currentVersion');
  }
  const currentVersion = newClusterVersion(ctx.world);
  policies.set(cluster.ClusterArn, { policy: input.Policy, currentVersion });
  return toWire({ CurrentVersion: currentVersion });
}

function deleteClusterPolicy(ctx: RouteContext) {
  const cluster = clusterOf(ctx);
  ctx.world.region(ctx.req.accountId, ctx.req.region).mskPolicies.delete(cluster.ClusterArn);
  return {};
}

function updateConnectivity(ctx: RouteContext) {
  const { world, req } = ctx;
  const cluster = clusterOf(ctx);
  const input = fromWire(ctx.body);
  if (!input.CurrentVersion) throw badRequest('currentVersion is required.', 'currentVersion');
  if (!input.ConnectivityInfo) throw badRequest('connectivityInfo is required.', 'connectivityInfo');
  if (cluster.ClusterType !== 'PROVISIONED') throw badRequest('Connectivity can only be updated on provisioned clusters.', 'clusterArn');
  if (cluster.State !== 'ACTIVE') throw badRequest(`The cluster is in ${cluster.State} state; it must be ACTIVE.`, 'clusterArn');
  if (input.CurrentVersion !== cluster.CurrentVersion) {
    throw badRequest(`The currentVersion ${input.CurrentVersion} does not match the cluster's current version.`, 'currentVersion');
  }
  const info = cluster.Provisioned.BrokerNodeGroupInfo;
  const wanted = input.ConnectivityInfo.VpcConnectivity?.ClientAuthentication;
  if (wanted) {
    const want = { iam: !!wanted.Sasl?.Iam?.Enabled, scram: !!wanted.Sasl?.Scram?.Enabled, tls: !!wanted.Tls?.Enabled };
    if (want.iam || want.scram || want.tls) {
      const kafkaVersion = cluster.Provisioned.CurrentBrokerSoftwareInfo?.KafkaVersion ?? '0';
      if (!versionAtLeast(kafkaVersion, MIN_MULTI_VPC_KAFKA)) {
        throw badRequest(`Multi-VPC private connectivity requires Apache Kafka 2.7.1 or later; the cluster runs ${kafkaVersion}.`, 'connectivityInfo');
      }
      if (info.InstanceType === UNSUPPORTED_MULTI_VPC_INSTANCE) {
        throw badRequest(`Multi-VPC private connectivity is not supported on ${UNSUPPORTED_MULTI_VPC_INSTANCE} brokers.`, 'connectivityInfo');
      }
    }
    const has = enabledAuth(cluster);
    for (const k of ['iam', 'scram', 'tls'] as const) {
      if (want[k] && !has[k]) throw badRequest(`The cluster does not have ${k.toUpperCase()} client authentication enabled, so multi-VPC connectivity cannot use it.`, 'connectivityInfo');
    }
    const current = vpcConnectivityAuth(cluster);
    const connections = world.region(req.accountId, req.region).mskVpcConnections.get(cluster.ClusterArn) ?? [];
    const authName = { iam: 'SASL_IAM', scram: 'SASL_SCRAM', tls: 'TLS' } as const;
    for (const k of ['iam', 'scram', 'tls'] as const) {
      if (current[k] && !want[k] && connections.some((c) => c.Authentication === authName[k] && c.State !== 'REJECTED' && c.State !== 'DELETING')) {
        throw badRequest(`Client VPC connections use ${authName[k]}; remove them before turning it off.`, 'connectivityInfo');
      }
    }
  }
  const operationArn = `arn:aws:kafka:${req.region}:${req.accountId}:cluster-operation/${cluster.ClusterName}/${CLUSTER_ARN.exec(cluster.ClusterArn)![4]}/${world.uuid()}`;
  // The operation goes PENDING → UPDATE_IN_PROGRESS → UPDATE_COMPLETE or UPDATE_FAILED; the
  // cluster reads UPDATING, then ACTIVE again either way: only DescribeClusterOperationV2 tells
  // the outcome.
  // States: the AWS Terraform provider's kafka waiter (internal/service/kafka/consts.go).
  // Test hook: a cluster tagged emulator:outcome=UPDATE_FAILED fails its connectivity update.
  const fails = cluster.Tags?.['emulator:outcome'] === 'UPDATE_FAILED';
  const operation: Record<string, any> = {
    ClusterArn: cluster.ClusterArn, ClusterType: 'PROVISIONED', OperationArn: operationArn, OperationType: 'UPDATE_CONNECTIVITY',
    OperationState: 'PENDING', StartTime: new Date(world.clock.now()).toISOString(),
  };
  world.region(req.accountId, req.region).mskOperations.set(operationArn, operation);
  cluster.State = 'UPDATING';
  cluster.ActiveOperationArn = operationArn;
  world.schedule(Math.floor(world.timings.update / 4), `cluster ${cluster.ClusterName} connectivity update started`, () => {
    if (operation.OperationState === 'PENDING') operation.OperationState = 'UPDATE_IN_PROGRESS';
  });
  world.schedule(world.timings.update, `cluster ${cluster.ClusterName} connectivity updated`, () => {
    cluster.State = 'ACTIVE';
    delete cluster.ActiveOperationArn;
    operation.EndTime = new Date(world.clock.now()).toISOString();
    if (fails) {
      operation.OperationState = 'UPDATE_FAILED';
      operation.ErrorInfo = { ErrorCode: '400', ErrorString: 'Connectivity update failed (emulator:outcome)' };
      return;
    }
    const connectivity = { ...(info.ConnectivityInfo ?? {}) };
    if (input.ConnectivityInfo.VpcConnectivity) connectivity.VpcConnectivity = input.ConnectivityInfo.VpcConnectivity;
    if (input.ConnectivityInfo.PublicAccess) connectivity.PublicAccess = input.ConnectivityInfo.PublicAccess;
    info.ConnectivityInfo = connectivity;
    cluster.CurrentVersion = newClusterVersion(world);
    operation.OperationState = 'UPDATE_COMPLETE';
  });
  return toWire({ ClusterArn: cluster.ClusterArn, ClusterOperationArn: operationArn });
}

function describeClusterOperationV2(ctx: RouteContext) {
  const arn = ctx.params.clusterOperationArn;
  const operation = ctx.world.region(ctx.req.accountId, ctx.req.region).mskOperations.get(arn);
  if (!operation) throw new ApiError('NotFoundException', `Cluster operation ${arn} not found.`, 404);
  return toWire({ ClusterOperationInfo: operation });
}

function getBootstrapBrokers(ctx: RouteContext) {
  const cluster = clusterOf(ctx);
  if (cluster.State === 'CREATING') throw badRequest('The cluster is still being created.', 'clusterArn');
  if (cluster.ClusterType === 'SERVERLESS') {
    return toWire({ BootstrapBrokerStringSaslIam: `boot-${cluster.ClusterName}.c2.kafka-serverless.${ctx.req.region}.amazonaws.com:9098` });
  }
  const hosts = brokerHosts(cluster, ctx.req.region);
  const list = (port: number) => hosts.map((h) => `${h}:${port}`).join(',');
  const auth = enabledAuth(cluster);
  const clientBroker = cluster.Provisioned.EncryptionInfo?.EncryptionInTransit?.ClientBroker ?? 'TLS';
  const out: Record<string, string> = {};
  if (auth.unauthenticated && clientBroker !== 'TLS') out.BootstrapBrokerString = list(BROKER_PORTS.plaintext);
  if ((auth.tls || auth.unauthenticated) && clientBroker !== 'PLAINTEXT') out.BootstrapBrokerStringTls = list(BROKER_PORTS.tls);
  if (auth.scram) out.BootstrapBrokerStringSaslScram = list(BROKER_PORTS.scram);
  if (auth.iam) out.BootstrapBrokerStringSaslIam = list(BROKER_PORTS.iam);
  const vpc = vpcConnectivityAuth(cluster);
  const multi = hosts.map((h, i) => `${h}:${MULTI_VPC_FIRST_PORT + i}`).join(',');
  if (vpc.tls) out.BootstrapBrokerStringVpcConnectivityTls = multi;
  if (vpc.scram) out.BootstrapBrokerStringVpcConnectivitySaslScram = multi;
  if (vpc.iam) out.BootstrapBrokerStringVpcConnectivitySaslIam = multi;
  return toWire(out);
}

function listClientVpcConnections(ctx: RouteContext) {
  const cluster = clusterOf(ctx);
  const all = ctx.world.region(ctx.req.accountId, ctx.req.region).mskVpcConnections.get(cluster.ClusterArn) ?? [];
  const { page, nextToken } = pageOf(ctx.req, `vpcConnections:${cluster.ClusterArn}`, all);
  return toWire({ ClientVpcConnections: page, NextToken: nextToken });
}

function listScramSecrets(ctx: RouteContext) {
  const cluster = clusterOf(ctx);
  const all = ctx.world.region(ctx.req.accountId, ctx.req.region).mskScramSecrets.get(cluster.ClusterArn) ?? [];
  const { page, nextToken } = pageOf(ctx.req, `scramSecrets:${cluster.ClusterArn}`, all);
  return toWire({ SecretArnList: page, NextToken: nextToken });
}

export const router = createRestRouter([
  { method: 'GET', pattern: '/v1/clusters/{ClusterArn}/scram-secrets', operation: 'ListScramSecrets', handle: listScramSecrets },
  { method: 'POST', pattern: '/v1/clusters/{ClusterArn}/scram-secrets', operation: 'BatchAssociateScramSecret', handle: batchAssociateScramSecret },
  { method: 'GET', pattern: '/v1/configurations/{Arn}/revisions/{Revision}', operation: 'DescribeConfigurationRevision', handle: describeConfigurationRevision },
  { method: 'POST', pattern: '/v1/configurations', operation: 'CreateConfiguration', handle: createConfiguration },
  { method: 'GET', pattern: '/v1/configurations', operation: 'ListConfigurations', handle: listConfigurations },
  { method: 'PUT', pattern: '/v1/configurations/{Arn}', operation: 'UpdateConfiguration', handle: updateConfiguration },
  { method: 'PUT', pattern: '/v1/clusters/{ClusterArn}/configuration', operation: 'UpdateClusterConfiguration', handle: updateClusterConfiguration },
  { method: 'GET', pattern: '/api/v2/clusters', operation: 'ListClustersV2', handle: listClustersV2 },
  { method: 'GET', pattern: '/api/v2/clusters/{ClusterArn}', operation: 'DescribeClusterV2', handle: describeClusterV2 },
  { method: 'GET', pattern: '/v1/clusters/{ClusterArn}/policy', operation: 'GetClusterPolicy', handle: getClusterPolicy },
  { method: 'PUT', pattern: '/v1/clusters/{ClusterArn}/policy', operation: 'PutClusterPolicy', handle: putClusterPolicy },
  { method: 'DELETE', pattern: '/v1/clusters/{ClusterArn}/policy', operation: 'DeleteClusterPolicy', handle: deleteClusterPolicy },
  { method: 'PUT', pattern: '/v1/clusters/{ClusterArn}/connectivity', operation: 'UpdateConnectivity', handle: updateConnectivity },
  { method: 'GET', pattern: '/api/v2/operations/{clusterOperationArn}', operation: 'DescribeClusterOperationV2', handle: describeClusterOperationV2 },
  { method: 'GET', pattern: '/v1/clusters/{ClusterArn}/bootstrap-brokers', operation: 'GetBootstrapBrokers', handle: getBootstrapBrokers },
  { method: 'GET', pattern: '/v1/clusters/{ClusterArn}/client-vpc-connections', operation: 'ListClientVpcConnections', handle: listClientVpcConnections },
], (method, path) => new ApiError('NotFoundException', `No MSK operation for ${method} ${path}`, 404));

export const handler = router.handle;

/** Shared by the scenarios: a provisioned cluster record in the SDK's Cluster shape. */
export function provisionedCluster(world: World, o: {
  account: string; region: string; name: string; kafkaVersion: string; instanceType: string; brokers?: number;
  iam?: boolean; scram?: boolean; tls?: boolean; unauthenticated?: boolean; subnets: string[]; securityGroups: string[];
  multiVpc?: { iam?: boolean; scram?: boolean; tls?: boolean }; state?: string; createdAt?: string; tags?: Record<string, string>;
}): Record<string, any> {
  const uuid = `${world.uuid()}-${world.id('', 1, '123456789')}`;
  const arn = `arn:aws:kafka:${o.region}:${o.account}:cluster/${o.name}/${uuid}`;
  const sasl: Record<string, any> = { Scram: { Enabled: !!o.scram }, Iam: { Enabled: !!o.iam } };
  const vpcAuth = o.multiVpc ? {
    Sasl: { Scram: { Enabled: !!o.multiVpc.scram }, Iam: { Enabled: !!o.multiVpc.iam } }, Tls: { Enabled: !!o.multiVpc.tls },
  } : undefined;
  return {
    ClusterArn: arn, ClusterName: o.name, ClusterType: 'PROVISIONED', State: o.state ?? 'ACTIVE',
    CurrentVersion: newClusterVersion(world), CreationTime: o.createdAt ?? new Date(world.clock.now()).toISOString(), Tags: o.tags ?? {},
    Provisioned: {
      BrokerNodeGroupInfo: {
        InstanceType: o.instanceType, ClientSubnets: o.subnets, SecurityGroups: o.securityGroups, BrokerAZDistribution: 'DEFAULT',
        ConnectivityInfo: { PublicAccess: { Type: 'DISABLED' }, ...(vpcAuth ? { VpcConnectivity: { ClientAuthentication: vpcAuth } } : {}) },
        StorageInfo: { EbsStorageInfo: { VolumeSize: 100 } },
      },
      NumberOfBrokerNodes: o.brokers ?? 3,
      CurrentBrokerSoftwareInfo: { KafkaVersion: o.kafkaVersion },
      ClientAuthentication: {
        Sasl: sasl, Tls: { Enabled: !!o.tls, CertificateAuthorityArnList: [] }, Unauthenticated: { Enabled: !!o.unauthenticated },
      },
      EncryptionInfo: { EncryptionInTransit: { ClientBroker: o.unauthenticated && !o.tls && !o.iam && !o.scram ? 'TLS_PLAINTEXT' : 'TLS', InCluster: true } },
      EnhancedMonitoring: 'DEFAULT',
    },
  };
}

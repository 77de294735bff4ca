// ClickHouse Cloud OpenAPI stand-in: organizations → services → ClickPipes reverse private
// endpoints (RPEs). HTTP Basic auth with an API key id/secret, the `{status, requestId, result}`
// envelope, per-type body validation, and status changes on the emulator clock. An RPE reaches
// into the same world's AWS records the way ClickPipes would: a VPC_ENDPOINT_SERVICE endpoint
// opens a connection on the endpoint service (owner = ClickPipes account) and turns Ready only
// once that connection is Available, so "accept on the AWS side" is testable end to end.
import { ApiError, EmuRequest, EmuResponse, ServiceHandler, World } from '../core/types';
import { createRestRouter, RouteContext } from '../core/restRouter';
import { jsonResponse, newRequestId } from '../core/protocols';
import { validateCreateBody } from '../../../src/model/clickhouse';
import { clickPipesRegionsFor } from '../../../src/model/clickpipesRegions';

export const CLICKPIPES_ACCOUNT_ID = '072088201116';
const CLICKPIPES_PRINCIPAL = `arn:aws:iam::${CLICKPIPES_ACCOUNT_ID}:root`;
const HEX = '0123456789abcdef';

// ---- demo seed ------------------------------------------------------------------------------------
// Fixed ids (not world.uuid()) so seeding ClickHouse never shifts the seeded AWS id sequence.
export const DEMO_CH_KEY_ID = 'demo-key-id';
export const DEMO_CH_KEY_SECRET = 'demo-key-secret';
export const DEMO_CH_ORG_ID = '7c1c4a7e-5f3b-4d39-9a57-0b8c3f1e2d01';
export const DEMO_CH_SERVICE_US = '1f9a0c3e-8b6d-4e2a-9c11-6a0d5e7b3c02';
export const DEMO_CH_SERVICE_EU = '5d2e8f41-3a7c-4b90-8e66-2f1c9d0a4b03';

export const DEMO_CH_RPE_READY = '9b7e1c2a-4d5f-4a6b-8c7d-0e1f2a3b4c05';
export const DEMO_CH_RPE_PENDING = '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c06';

/**
 * Seed an organization with two AWS services and the demo API key (idempotent). With `endpoints`
 * (the default, for the demo) also a Ready VPC resource endpoint in us-east-1 and an endpoint
 * waiting for acceptance in eu-central-1; tests that create their own pass `{ endpoints: false }`.
 */
export function seedClickhouse(world: World, options: { endpoints?: boolean } = {}): void {
  const ch = world.clickhouse;
  ch.apiKeys.set(DEMO_CH_KEY_ID, { secret: DEMO_CH_KEY_SECRET, organizationIds: [DEMO_CH_ORG_ID] });
  if (!ch.organizations.has(DEMO_CH_ORG_ID)) {
    ch.organizations.set(DEMO_CH_ORG_ID, { id: DEMO_CH_ORG_ID, name: 'Demo organization', createdAt: '2026-01-15T09:00:00Z', privateEndpoints: [] });
  }
  const service = (id: string, name: string, region: string) => ({
    id, name, organizationId: DEMO_CH_ORG_ID, provider: 'aws', region, state: 'running', tier: 'production',
    createdAt: '2026-01-15T09:05:00Z', iamRole: `arn:aws:iam::${CLICKPIPES_ACCOUNT_ID}:role/CH-S3-${name}-Role`,
    endpoints: [{ protocol: 'nativesecure', host: `${id.slice(0, 10)}.${region}.aws.clickhouse.cloud`, port: 9440 }],
  });
  if (!ch.services.has(DEMO_CH_SERVICE_US)) ch.services.set(DEMO_CH_SERVICE_US, service(DEMO_CH_SERVICE_US, 'orders-analytics', 'us-east-1'));
  if (!ch.services.has(DEMO_CH_SERVICE_EU)) ch.services.set(DEMO_CH_SERVICE_EU, service(DEMO_CH_SERVICE_EU, 'events-eu', 'eu-central-1'));
  if (options.endpoints === false) return;
  if (!ch.reversePrivateEndpoints.has(DEMO_CH_RPE_READY)) {
    ch.reversePrivateEndpoints.set(DEMO_CH_RPE_READY, {
      id: DEMO_CH_RPE_READY, serviceId: DEMO_CH_SERVICE_US, description: 'orders-db (RDS PostgreSQL)', type: 'VPC_RESOURCE',
      status: 'Ready', endpointId: 'vpce-0a1b2c3d4e5f60718',
      dnsNames: ['vpce-0a1b2c3d4e5f60718-snra6ykb.rcfg-07c2e1f4a9b3d5e60.4k8p.vpc-lattice-rsc.us-east-1.on.aws'],
      privateDnsNames: [], privateDnsMappings: [], dnsTargets: [],
      vpcResourceConfigurationId: 'rcfg-07c2e1f4a9b3d5e60',
      vpcResourceShareArn: 'arn:aws:ram:us-east-1:123456789012:resource-share/0f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a009',
    });
  }
  if (!ch.reversePrivateEndpoints.has(DEMO_CH_RPE_PENDING)) {
    ch.reversePrivateEndpoints.set(DEMO_CH_RPE_PENDING, {
      id: DEMO_CH_RPE_PENDING, serviceId: DEMO_CH_SERVICE_EU, description: 'inventory-mysql (NLB endpoint service)', type: 'VPC_ENDPOINT_SERVICE',
      status: 'PendingAcceptance', endpointId: 'vpce-0f1e2d3c4b5a69788',
      dnsNames: ['vpce-0f1e2d3c4b5a69788-1x2y3z4w.vpce-svc-0a9b8c7d6e5f40312.eu-central-1.vpce.amazonaws.com'],
      privateDnsNames: [], privateDnsMappings: [], dnsTargets: [],
      vpcEndpointServiceName: 'com.amazonaws.vpce.eu-central-1.vpce-svc-0a9b8c7d6e5f40312',
    });
  }
}

// ---- envelope and auth -------------------------------------------------------------------------------

function ok(result: unknown): EmuResponse {
  const requestId = newRequestId();
  return jsonResponse(200, { status: 200, requestId, result }, requestId);
}

const notFound = (what: string) => new ApiError('NotFound', `${what} not found`, 404);

/** Returns the organization ids the key may use; throws the 401 envelope for anything else. */
function authenticate(req: EmuRequest, world: World): string[] {
  const header = req.headers.authorization ?? '';
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (m) {
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const key = colon > 0 ? world.clickhouse.apiKeys.get(decoded.slice(0, colon)) : undefined;
    if (key && key.secret === decoded.slice(colon + 1)) return key.organizationIds;
  }
  // Never echo what was sent: the message must not carry the key.
  throw new ApiError('Unauthorized', 'Unauthorized: invalid API key id or secret', 401);
}

// ---- records ---------------------------------------------------------------------------------------------

type Rpe = Record<string, any>;

/** Internal bookkeeping lives on `_`-prefixed fields; the wire never shows them. */
function publicRpe(rpe: Rpe): Rpe {
  return Object.fromEntries(Object.entries(rpe).filter(([k]) => !k.startsWith('_')));
}

function liveRpes(world: World): Rpe[] {
  return [...world.clickhouse.reversePrivateEndpoints.values()].filter((r) => !r._gone);
}

function findAws<T>(world: World, pick: (region: ReturnType<World['region']>, regionName: string, account: string) => T | undefined):
  { value: T; region: string; account: string } | undefined {
  for (const [account, acct] of world.accounts) {
    for (const [regionName, region] of acct.regions) {
      const value = pick(region, regionName, account);
      if (value !== undefined) return { value, region: regionName, account };
    }
  }
  return undefined;
}

// ---- provisioning: what ClickPipes does in AWS, and why it might fail ---------------------------------

function fail(rpe: Rpe, reason: string): void {
  rpe.status = 'Failed';
  rpe._failureReason = reason;
}

function provisionVpcResource(world: World, rpe: Rpe, clickPipesRegion: string): void {
  const cfg = findAws(world, (r) => [...r.resourceConfigurations.values()].find((c) => c.id === rpe.vpcResourceConfigurationId));
  if (!cfg) return fail(rpe, `resource configuration ${rpe.vpcResourceConfigurationId} not found`);
  if (cfg.region !== clickPipesRegion) return fail(rpe, `resource configuration is in ${cfg.region}, ClickPipes for the service runs in ${clickPipesRegion}`);
  const share = findAws(world, (r) => r.resourceShares.get(rpe.vpcResourceShareArn));
  if (!share) return fail(rpe, `resource share ${rpe.vpcResourceShareArn} not found`);
  rpe.endpointId = world.id('vpce-', 17, HEX);
  rpe.dnsNames = [`${rpe.endpointId}-${world.id('', 8)}.${rpe.vpcResourceConfigurationId}.${world.id('', 4)}.vpc-lattice-rsc.${clickPipesRegion}.on.aws`];
  rpe.privateDnsNames = cfg.value.resourceConfigurationDefinition?.dnsResource?.domainName
    ? [cfg.value.resourceConfigurationDefinition.dnsResource.domainName] : [];
  rpe.status = 'Ready';
}

function mskMultiVpcAuthEnabled(cluster: Record<string, any>, auth: string): boolean | undefined {
  const sasl = cluster.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication?.Sasl;
  if (!sasl) return undefined; // shape not modelled by the cluster record: do not judge
  return auth === 'SASL_IAM' ? sasl.Iam?.Enabled === true : sasl.Scram?.Enabled === true;
}

function provisionMsk(world: World, rpe: Rpe, clickPipesRegion: string): void {
  const found = findAws(world, (r) => r.mskClusters.get(rpe.mskClusterArn));
  if (!found) return fail(rpe, `MSK cluster ${rpe.mskClusterArn} not found`);
  if (found.region !== clickPipesRegion) return fail(rpe, `MSK cluster is in ${found.region}, ClickPipes for the service runs in ${clickPipesRegion}`);
  const cluster = found.value;
  if (mskMultiVpcAuthEnabled(cluster, rpe.mskAuthentication) === false) {
    return fail(rpe, `multi-VPC connectivity is not enabled for ${rpe.mskAuthentication}`);
  }
  const policy = world.region(found.account, found.region).mskPolicies.get(rpe.mskClusterArn)?.policy ?? '';
  if (!policy.includes(CLICKPIPES_ACCOUNT_ID)) return fail(rpe, 'the cluster policy does not allow the ClickPipes account');
  const name = String(cluster.ClusterName ?? rpe.mskClusterArn.split('/')[1]);
  const brokers = Number(cluster.Provisioned?.NumberOfBrokerNodes ?? 3);
  const suffix = world.id('', 6);
  rpe.endpointId = world.id('vpce-', 17, HEX);
  rpe.dnsNames = Array.from({ length: brokers }, (_, i) => `b-${i + 1}.${name}.${suffix}.c2.kafka.${clickPipesRegion}.amazonaws.com`);
  rpe.privateDnsNames = [];
  const conns = world.region(found.account, found.region).mskVpcConnections;
  const list = conns.get(rpe.mskClusterArn) ?? [];
  rpe._mskVpcConnectionArn = `arn:aws:kafka:${clickPipesRegion}:${CLICKPIPES_ACCOUNT_ID}:vpc-connection/${CLICKPIPES_ACCOUNT_ID}/${name}/${world.uuid()}`;
  list.push({
    VpcConnectionArn: rpe._mskVpcConnectionArn, Owner: CLICKPIPES_ACCOUNT_ID, Authentication: rpe.mskAuthentication,
    CreationTime: new Date(world.clock.now()).toISOString(), State: 'AVAILABLE',
  });
  conns.set(rpe.mskClusterArn, list);
  rpe.status = 'Ready';
}

function provisionEndpointService(world: World, rpe: Rpe, clickPipesRegion: string): void {
  const found = findAws(world, (r) => [...r.endpointServices.values()].find((s) => s.ServiceName === rpe.vpcEndpointServiceName));
  if (!found) return fail(rpe, `endpoint service ${rpe.vpcEndpointServiceName} not found`);
  const svc = found.value;
  const region = world.region(found.account, found.region);
  const allowed = region.servicePermissions.get(svc.ServiceId) ?? [];
  if (!allowed.includes(CLICKPIPES_PRINCIPAL) && !allowed.includes('*')) {
    return fail(rpe, `the endpoint service does not allow ${CLICKPIPES_PRINCIPAL}`);
  }
  if (found.region !== clickPipesRegion) {
    const supported = (svc.SupportedRegions ?? []).map((r: Record<string, any>) => r.Region);
    if (!supported.includes(clickPipesRegion)) return fail(rpe, `the endpoint service does not support ${clickPipesRegion}`);
  }
  rpe.endpointId = world.id('vpce-', 17, HEX);
  const hash = world.id('', 8);
  rpe.dnsNames = [
    `${rpe.endpointId}-${hash}.${svc.ServiceId}.${clickPipesRegion}.vpce.amazonaws.com`,
    `${rpe.endpointId}-${hash}-${clickPipesRegion}a.${svc.ServiceId}.${clickPipesRegion}.vpce.amazonaws.com`,
  ];
  rpe.privateDnsNames = svc.PrivateDnsName ? [svc.PrivateDnsName] : [];
  const pending = svc.AcceptanceRequired === true;
  // EC2 VpcEndpointConnection shape, as DescribeVpcEndpointConnections returns it.
  region.endpointConnections.set(rpe.endpointId, {
    ServiceId: svc.ServiceId,
    VpcEndpointId: rpe.endpointId,
    VpcEndpointOwner: CLICKPIPES_ACCOUNT_ID,
    VpcEndpointState: pending ? 'PendingAcceptance' : 'Available',
    CreationTimestamp: new Date(world.clock.now()).toISOString(),
    DnsEntries: rpe.dnsNames.map((DnsName: string) => ({ DnsName, HostedZoneId: 'Z7HUB22UULQXV' })),
    NetworkLoadBalancerArns: svc.NetworkLoadBalancerArns ?? [],
    IpAddressType: 'ipv4',
    VpcEndpointConnectionId: world.id('vpce-con-', 17, HEX),
    VpcEndpointRegion: clickPipesRegion,
  });
  rpe._connection = { account: found.account, region: found.region };
  rpe.status = pending ? 'PendingAcceptance' : 'Ready';
}

/** A PendingAcceptance RPE follows its endpoint connection: accepted → Ready, rejected → Rejected. */
function followConnections(world: World): void {
  for (const rpe of liveRpes(world)) {
    if (rpe.status !== 'PendingAcceptance' || !rpe._connection) continue;
    const conn = world.region(rpe._connection.account, rpe._connection.region).endpointConnections.get(rpe.endpointId);
    // EC2 reports these states in either case (pendingAcceptance / PendingAcceptance).
    const state = String(conn?.VpcEndpointState ?? '').toLowerCase();
    if (state === 'available') rpe.status = 'Ready';
    else if (state === 'rejected') rpe.status = 'Rejected';
    else if (state === 'expired') rpe.status = 'Expired';
    else if (!conn || state === 'deleted' || state === 'failed') fail(rpe, 'the endpoint connection is gone');
  }
}

function releaseAws(world: World, rpe: Rpe): void {
  if (rpe._connection) world.region(rpe._connection.account, rpe._connection.region).endpointConnections.delete(rpe.endpointId);
  if (rpe._mskVpcConnectionArn) {
    const found = findAws(world, (r) => r.mskVpcConnections.get(rpe.mskClusterArn));
    if (found) {
      const list = found.value.filter((c) => c.VpcConnectionArn !== rpe._mskVpcConnectionArn);
      world.region(found.account, found.region).mskVpcConnections.set(rpe.mskClusterArn, list);
    }
  }
}

// ---- routes ------------------------------------------------------------------------------------------------

function organization(ctx: RouteContext, orgIds: string[]): Record<string, any> {
  const org = world(ctx).clickhouse.organizations.get(ctx.params.org);
  if (!org) throw notFound(`Organization ${ctx.params.org}`);
  if (!orgIds.includes(org.id)) throw new ApiError('Forbidden', 'The API key has no access to this organization', 403);
  return org;
}

function service(ctx: RouteContext, orgIds: string[]): Record<string, any> {
  organization(ctx, orgIds);
  const svc = world(ctx).clickhouse.services.get(ctx.params.service);
  if (!svc || svc.organizationId !== ctx.params.org) throw notFound(`Service ${ctx.params.service}`);
  return svc;
}

function rpeOf(ctx: RouteContext, orgIds: string[]): Rpe {
  service(ctx, orgIds);
  const rpe = world(ctx).clickhouse.reversePrivateEndpoints.get(ctx.params.id);
  if (!rpe || rpe._gone || rpe.serviceId !== ctx.params.service) throw notFound(`Reverse private endpoint ${ctx.params.id}`);
  return rpe;
}

const world = (ctx: RouteContext) => ctx.world;
const publicService = (svc: Record<string, any>) => publicRpe(svc);

const CREATE_FIELDS: Record<string, string[]> = {
  VPC_RESOURCE: ['vpcResourceConfigurationId', 'vpcResourceShareArn'],
  MSK_MULTI_VPC: ['mskClusterArn', 'mskAuthentication'],
  VPC_ENDPOINT_SERVICE: ['vpcEndpointServiceName'],
};

function create(ctx: RouteContext, orgIds: string[]): EmuResponse {
  const svc = service(ctx, orgIds);
  const body = ctx.body;
  const errors = validateCreateBody(body);
  if (Object.keys(errors).length) {
    throw new ApiError('BadRequest', `Invalid request body: ${Object.entries(errors).map(([f, m]) => `${f}: ${m}`).join('; ')}`, 400);
  }
  const w = world(ctx);
  const all = [...w.clickhouse.reversePrivateEndpoints.values()];
  if (body.type === 'VPC_RESOURCE' && all.some((r) => r.vpcResourceShareArn === body.vpcResourceShareArn)) {
    // A RAM share serves one RPE only and is not reusable, even after that RPE is deleted.
    throw new ApiError('BadRequest', 'This resource share has already been used by a reverse private endpoint; create a new share', 400);
  }
  if (body.type === 'MSK_MULTI_VPC' && all.some((r) => !r._gone && r.mskClusterArn === body.mskClusterArn && r.mskAuthentication === body.mskAuthentication)) {
    throw new ApiError('BadRequest', `A reverse private endpoint already uses this MSK cluster with ${body.mskAuthentication}`, 400);
  }
  const rpe: Rpe = {
    id: w.uuid(), serviceId: svc.id, description: body.description, type: body.type,
    endpointId: '', dnsNames: [], privateDnsNames: [], privateDnsMappings: [], dnsTargets: [], status: 'Provisioning',
  };
  for (const f of CREATE_FIELDS[body.type]) rpe[f] = body[f];
  w.clickhouse.reversePrivateEndpoints.set(rpe.id, rpe);
  // ClickPipes builds the endpoint in the ClickPipes region that serves the service, which is not
  // always the service's region (ClickHouse "ClickPipes static IPs" page; aws-privatelink.md,
  // "Limitations": endpoints are not guaranteed to be in the service's region).
  const clickPipesRegion = clickPipesRegionsFor(svc.region, svc.createdAt)[0];
  w.schedule(w.timings.create, `clickhouse: RPE ${rpe.id} provisioned`, () => {
    if (rpe._gone || rpe.status !== 'Provisioning') return;
    if (rpe.type === 'VPC_RESOURCE') provisionVpcResource(w, rpe, clickPipesRegion);
    else if (rpe.type === 'MSK_MULTI_VPC') provisionMsk(w, rpe, clickPipesRegion);
    else provisionEndpointService(w, rpe, clickPipesRegion);
  });
  return ok(publicRpe(rpe));
}

function remove(ctx: RouteContext, orgIds: string[]): EmuResponse {
  const rpe = rpeOf(ctx, orgIds);
  const w = world(ctx);
  if (rpe.status !== 'Deleting') {
    rpe.status = 'Deleting';
    w.schedule(w.timings.delete, `clickhouse: RPE ${rpe.id} deleted`, () => {
      releaseAws(w, rpe);
      // A tombstone remembers the used RAM share; everything else about it is gone.
      rpe._gone = true;
    });
  }
  return ok(publicRpe(rpe));
}

type Authed = (ctx: RouteContext, orgIds: string[]) => EmuResponse;
// Set by the handler just before the (synchronous) router runs, so no request sees another's keys.
let currentOrgIds: string[] = [];
const authed = (fn: Authed) => (ctx: RouteContext) => fn(ctx, currentOrgIds);

const BASE = '/v1/organizations/{org}/services/{service}/clickpipesReversePrivateEndpoints';
export const clickhouseRouter = createRestRouter([
  { method: 'GET', pattern: '/v1/organizations', operation: 'ListOrganizations',
    handle: authed((ctx, ids) => ok(ids.map((id) => ctx.world.clickhouse.organizations.get(id)).filter(Boolean))) },
  { method: 'GET', pattern: '/v1/organizations/{org}', operation: 'GetOrganization', handle: authed((ctx, ids) => ok(organization(ctx, ids))) },
  { method: 'GET', pattern: '/v1/organizations/{org}/services', operation: 'ListServices',
    handle: authed((ctx, ids) => {
      organization(ctx, ids);
      return ok([...ctx.world.clickhouse.services.values()].filter((s) => s.organizationId === ctx.params.org).map(publicService));
    }) },
  { method: 'GET', pattern: '/v1/organizations/{org}/services/{service}', operation: 'GetService', handle: authed((ctx, ids) => ok(publicService(service(ctx, ids)))) },
  { method: 'GET', pattern: BASE, operation: 'ListReversePrivateEndpoints',
    handle: authed((ctx, ids) => {
      service(ctx, ids);
      return ok(liveRpes(ctx.world).filter((r) => r.serviceId === ctx.params.service).map(publicRpe));
    }) },
  { method: 'POST', pattern: BASE, operation: 'CreateReversePrivateEndpoint', handle: authed(create) },
  { method: 'GET', pattern: `${BASE}/{id}`, operation: 'GetReversePrivateEndpoint', handle: authed((ctx, ids) => ok(publicRpe(rpeOf(ctx, ids)))) },
  { method: 'DELETE', pattern: `${BASE}/{id}`, operation: 'DeleteReversePrivateEndpoint', handle: authed(remove) },
], (method, path) => new ApiError('NotFound', `No route for ${method} ${path}`, 404));

export const clickhouseHandler: ServiceHandler = (req, w) => {
  // Auth first: a wrong key gets 401 even for a path that does not exist.
  currentOrgIds = authenticate(req, w);
  followConnections(w);
  return clickhouseRouter.handle(req, w);
};

// VPC Lattice (restJson1): resource gateways, resource configurations and the listing of
// resource endpoint associations. Records are kept in the Get* response shape (camelCase,
// ISO-8601 timestamps); list and mutation responses are projections of them.
import { ApiError, EmuRequest, RegionState, World } from '../core/types';
import { createRestRouter, RouteContext } from '../core/restRouter';
import { jsonResponse, newRequestId, paginate } from '../core/protocols';
import { withClientToken } from '../core/idempotency';
import { FieldValidator, validationError } from '../core/validation';

// ---- formats (API reference patterns) ------------------------------------------------------------

const GATEWAY_NAME = /^(?!rgw-)(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+$/;
const CONFIG_NAME = /^(?!rcfg-)(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+$/;
const GATEWAY_IDENTIFIER = /^((rgw-[0-9a-z]{17})|(arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:resourcegateway\/rgw-[0-9a-z]{17}))$/;
const CONFIG_IDENTIFIER = /^((rcfg-[0-9a-z]{17})|(arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:resourceconfiguration\/rcfg-[0-9a-z]{17}))$/;
const VPC_ID = /^vpc-(([0-9a-z]{8})|([0-9a-z]{17}))$/;
const SG_ID = /^sg-(([0-9a-z]{8})|([0-9a-z]{17}))$/;
const PORT_RANGE = /^((\d{1,5}-\d{1,5})|(\d+))$/;
const CLIENT_TOKEN = /^[!-~]+$/;
const RDS_ARN = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):(cluster|db):([a-zA-Z0-9-]+)$/;

const STATUSES = ['ACTIVE', 'CREATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED'] as const;
const CONFIG_TYPES = ['SINGLE', 'GROUP', 'CHILD', 'ARN', 'CIDR'] as const;

/** Tag that makes a new gateway or configuration settle in CREATE_FAILED (for tests and scenarios). */
export const FAIL_TAG = 'emulator:outcome';

export const gatewayArn = (region: string, account: string, id: string) => `arn:aws:vpc-lattice:${region}:${account}:resourcegateway/${id}`;
export const configurationArn = (region: string, account: string, id: string) => `arn:aws:vpc-lattice:${region}:${account}:resourceconfiguration/${id}`;

const nowIso = (world: World) => new Date(world.clock.now()).toISOString();

function pick(record: Record<string, any>, keys: string[]): Record<string, any> {
  const out: Record<string, any> = {};
  for (const k of keys) if (record[k] !== undefined) out[k] = record[k];
  return out;
}

const GATEWAY_GET = ['name', 'id', 'arn', 'status', 'vpcId', 'subnetIds', 'securityGroupIds', 'ipAddressType', 'ipv4AddressesPerEni',
  'resourceConfigDnsResolution', 'serviceManaged', 'managedBy', 'createdAt', 'lastUpdatedAt'];
const CONFIG_CREATE = ['id', 'name', 'arn', 'resourceGatewayId', 'resourceConfigurationGroupId', 'type', 'portRanges', 'protocol', 'status',
  'resourceConfigurationDefinition', 'allowAssociationToShareableServiceNetwork', 'createdAt', 'failureReason', 'customDomainName',
  'domainVerificationId', 'domainVerificationArn', 'groupDomain'];
const CONFIG_GET = [...CONFIG_CREATE, 'amazonManaged', 'lastUpdatedAt', 'domainVerificationStatus'];

function gatewaySummary(g: Record<string, any>): Record<string, any> {
  const { vpcId, ...rest } = pick(g, GATEWAY_GET.filter((k) => k !== 'serviceManaged' && k !== 'managedBy'));
  return { ...rest, vpcIdentifier: vpcId };
}

// ---- lookups -----------------------------------------------------------------------------------

function notFound(kind: 'RESOURCE_GATEWAY' | 'RESOURCE_CONFIGURATION', id: string): ApiError {
  const noun = kind === 'RESOURCE_GATEWAY' ? 'Resource gateway' : 'Resource configuration';
  return new ApiError('ResourceNotFoundException', `${noun} not found: ${id}`, 404, { resourceId: id, resourceType: kind });
}

function conflict(kind: 'RESOURCE_GATEWAY' | 'RESOURCE_CONFIGURATION', id: string, message: string): ApiError {
  return new ApiError('ConflictException', message, 409, { resourceId: id, resourceType: kind });
}

/** Resolve an id-or-ARN identifier to a record in the caller's account and region. */
function findByIdentifier(req: EmuRequest, map: Map<string, Record<string, any>>, identifier: string,
  field: string, pattern: RegExp, kind: 'RESOURCE_GATEWAY' | 'RESOURCE_CONFIGURATION'): Record<string, any> {
  if (!pattern.test(identifier)) {
    throw validationError(field, `Value '${identifier}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern.source}`);
  }
  let id = identifier;
  if (identifier.startsWith('arn:')) {
    const [, , , region, account, resource] = identifier.split(':');
    if (region !== req.region || account !== req.accountId) throw notFound(kind, identifier);
    id = resource.split('/')[1];
  }
  const record = map.get(id);
  if (!record) throw notFound(kind, identifier);
  return record;
}

function maxResultsOf(req: EmuRequest): number {
  const raw = req.query.get('maxResults');
  if (raw === null) return 100;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw validationError('maxResults', `Value '${raw}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`);
  }
  return n;
}

function page<T>(req: EmuRequest, scope: string, items: T[]): { items: T[]; nextToken?: string } {
  const token = req.query.get('nextToken') ?? undefined;
  if (token !== undefined && (token.length < 1 || token.length > 2048)) throw validationError('nextToken', 'Member must have length between 1 and 2048');
  const { page: items_, nextToken } = paginate(items, {
    scope: `${scope}:${req.accountId}:${req.region}`, pageSize: maxResultsOf(req), token,
    badToken: () => validationError('nextToken', 'The nextToken is invalid'),
  });
  return nextToken ? { items: items_, nextToken } : { items: items_ };
}

function validateTags(v: FieldValidator, tags: unknown): void {
  if (tags === undefined) return;
  if (!tags || typeof tags !== 'object' || Array.isArray(tags)) { v.fail('tags', 'Member must be a map'); return; }
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length > 200) v.fail('tags', 'Member must have length less than or equal to 200');
  for (const [k, val] of entries) {
    if (k.length < 1 || k.length > 128) v.fail(`tags.${k}`, 'Tag keys must have length between 1 and 128');
    if (typeof val !== 'string' || val.length > 256) v.fail(`tags.${k}`, 'Tag values must be strings of at most 256 characters');
  }
}

/** Schedule CREATE_IN_PROGRESS → ACTIVE (or CREATE_FAILED when tagged so). */
function settleCreate(world: World, record: Record<string, any>, label: string, failureReason: string): void {
  const fail = record.tags?.[FAIL_TAG] === 'CREATE_FAILED';
  world.schedule(world.timings.create, label, () => {
    if (record.status !== 'CREATE_IN_PROGRESS') return;
    record.status = fail ? 'CREATE_FAILED' : 'ACTIVE';
    if (fail && 'type' in record) record.failureReason = failureReason;
    record.lastUpdatedAt = nowIso(world);
  });
}

// ---- resource gateways ---------------------------------------------------------------------------

function createResourceGateway({ req, world, body }: RouteContext) {
  const v = new FieldValidator();
  if (v.required('name', body.name)) v.string('name', body.name, { min: 3, max: 40, pattern: GATEWAY_NAME });
  // The TS model marks these optional, but the service (and the CLI) require them.
  if (v.required('vpcIdentifier', body.vpcIdentifier)) v.string('vpcIdentifier', body.vpcIdentifier, { min: 5, max: 50, pattern: VPC_ID });
  if (v.required('subnetIds', body.subnetIds) && v.list('subnetIds', body.subnetIds, { min: 1 })) {
    // botocore vpc-lattice/2022-11-30 SubnetId: min 5, max 200 and no pattern (an unknown id is refused below, as not existing).
    (body.subnetIds as unknown[]).forEach((s, i) => v.string(`subnetIds[${i}]`, s, { min: 5, max: 200 }));
  }
  if (v.list('securityGroupIds', body.securityGroupIds, { max: 5 })) {
    (body.securityGroupIds as unknown[]).forEach((s, i) => v.string(`securityGroupIds[${i}]`, s, { pattern: SG_ID }));
  }
  v.oneOf('ipAddressType', body.ipAddressType, ['IPV4', 'IPV6', 'DUALSTACK']);
  v.int('ipv4AddressesPerEni', body.ipv4AddressesPerEni, 1, 62);
  v.oneOf('resourceConfigDnsResolution', body.resourceConfigDnsResolution, ['IN_VPC', 'PUBLIC']);
  v.string('clientToken', body.clientToken, { min: 1, max: 64, pattern: CLIENT_TOKEN });
  validateTags(v, body.tags);
  v.throwIfAny();

  const { clientToken, ...params } = body;
  return withClientToken(world, req, clientToken, params,
    () => new ApiError('ConflictException', 'The client token was already used with different parameters', 409),
    () => {
      const region = world.region(req.accountId, req.region);
      const vpc = region.vpcs.get(body.vpcIdentifier);
      if (!vpc) throw validationError('vpcIdentifier', `VPC ${body.vpcIdentifier} does not exist`);
      for (const s of body.subnetIds as string[]) {
        const subnet = region.subnets.get(s);
        if (!subnet) throw validationError('subnetIds', `Subnet ${s} does not exist`);
        if (subnet.VpcId !== body.vpcIdentifier) throw validationError('subnetIds', `Subnet ${s} is not in VPC ${body.vpcIdentifier}`);
      }
      const azs = (body.subnetIds as string[]).map((s) => region.subnets.get(s)!.AvailabilityZone);
      if (new Set(azs).size !== azs.length) throw validationError('subnetIds', 'Only one subnet per Availability Zone is allowed');
      for (const sg of (body.securityGroupIds ?? []) as string[]) {
        const group = region.securityGroups.get(sg);
        if (!group) throw validationError('securityGroupIds', `Security group ${sg} does not exist`);
        if (group.VpcId !== body.vpcIdentifier) throw validationError('securityGroupIds', `Security group ${sg} is not in VPC ${body.vpcIdentifier}`);
      }
      for (const g of region.resourceGateways.values()) {
        if (g.name === body.name) throw conflict('RESOURCE_GATEWAY', g.id, `A resource gateway named ${body.name} already exists`);
      }
      const id = world.id('rgw-', 17);
      const at = nowIso(world);
      const record: Record<string, any> = {
        name: body.name, id, arn: gatewayArn(req.region, req.accountId, id), status: 'CREATE_IN_PROGRESS',
        vpcId: body.vpcIdentifier, subnetIds: [...body.subnetIds],
        // No groups given: AWS attaches the VPC's default security group.
        securityGroupIds: body.securityGroupIds ?? defaultSecurityGroup(region, body.vpcIdentifier),
        ipAddressType: body.ipAddressType ?? 'IPV4',
        ipv4AddressesPerEni: body.ipv4AddressesPerEni ?? 16,
        resourceConfigDnsResolution: body.resourceConfigDnsResolution ?? 'PUBLIC',
        createdAt: at, lastUpdatedAt: at, tags: body.tags ?? {},
      };
      region.resourceGateways.set(id, record);
      settleCreate(world, record, `gateway ${id} created`, 'Resource gateway creation failed');
      const { vpcId, ...out } = pick(record, ['name', 'id', 'arn', 'status', 'vpcId', 'subnetIds', 'securityGroupIds', 'ipAddressType', 'ipv4AddressesPerEni', 'resourceConfigDnsResolution']);
      return jsonResponse(201, { ...out, vpcIdentifier: vpcId });
    });
}

function defaultSecurityGroup(region: RegionState, vpcId: string): string[] {
  for (const sg of region.securityGroups.values()) if (sg.VpcId === vpcId && sg.GroupName === 'default') return [sg.GroupId];
  return [];
}

function gatewayOf(ctx: RouteContext): Record<string, any> {
  return findByIdentifier(ctx.req, ctx.world.region(ctx.req.accountId, ctx.req.region).resourceGateways,
    ctx.params.resourceGatewayIdentifier, 'resourceGatewayIdentifier', GATEWAY_IDENTIFIER, 'RESOURCE_GATEWAY');
}

function getResourceGateway(ctx: RouteContext) {
  return pick(gatewayOf(ctx), GATEWAY_GET);
}

function listResourceGateways({ req, world }: RouteContext) {
  const all = [...world.region(req.accountId, req.region).resourceGateways.values()].map(gatewaySummary);
  return page(req, 'lattice:gateways', all);
}

function updateResourceGateway(ctx: RouteContext) {
  const { world, body, req } = ctx;
  const gateway = gatewayOf(ctx);
  const v = new FieldValidator();
  if (v.list('securityGroupIds', body.securityGroupIds, { max: 5 })) {
    (body.securityGroupIds as unknown[]).forEach((s, i) => v.string(`securityGroupIds[${i}]`, s, { pattern: SG_ID }));
  }
  v.throwIfAny();
  if (gateway.status !== 'ACTIVE') throw conflict('RESOURCE_GATEWAY', gateway.id, `Resource gateway ${gateway.id} is ${gateway.status}; it must be ACTIVE to update`);
  if (body.securityGroupIds) {
    const region = world.region(req.accountId, req.region);
    for (const sg of body.securityGroupIds as string[]) {
      const group = region.securityGroups.get(sg);
      if (!group || group.VpcId !== gateway.vpcId) throw validationError('securityGroupIds', `Security group ${sg} does not exist in VPC ${gateway.vpcId}`);
    }
    gateway.securityGroupIds = [...body.securityGroupIds];
    gateway.status = 'UPDATE_IN_PROGRESS';
    gateway.lastUpdatedAt = nowIso(world);
    world.schedule(world.timings.update, `gateway ${gateway.id} updated`, () => {
      if (gateway.status === 'UPDATE_IN_PROGRESS') { gateway.status = 'ACTIVE'; gateway.lastUpdatedAt = nowIso(world); }
    });
  }
  return pick(gateway, ['name', 'id', 'arn', 'status', 'vpcId', 'subnetIds', 'securityGroupIds', 'ipAddressType']);
}

function deleteResourceGateway(ctx: RouteContext) {
  const { world, req } = ctx;
  const region = world.region(req.accountId, req.region);
  const gateway = gatewayOf(ctx);
  if (gateway.status === 'DELETE_IN_PROGRESS' || gateway.status.endsWith('_IN_PROGRESS')) {
    throw conflict('RESOURCE_GATEWAY', gateway.id, `Resource gateway ${gateway.id} is ${gateway.status}`);
  }
  const users = [...region.resourceConfigurations.values()].filter((c) => c.resourceGatewayId === gateway.id);
  if (users.length > 0) {
    throw conflict('RESOURCE_GATEWAY', gateway.id,
      `Resource gateway ${gateway.id} has resource configurations (${users.map((c) => c.id).join(', ')}); delete them first`);
  }
  gateway.status = 'DELETE_IN_PROGRESS';
  gateway.lastUpdatedAt = nowIso(world);
  world.schedule(world.timings.delete, `gateway ${gateway.id} deleted`, () => { region.resourceGateways.delete(gateway.id); });
  return pick(gateway, ['id', 'arn', 'name', 'status']);
}

// ---- resource configurations ---------------------------------------------------------------------

function validatePortRanges(v: FieldValidator, portRanges: unknown): void {
  if (!v.list('portRanges', portRanges)) return;
  (portRanges as unknown[]).forEach((p, i) => {
    const name = `portRanges[${i}]`;
    v.string(name, p, { min: 1, max: 11, pattern: PORT_RANGE });
  });
}

/**
 * Not a model constraint (botocore's PortRange is only length 1-11 and the pattern): TCP ports are
 * 1-65535 (API reference example "1-65535"), so a well-formed range outside that is refused on
 * meaning, after the model's checks, with a message that does not pose as the model's.
 * Ascending order: unverified.
 */
function checkPortNumbers(portRanges: unknown): void {
  if (!Array.isArray(portRanges)) return;
  portRanges.forEach((p, i) => {
    const [lo, hi = lo] = String(p).split('-').map(Number);
    if (lo < 1 || hi > 65535 || lo > hi) throw validationError(`portRanges[${i}]`, `Port range ${String(p)} is not within 1-65535 (low-high ascending)`);
  });
}

function definitionKind(def: unknown): 'ipResource' | 'dnsResource' | 'arnResource' | 'cidrResource' | undefined {
  if (!def || typeof def !== 'object') return undefined;
  const keys = Object.keys(def).filter((k) => (def as Record<string, unknown>)[k] !== undefined);
  return keys.length === 1 ? (keys[0] as any) : undefined;
}

function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  if (ip.includes(':') !== base.includes(':')) return false;
  if (ip.includes(':')) {
    // IPv6 (no embedded IPv4 tail here): expand `::`, compare the first `bits` bits.
    const big = (a: string) => {
      const [h, t] = a.split('::');
      const g = (s?: string) => (s ? s.split(':') : []);
      const all = t === undefined ? g(h) : [...g(h), ...Array(8 - g(h).length - g(t).length).fill('0'), ...g(t)];
      return all.reduce((n, x) => (n << 16n) + BigInt(parseInt(x, 16)), 0n);
    };
    const shift = BigInt(128 - Number(bits));
    return big(ip) >> shift === big(base) >> shift;
  }
  const toInt = (a: string) => a.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return ((toInt(ip) & mask) >>> 0) === ((toInt(base) & mask) >>> 0);
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;

/** Validate the definition against the type and the gateway; returns the ports an ARN target listens on. */
function checkDefinition(world: World, req: EmuRequest, type: string, def: any, gateway: Record<string, any> | undefined): string[] | undefined {
  const kind = definitionKind(def);
  if (def !== undefined && !kind) throw validationError('resourceConfigurationDefinition', 'Exactly one of ipResource, dnsResource, arnResource or cidrResource must be set');
  if (type === 'GROUP') {
    if (def !== undefined) throw validationError('resourceConfigurationDefinition', 'A GROUP resource configuration has no definition; its CHILD configurations do');
    return undefined;
  }
  if (!kind) throw validationError('resourceConfigurationDefinition', `A ${type} resource configuration requires resourceConfigurationDefinition`);
  if ((type === 'ARN') !== (kind === 'arnResource')) throw validationError('resourceConfigurationDefinition', 'arnResource is used with type ARN, and type ARN requires arnResource');
  if ((type === 'CIDR') !== (kind === 'cidrResource')) throw validationError('resourceConfigurationDefinition', 'cidrResource is used with type CIDR, and type CIDR requires cidrResource');
  const region = world.region(req.accountId, req.region);
  switch (kind) {
    case 'ipResource': {
      // botocore vpc-lattice CreateResourceConfiguration: "For IPv4 and IPv6, only IP addresses in the VPC are supported."
      const ip = def.ipResource?.ipAddress;
      if (typeof ip !== 'string' || !(IPV4.test(ip) || ip.includes(':'))) throw validationError('resourceConfigurationDefinition.ipResource.ipAddress', `'${ip}' is not an IP address`);
      const vpc = gateway && region.vpcs.get(gateway.vpcId);
      const cidrs: string[] = vpc ? (vpc.CidrBlockAssociationSet ?? []).map((c: any) => c.CidrBlock).concat(vpc.CidrBlock ? [vpc.CidrBlock] : [])
        .concat((vpc.Ipv6CidrBlockAssociationSet ?? []).map((c: any) => c.Ipv6CidrBlock)) : [];
      if (vpc && !cidrs.some((c) => ipInCidr(ip, c))) {
        throw validationError('resourceConfigurationDefinition.ipResource.ipAddress', `IP address ${ip} is not in the resource gateway's VPC (${cidrs.join(', ')})`);
      }
      return undefined;
    }
    case 'dnsResource': {
      const d = def.dnsResource ?? {};
      const v = new FieldValidator();
      if (v.required('resourceConfigurationDefinition.dnsResource.domainName', d.domainName)) {
        v.string('resourceConfigurationDefinition.dnsResource.domainName', d.domainName, { min: 3, max: 255 });
      }
      v.oneOf('resourceConfigurationDefinition.dnsResource.ipAddressType', d.ipAddressType, ['IPV4', 'IPV6', 'DUALSTACK']);
      v.throwIfAny();
      if (d.ipAddressType === 'DUALSTACK') throw validationError('resourceConfigurationDefinition.dnsResource.ipAddressType', 'Dualstack is currently not supported');
      return undefined;
    }
    case 'cidrResource': {
      const ranges = def.cidrResource?.cidrRanges;
      if (!Array.isArray(ranges) || ranges.length < 1 || ranges.length > 10) throw validationError('resourceConfigurationDefinition.cidrResource.cidrRanges', 'Between 1 and 10 CIDR ranges are required');
      for (const r of ranges) if (typeof r !== 'string' || !IPV4_CIDR.test(r)) throw validationError('resourceConfigurationDefinition.cidrResource.cidrRanges', `'${r}' is not an IPv4 CIDR`);
      if (gateway && gateway.resourceConfigDnsResolution !== 'IN_VPC') throw validationError('resourceGatewayIdentifier', 'CIDR resource configurations need a resource gateway with resourceConfigDnsResolution IN_VPC');
      return undefined;
    }
    case 'arnResource': {
      const arn = def.arnResource?.arn;
      const m = typeof arn === 'string' ? RDS_ARN.exec(arn) : null;
      if (!m) throw validationError('resourceConfigurationDefinition.arnResource.arn', `'${arn}' is not a supported resource ARN (an RDS DB cluster or instance ARN)`);
      const [, arnRegion, arnAccount, kindOf, name] = m;
      if (arnRegion !== req.region || arnAccount !== req.accountId) {
        throw validationError('resourceConfigurationDefinition.arnResource.arn', `The resource ${arn} must be in this account and Region (${req.accountId}, ${req.region})`);
      }
      if (gateway && gateway.resourceConfigDnsResolution === 'IN_VPC') throw validationError('resourceGatewayIdentifier', 'ARN resource configurations need a resource gateway with resourceConfigDnsResolution PUBLIC');
      const db = kindOf === 'cluster' ? region.dbClusters.get(name) : region.dbInstances.get(name);
      if (!db) throw validationError('resourceConfigurationDefinition.arnResource.arn', `The resource ${arn} does not exist`);
      // Aurora is public per instance (botocore DBCluster.PubliclyAccessible: "only for non-Aurora
      // Multi-AZ DB clusters"): a cluster with a public member is a public target.
      const publicMember = kindOf === 'cluster' && [...region.dbInstances.values()].some((i) => i.DBClusterIdentifier === name && i.PubliclyAccessible);
      if (db.PubliclyAccessible || publicMember) {
        throw validationError('resourceConfigurationDefinition.arnResource.arn', `The resource ${arn} is publicly accessible; resource configurations can only target private resources`);
      }
      const port = kindOf === 'cluster' ? db.Port : db.Endpoint?.Port;
      return port ? [String(port)] : undefined;
    }
  }
  return undefined;
}

function createResourceConfiguration({ req, world, body }: RouteContext) {
  const v = new FieldValidator();
  if (v.required('name', body.name)) v.string('name', body.name, { min: 3, max: 40, pattern: CONFIG_NAME });
  if (v.required('type', body.type)) v.oneOf('type', body.type, CONFIG_TYPES);
  validatePortRanges(v, body.portRanges);
  v.oneOf('protocol', body.protocol, ['TCP', 'TCP_UDP']);
  v.string('resourceGatewayIdentifier', body.resourceGatewayIdentifier, { min: 17, max: 2048, pattern: GATEWAY_IDENTIFIER });
  v.string('resourceConfigurationGroupIdentifier', body.resourceConfigurationGroupIdentifier, { min: 20, max: 2048, pattern: CONFIG_IDENTIFIER });
  v.string('customDomainName', body.customDomainName, { min: 3, max: 255 });
  v.string('clientToken', body.clientToken, { min: 1, max: 64, pattern: CLIENT_TOKEN });
  validateTags(v, body.tags);
  v.throwIfAny();
  checkPortNumbers(body.portRanges);

  const type = body.type as string;
  if (type === 'CHILD') {
    if (!body.resourceConfigurationGroupIdentifier) throw validationError('resourceConfigurationGroupIdentifier', 'A CHILD resource configuration requires resourceConfigurationGroupIdentifier');
    if (body.resourceGatewayIdentifier) throw validationError('resourceGatewayIdentifier', 'A CHILD resource configuration inherits the resource gateway of its group');
  } else {
    if (body.resourceConfigurationGroupIdentifier) throw validationError('resourceConfigurationGroupIdentifier', 'Only a CHILD resource configuration has a group');
    if (!body.resourceGatewayIdentifier) throw validationError('resourceGatewayIdentifier', `A ${type} resource configuration requires resourceGatewayIdentifier`);
  }
  if ((type === 'SINGLE' || type === 'CHILD') && body.portRanges === undefined) throw validationError('portRanges', `A ${type} resource configuration requires portRanges`);
  if (type === 'ARN' && body.portRanges !== undefined) throw validationError('portRanges', 'portRanges apply to SINGLE, GROUP, CHILD and CIDR resource configurations; an ARN configuration takes the resource\'s port');
  if (body.protocol === 'TCP_UDP' && type !== 'CIDR') throw validationError('protocol', 'TCP_UDP is only supported for CIDR resource configurations');

  const { clientToken, ...params } = body;
  return withClientToken(world, req, clientToken, params,
    () => new ApiError('ConflictException', 'The client token was already used with different parameters', 409),
    () => {
      const region = world.region(req.accountId, req.region);
      let gateway: Record<string, any> | undefined;
      let group: Record<string, any> | undefined;
      if (type === 'CHILD') {
        group = findByIdentifier(req, region.resourceConfigurations, body.resourceConfigurationGroupIdentifier,
          'resourceConfigurationGroupIdentifier', CONFIG_IDENTIFIER, 'RESOURCE_CONFIGURATION');
        if (group.type !== 'GROUP') throw validationError('resourceConfigurationGroupIdentifier', `${group.id} is a ${group.type} resource configuration, not a GROUP`);
        gateway = region.resourceGateways.get(group.resourceGatewayId);
      } else {
        gateway = findByIdentifier(req, region.resourceGateways, body.resourceGatewayIdentifier,
          'resourceGatewayIdentifier', GATEWAY_IDENTIFIER, 'RESOURCE_GATEWAY');
      }
      if (!gateway || gateway.status !== 'ACTIVE') {
        const id = gateway?.id ?? group?.resourceGatewayId;
        throw conflict('RESOURCE_GATEWAY', id, `Resource gateway ${id} is ${gateway?.status ?? 'gone'}; it must be ACTIVE`);
      }
      const arnPorts = checkDefinition(world, req, type, body.resourceConfigurationDefinition, gateway);
      for (const c of region.resourceConfigurations.values()) {
        if (c.name === body.name) throw conflict('RESOURCE_CONFIGURATION', c.id, `A resource configuration named ${body.name} already exists`);
      }
      const id = world.id('rcfg-', 17);
      const at = nowIso(world);
      const record: Record<string, any> = {
        id, name: body.name, arn: configurationArn(req.region, req.accountId, id),
        resourceGatewayId: gateway.id,
        ...(group ? { resourceConfigurationGroupId: group.id } : {}),
        type,
        portRanges: body.portRanges ?? arnPorts ?? (type === 'CIDR' ? ['1-65535'] : undefined),
        protocol: body.protocol ?? 'TCP',
        status: 'CREATE_IN_PROGRESS',
        ...(body.resourceConfigurationDefinition ? { resourceConfigurationDefinition: body.resourceConfigurationDefinition } : {}),
        allowAssociationToShareableServiceNetwork: body.allowAssociationToShareableServiceNetwork ?? false,
        amazonManaged: false,
        ...(body.customDomainName ? { customDomainName: body.customDomainName } : {}),
        ...(body.groupDomain ? { groupDomain: body.groupDomain } : {}),
        createdAt: at, lastUpdatedAt: at, tags: body.tags ?? {},
      };
      region.resourceConfigurations.set(id, record);
      settleCreate(world, record, `configuration ${id} created`, 'Resource configuration creation failed');
      return jsonResponse(201, pick(record, CONFIG_CREATE));
    });
}

function configurationOf(ctx: RouteContext): Record<string, any> {
  return findByIdentifier(ctx.req, ctx.world.region(ctx.req.accountId, ctx.req.region).resourceConfigurations,
    ctx.params.resourceConfigurationIdentifier, 'resourceConfigurationIdentifier', CONFIG_IDENTIFIER, 'RESOURCE_CONFIGURATION');
}

function getResourceConfiguration(ctx: RouteContext) {
  return pick(configurationOf(ctx), CONFIG_GET);
}

function listResourceConfigurations({ req, world }: RouteContext) {
  const region = world.region(req.accountId, req.region);
  let items = [...region.resourceConfigurations.values()];
  const gw = req.query.get('resourceGatewayIdentifier');
  if (gw !== null) {
    if (!GATEWAY_IDENTIFIER.test(gw)) throw validationError('resourceGatewayIdentifier', `'${gw}' is not a resource gateway id or ARN`);
    const id = gw.startsWith('arn:') ? gw.split('/')[1] : gw;
    items = items.filter((c) => c.resourceGatewayId === id);
  }
  const grp = req.query.get('resourceConfigurationGroupIdentifier');
  if (grp !== null) {
    if (!CONFIG_IDENTIFIER.test(grp)) throw validationError('resourceConfigurationGroupIdentifier', `'${grp}' is not a resource configuration id or ARN`);
    const id = grp.startsWith('arn:') ? grp.split('/')[1] : grp;
    items = items.filter((c) => c.resourceConfigurationGroupId === id);
  }
  const summaries = items.map((c) => pick(c, ['id', 'name', 'arn', 'resourceGatewayId', 'resourceConfigurationGroupId', 'type', 'status',
    'amazonManaged', 'createdAt', 'lastUpdatedAt', 'customDomainName', 'domainVerificationId', 'groupDomain']));
  return page(req, 'lattice:configurations', summaries);
}

function updateResourceConfiguration(ctx: RouteContext) {
  const { req, world, body } = ctx;
  const config = configurationOf(ctx);
  const v = new FieldValidator();
  validatePortRanges(v, body.portRanges);
  if (body.allowAssociationToShareableServiceNetwork !== undefined && typeof body.allowAssociationToShareableServiceNetwork !== 'boolean') {
    v.fail('allowAssociationToShareableServiceNetwork', 'Member must be a boolean');
  }
  v.throwIfAny();
  checkPortNumbers(body.portRanges);
  if (config.status !== 'ACTIVE') throw conflict('RESOURCE_CONFIGURATION', config.id, `Resource configuration ${config.id} is ${config.status}; it must be ACTIVE to update`);
  if (body.portRanges !== undefined && config.type === 'ARN') throw validationError('portRanges', 'portRanges cannot be set on an ARN resource configuration');
  const region = world.region(req.accountId, req.region);
  if (body.resourceConfigurationDefinition !== undefined) {
    const ports = checkDefinition(world, req, config.type, body.resourceConfigurationDefinition, region.resourceGateways.get(config.resourceGatewayId));
    config.resourceConfigurationDefinition = body.resourceConfigurationDefinition;
    if (config.type === 'ARN' && ports) config.portRanges = ports;
  }
  if (body.portRanges !== undefined) config.portRanges = [...body.portRanges];
  if (body.allowAssociationToShareableServiceNetwork !== undefined) config.allowAssociationToShareableServiceNetwork = body.allowAssociationToShareableServiceNetwork;
  config.lastUpdatedAt = nowIso(world);
  return pick(config, ['id', 'name', 'arn', 'resourceGatewayId', 'resourceConfigurationGroupId', 'type', 'portRanges',
    'allowAssociationToShareableServiceNetwork', 'protocol', 'status', 'resourceConfigurationDefinition']);
}

function deleteResourceConfiguration(ctx: RouteContext) {
  const { req, world } = ctx;
  const region = world.region(req.accountId, req.region);
  const config = configurationOf(ctx);
  if (config.status.endsWith('_IN_PROGRESS')) throw conflict('RESOURCE_CONFIGURATION', config.id, `Resource configuration ${config.id} is ${config.status}`);
  const children = [...region.resourceConfigurations.values()].filter((c) => c.resourceConfigurationGroupId === config.id);
  if (children.length > 0) throw conflict('RESOURCE_CONFIGURATION', config.id, `Resource configuration ${config.id} has CHILD configurations; delete them first`);
  const endpoints = [...region.resourceEndpointAssociations.values()].filter((a) => a.resourceConfigurationId === config.id);
  if (endpoints.length > 0) throw conflict('RESOURCE_CONFIGURATION', config.id, `Resource configuration ${config.id} is associated with VPC endpoints; delete the associations first`);
  config.status = 'DELETE_IN_PROGRESS';
  config.lastUpdatedAt = nowIso(world);
  world.schedule(world.timings.delete, `configuration ${config.id} deleted`, () => { region.resourceConfigurations.delete(config.id); });
  return { status: 204, headers: { 'x-amzn-requestid': newRequestId() }, body: '' };
}

function listResourceEndpointAssociations({ req, world }: RouteContext) {
  const cfg = req.query.get('resourceConfigurationIdentifier');
  if (!cfg) throw validationError('resourceConfigurationIdentifier', 'resourceConfigurationIdentifier is required');
  if (!CONFIG_IDENTIFIER.test(cfg)) throw validationError('resourceConfigurationIdentifier', `'${cfg}' is not a resource configuration id or ARN`);
  const region = world.region(req.accountId, req.region);
  const id = cfg.startsWith('arn:') ? cfg.split('/')[1] : cfg;
  if (!region.resourceConfigurations.has(id)) throw notFound('RESOURCE_CONFIGURATION', cfg);
  let items = [...region.resourceEndpointAssociations.values()].filter((a) => a.resourceConfigurationId === id);
  const assoc = req.query.get('resourceEndpointAssociationIdentifier');
  if (assoc) items = items.filter((a) => a.id === assoc || a.arn === assoc);
  const vpce = req.query.get('vpcEndpointId');
  if (vpce) items = items.filter((a) => a.vpcEndpointId === vpce);
  const owner = req.query.get('vpcEndpointOwner');
  if (owner) items = items.filter((a) => a.vpcEndpointOwner === owner);
  return page(req, 'lattice:endpointAssociations', items);
}

export const router = createRestRouter([
  { method: 'POST', pattern: '/resourcegateways', operation: 'CreateResourceGateway', handle: createResourceGateway },
  { method: 'GET', pattern: '/resourcegateways', operation: 'ListResourceGateways', handle: listResourceGateways },
  { method: 'GET', pattern: '/resourcegateways/{resourceGatewayIdentifier}', operation: 'GetResourceGateway', handle: getResourceGateway },
  { method: 'PATCH', pattern: '/resourcegateways/{resourceGatewayIdentifier}', operation: 'UpdateResourceGateway', handle: updateResourceGateway },
  { method: 'DELETE', pattern: '/resourcegateways/{resourceGatewayIdentifier}', operation: 'DeleteResourceGateway', handle: deleteResourceGateway },
  { method: 'POST', pattern: '/resourceconfigurations', operation: 'CreateResourceConfiguration', handle: createResourceConfiguration },
  { method: 'GET', pattern: '/resourceconfigurations', operation: 'ListResourceConfigurations', handle: listResourceConfigurations },
  { method: 'GET', pattern: '/resourceconfigurations/{resourceConfigurationIdentifier}', operation: 'GetResourceConfiguration', handle: getResourceConfiguration },
  { method: 'PATCH', pattern: '/resourceconfigurations/{resourceConfigurationIdentifier}', operation: 'UpdateResourceConfiguration', handle: updateResourceConfiguration },
  { method: 'DELETE', pattern: '/resourceconfigurations/{resourceConfigurationIdentifier}', operation: 'DeleteResourceConfiguration', handle: deleteResourceConfiguration },
  { method: 'GET', pattern: '/resourceendpointassociations', operation: 'ListResourceEndpointAssociations', handle: listResourceEndpointAssociations },
], (method, path) => new ApiError('UnknownOperationException', `No Lattice operation for ${method} ${path}`, 404));

export const handler = router.handle;

export { STATUSES as LATTICE_STATUSES };

// Turn compact scenario specs into records in each owning service's SDK response shape, and put
// them into the world. Ids are derived from a hash of (account, region, kind, name) so the same
// spec gives the same ids on every run without consuming the world's seeded id sequence.
import type { RegionState, World } from '../core/types';
import { configurationArn, gatewayArn } from '../services/vpcLattice';
import { shareArn, LATTICE_CONFIGURATION_TYPE } from '../services/ram';
import { CLICKPIPES_ACCOUNT } from './accounts';
import { addListener, addMskExtras, type ListenerSpec } from './doctorBuilders';

export { addNetworkInterface, addParameterGroup, addSecret, type SecretSpec, type ListenerSpec, type NetworkInterfaceSpec, type ParameterGroupSpec } from './doctorBuilders';

type Rec = Record<string, any>;
const HEX = '0123456789abcdef';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const UPPER = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A stable pseudo-random string for `parts`, drawn from `alphabet`: FNV-1a of the parts seeds a
 * small PRNG. Not cryptographic — only stable and fast (the scale scenario makes ~20k ids).
 */
export function stableId(prefix: string, length: number, alphabet: string, ...parts: string[]): string {
  let h = 0x811c9dc5;
  const text = parts.join('|');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  let a = h;
  let out = prefix;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0; // mulberry32 step
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += alphabet[((t ^ (t >>> 14)) >>> 0) % alphabet.length];
  }
  return out;
}

export function stableUuid(...parts: string[]): string {
  const h = stableId('', 32, HEX, ...parts).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16], 16) & 3];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const tags = (name?: string, extra: Record<string, string> = {}) =>
  [...(name ? [{ Key: 'Name', Value: name }] : []), ...Object.entries(extra).map(([Key, Value]) => ({ Key, Value }))];

const azId = (region: string, az: string) => {
  const short = region.replace(/^(\w)\w*-(\w)\w*-(\d)$/, '$1$2$3'); // us-east-1 → ue1 (close to AWS's use1)
  return `${short}-az${'abcdef'.indexOf(az.slice(-1)) + 1}`;
};

/** Resolves names used in a spec (vpc "prod-data") to the ids the builders gave them. */
export class Scope {
  readonly names = new Map<string, string>();
  constructor(readonly world: World, readonly account: string, readonly region: string) {}
  get state(): RegionState { return this.world.region(this.account, this.region); }
  id(kind: string, name: string, prefix: string, length: number, alphabet = HEX): string {
    const id = stableId(prefix, length, alphabet, this.account, this.region, kind, name);
    this.names.set(`${kind}:${name}`, id);
    return id;
  }
  ref(kind: string, name: string): string {
    const id = this.names.get(`${kind}:${name}`);
    if (!id) throw new Error(`scenario: unknown ${kind} '${name}' in ${this.account}/${this.region}`);
    return id;
  }
}

// ---- EC2 -------------------------------------------------------------------------------------------

export interface VpcSpec { name: string; cidr: string; isDefault?: boolean }
export function addVpc(s: Scope, v: VpcSpec): Rec {
  const id = s.id('vpc', v.name, 'vpc-', 17);
  const rec = {
    VpcId: id, CidrBlock: v.cidr, State: 'available', IsDefault: !!v.isDefault, OwnerId: s.account, InstanceTenancy: 'default',
    DhcpOptionsId: stableId('dopt-', 17, HEX, s.account, s.region), Tags: tags(v.name),
    CidrBlockAssociationSet: [{ AssociationId: stableId('vpc-cidr-assoc-', 17, HEX, id), CidrBlock: v.cidr, CidrBlockState: { State: 'associated' } }],
  };
  s.state.vpcs.set(id, rec);
  return rec;
}

export interface SubnetSpec { name: string; vpc: string; cidr: string; az: string; usedIps?: number; public?: boolean }
export function addSubnet(s: Scope, v: SubnetSpec): Rec {
  const id = s.id('subnet', v.name, 'subnet-', 17);
  const prefix = Number(v.cidr.split('/')[1]);
  const az = `${s.region}${v.az}`;
  const rec = {
    SubnetId: id, VpcId: s.ref('vpc', v.vpc), CidrBlock: v.cidr, AvailabilityZone: az, AvailabilityZoneId: azId(s.region, az),
    State: 'available', AvailableIpAddressCount: Math.max(0, 2 ** (32 - prefix) - 5 - (v.usedIps ?? 0)), DefaultForAz: false,
    MapPublicIpOnLaunch: !!v.public, OwnerId: s.account, SubnetArn: `arn:aws:ec2:${s.region}:${s.account}:subnet/${id}`,
    Ipv6Native: false, AssignIpv6AddressOnCreation: false, Tags: tags(v.name),
  };
  s.state.subnets.set(id, rec);
  return rec;
}

export interface SecurityGroupSpec {
  name: string; vpc: string; description?: string; ingress?: Array<[string, number, number, string]>;
  /** Ingress from other security groups of the same scope: [protocol, from, to, group name]. */
  ingressFromGroups?: Array<[string, number, number, string]>;
}
export function addSecurityGroup(s: Scope, v: SecurityGroupSpec): Rec {
  const id = s.id('sg', `${v.vpc}/${v.name}`, 'sg-', 17);
  s.names.set(`sg:${v.name}`, id);
  const rec = {
    GroupId: id, GroupName: v.name, Description: v.description ?? `${v.name} security group`, VpcId: s.ref('vpc', v.vpc), OwnerId: s.account,
    IpPermissions: [
      ...(v.ingress ?? []).map(([IpProtocol, FromPort, ToPort, CidrIp]) => ({ IpProtocol, FromPort, ToPort, IpRanges: [{ CidrIp }] })),
      ...(v.ingressFromGroups ?? []).map(([IpProtocol, FromPort, ToPort, group]) =>
        ({ IpProtocol, FromPort, ToPort, UserIdGroupPairs: [{ GroupId: s.ref('sg', group), UserId: s.account }] })),
    ],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    Tags: v.name === 'default' ? [] : tags(v.name),
  };
  s.state.securityGroups.set(id, rec);
  return rec;
}

export interface LoadBalancerSpec {
  name: string; type: 'network' | 'application'; vpc: string; subnets: string[]; scheme?: 'internal' | 'internet-facing'; createdAt?: string;
  securityGroups?: string[]; enforcePrivateLinkRules?: 'on' | 'off'; listeners?: ListenerSpec[];
}
export function addLoadBalancer(s: Scope, v: LoadBalancerSpec): Rec {
  const kind = v.type === 'network' ? 'net' : 'app';
  const suffix = stableId('', 16, HEX, s.account, s.region, 'lb', v.name);
  const arn = `arn:aws:elasticloadbalancing:${s.region}:${s.account}:loadbalancer/${kind}/${v.name}/${suffix}`;
  s.names.set(`lb:${v.name}`, arn);
  const subnets = v.subnets.map((n) => s.state.subnets.get(s.ref('subnet', n))!);
  const rec = {
    LoadBalancerArn: arn, DNSName: `${v.name}-${suffix}.elb.${s.region}.amazonaws.com`, CanonicalHostedZoneId: 'Z26RNL4JYFTOTI',
    CreatedTime: new Date(v.createdAt ?? '2026-02-10T10:00:00Z'), LoadBalancerName: v.name, Scheme: v.scheme ?? 'internal',
    VpcId: s.ref('vpc', v.vpc), State: { Code: 'active' }, Type: v.type, IpAddressType: 'ipv4',
    AvailabilityZones: subnets.map((sn) => ({ ZoneName: sn.AvailabilityZone, ZoneId: sn.AvailabilityZoneId, SubnetId: sn.SubnetId })),
    ...(v.type === 'application' ? { SecurityGroups: [] } : {}),
    ...(v.securityGroups ? {
      SecurityGroups: v.securityGroups.map((n) => s.ref('sg', n)),
      // Reported only for a Network Load Balancer with security groups (ELBv2 LoadBalancer shape).
      EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: v.enforcePrivateLinkRules ?? 'on',
    } : {}),
  };
  s.state.loadBalancers.set(arn, rec);
  for (const l of v.listeners ?? []) addListener(s, rec, l);
  return rec;
}

export interface EndpointConnectionSpec { endpointId?: string; owner?: string; state: string; region?: string; createdAt?: string }
export interface EndpointServiceSpec {
  name: string; nlbs: string[]; acceptanceRequired?: boolean; principals?: string[]; privateDnsName?: string;
  privateDnsState?: 'pendingVerification' | 'verified' | 'failed'; supportedRegions?: string[]; state?: string;
  connections?: EndpointConnectionSpec[];
}
export function addEndpointService(s: Scope, v: EndpointServiceSpec): Rec {
  const id = s.id('vpce-svc', v.name, 'vpce-svc-', 17);
  const nlbs = v.nlbs.map((n) => s.ref('lb', n));
  const zones = nlbs.flatMap((a) => s.state.loadBalancers.get(a)!.AvailabilityZones as Rec[]);
  const state = v.state ?? 'Available';
  const rec: Rec = {
    ServiceType: [{ ServiceType: 'Interface' }], ServiceId: id, ServiceName: `com.amazonaws.vpce.${s.region}.${id}`, ServiceState: state,
    AvailabilityZoneIds: [...new Set(zones.map((z) => z.ZoneId))].sort(), AvailabilityZones: [...new Set(zones.map((z) => z.ZoneName))].sort(),
    AcceptanceRequired: v.acceptanceRequired ?? true, ManagesVpcEndpoints: false, NetworkLoadBalancerArns: nlbs,
    SupportedIpAddressTypes: ['ipv4'], BaseEndpointDnsNames: [`${id}.${s.region}.vpce.amazonaws.com`], PayerResponsibility: 'ServiceOwner',
    Tags: tags(v.name),
    SupportedRegions: [{ Region: s.region, ServiceState: state }, ...(v.supportedRegions ?? []).map((Region) => ({ Region, ServiceState: state }))],
    RemoteAccessEnabled: false,
  };
  if (v.privateDnsName) {
    rec.PrivateDnsName = v.privateDnsName;
    rec.PrivateDnsNameConfiguration = {
      State: v.privateDnsState ?? 'verified', Type: 'TXT', Value: `vpce:${stableId('', 20, BASE36, id, 'dns')}`,
      Name: `_${stableId('', 20, BASE36, id, 'dnsname')}`,
    };
  }
  s.state.endpointServices.set(id, rec);
  s.state.servicePermissions.set(id, [...(v.principals ?? [])]);
  for (const [i, c] of (v.connections ?? []).entries()) {
    const endpointId = c.endpointId ?? stableId('vpce-', 17, HEX, id, 'connection', String(i));
    const region = c.region ?? s.region;
    s.state.endpointConnections.set(endpointId, {
      ServiceId: id, VpcEndpointId: endpointId, VpcEndpointOwner: c.owner ?? CLICKPIPES_ACCOUNT, VpcEndpointState: c.state,
      CreationTimestamp: new Date(c.createdAt ?? '2026-03-01T12:00:00Z'), IpAddressType: 'ipv4', VpcEndpointRegion: region,
      VpcEndpointConnectionId: stableId('vpce-con-', 17, HEX, endpointId), NetworkLoadBalancerArns: nlbs,
      DnsEntries: [{ DnsName: `${endpointId}-${stableId('', 8, BASE36, endpointId)}.${id}.${s.region}.vpce.amazonaws.com`, HostedZoneId: 'Z7HUB22UULQXV' }],
    });
  }
  return rec;
}

// ---- VPC Lattice -----------------------------------------------------------------------------------

type LatticeStatus = 'ACTIVE' | 'CREATE_IN_PROGRESS' | 'CREATE_FAILED' | 'UPDATE_IN_PROGRESS' | 'DELETE_FAILED';

/** An in-progress record settles on the clock like one the API created. */
function settle(world: World, rec: Rec, status: LatticeStatus, settleMs: number | undefined, failureReason?: string): void {
  if (status !== 'CREATE_IN_PROGRESS' && status !== 'UPDATE_IN_PROGRESS') return;
  world.schedule(settleMs ?? world.timings.create, `scenario ${rec.id} settles`, () => {
    if (rec.status !== status) return;
    rec.status = failureReason ? (status === 'CREATE_IN_PROGRESS' ? 'CREATE_FAILED' : 'UPDATE_FAILED') : 'ACTIVE';
    if (failureReason && 'type' in rec) rec.failureReason = failureReason;
    rec.lastUpdatedAt = new Date(world.clock.now()).toISOString();
  });
}

export interface GatewaySpec {
  name: string; vpc: string; subnets: string[]; securityGroups?: string[]; status?: LatticeStatus; dnsResolution?: 'IN_VPC' | 'PUBLIC';
  createdAt?: string; settleMs?: number; failsWith?: string;
}
export function addGateway(s: Scope, v: GatewaySpec): Rec {
  const id = s.id('rgw', v.name, 'rgw-', 17, BASE36);
  const at = v.createdAt ?? '2026-03-02T09:00:00.000Z';
  const rec: Rec = {
    name: v.name, id, arn: gatewayArn(s.region, s.account, id), status: v.status ?? 'ACTIVE', vpcId: s.ref('vpc', v.vpc),
    subnetIds: v.subnets.map((n) => s.ref('subnet', n)), securityGroupIds: (v.securityGroups ?? []).map((n) => s.ref('sg', n)),
    ipAddressType: 'IPV4', ipv4AddressesPerEni: 16, resourceConfigDnsResolution: v.dnsResolution ?? 'PUBLIC',
    createdAt: at, lastUpdatedAt: at, tags: {},
  };
  s.state.resourceGateways.set(id, rec);
  settle(s.world, rec, rec.status, v.settleMs, v.failsWith);
  return rec;
}

export interface ConfigurationSpec {
  name: string; gateway?: string; group?: string; type: 'SINGLE' | 'GROUP' | 'CHILD' | 'ARN' | 'CIDR'; ports?: string[];
  /** `{ dbCluster: name }` / `{ dbInstance: name }` → arnResource; `{ dbClusterEndpoint: name }` → its address as dnsResource; or an SDK definition as is. */
  definition?: Rec; status?: LatticeStatus; createdAt?: string; settleMs?: number; failureReason?: string; failsWith?: string;
}
export function addConfiguration(s: Scope, v: ConfigurationSpec): Rec {
  const id = s.id('rcfg', v.name, 'rcfg-', 17, BASE36);
  const at = v.createdAt ?? '2026-03-02T09:30:00.000Z';
  let definition = v.definition;
  let ports = v.ports;
  if (definition?.dbCluster || definition?.dbInstance) {
    const db = definition.dbCluster ? s.state.dbClusters.get(definition.dbCluster) : s.state.dbInstances.get(definition.dbInstance);
    if (!db) throw new Error(`scenario: configuration ${v.name} targets an unknown database`);
    definition = { arnResource: { arn: db.DBClusterArn ?? db.DBInstanceArn } };
    ports = ports ?? [String(db.Port ?? db.Endpoint?.Port)];
  }
  if (definition?.dbClusterEndpoint) {
    const endpoint = s.state.dbClusterEndpoints.get(definition.dbClusterEndpoint);
    if (!endpoint) throw new Error(`scenario: configuration ${v.name} targets an unknown cluster endpoint`);
    definition = { dnsResource: { domainName: endpoint.Endpoint, ipAddressType: 'IPV4' } };
  }
  const group = v.group ? s.state.resourceConfigurations.get(s.ref('rcfg', v.group)) : undefined;
  const rec: Rec = {
    id, name: v.name, arn: configurationArn(s.region, s.account, id),
    resourceGatewayId: group ? group.resourceGatewayId : s.ref('rgw', v.gateway!),
    ...(group ? { resourceConfigurationGroupId: group.id } : {}),
    type: v.type, portRanges: ports, protocol: 'TCP', status: v.status ?? 'ACTIVE',
    ...(definition ? { resourceConfigurationDefinition: definition } : {}),
    allowAssociationToShareableServiceNetwork: false, amazonManaged: false, createdAt: at, lastUpdatedAt: at, tags: {},
    ...(v.failureReason ? { failureReason: v.failureReason } : {}),
  };
  s.state.resourceConfigurations.set(id, rec);
  settle(s.world, rec, rec.status, v.settleMs, v.failsWith);
  return rec;
}

// ---- RAM -------------------------------------------------------------------------------------------

export interface ShareSpec {
  name: string; resources?: string[]; principals?: string[]; status?: 'ACTIVE' | 'PENDING'; allowExternalPrincipals?: boolean;
  createdAt?: string; associationStatus?: 'ASSOCIATED' | 'ASSOCIATING';
}
export function addShare(s: Scope, v: ShareSpec): Rec {
  const arn = shareArn(s.region, s.account, stableUuid(s.account, s.region, 'share', v.name));
  s.names.set(`share:${v.name}`, arn);
  const at = Date.parse(v.createdAt ?? '2026-03-03T10:00:00Z') / 1000;
  const rec: Rec = {
    resourceShareArn: arn, name: v.name, owningAccountId: s.account, allowExternalPrincipals: v.allowExternalPrincipals ?? true,
    status: v.status ?? 'ACTIVE', tags: [], creationTime: at, lastUpdatedTime: at, featureSet: 'STANDARD',
  };
  s.state.resourceShares.set(arn, rec);
  const assocStatus = v.associationStatus ?? (rec.status === 'ACTIVE' ? 'ASSOCIATED' : 'ASSOCIATING');
  const assoc = (entity: string, type: 'RESOURCE' | 'PRINCIPAL') => {
    const a: Rec = {
      resourceShareArn: arn, resourceShareName: v.name, associatedEntity: entity, associationType: type, status: assocStatus,
      creationTime: at, lastUpdatedTime: at, external: type === 'PRINCIPAL' && /^\d{12}$/.test(entity),
    };
    s.state.shareAssociations.push(a);
    if (assocStatus === 'ASSOCIATING') {
      s.world.schedule(s.world.timings.shareActivate, `scenario association ${entity}`, () => { if (a.status === 'ASSOCIATING') a.status = 'ASSOCIATED'; });
    }
  };
  for (const r of v.resources ?? []) assoc(s.state.resourceConfigurations.get(s.ref('rcfg', r))!.arn, 'RESOURCE');
  for (const p of v.principals ?? []) assoc(p, 'PRINCIPAL');
  if (rec.status === 'PENDING') s.world.schedule(s.world.timings.shareActivate, `scenario share ${v.name}`, () => { if (rec.status === 'PENDING') rec.status = 'ACTIVE'; });
  return rec;
}

export { LATTICE_CONFIGURATION_TYPE };

// ---- MSK -------------------------------------------------------------------------------------------

export interface MskSpec {
  name: string; kafkaVersion: string; instanceType: string; brokers?: number; subnets: string[]; securityGroups: string[];
  iam?: boolean; scram?: boolean; tls?: boolean; unauthenticated?: boolean; multiVpc?: { iam?: boolean; scram?: boolean; tls?: boolean };
  clickpipesPolicy?: boolean; vpcConnections?: Array<{ owner?: string; authentication: 'SASL_IAM' | 'SASL_SCRAM' | 'TLS'; state: string }>;
  state?: string; createdAt?: string;
  /** A broker configuration (server.properties text) the cluster runs at revision 1. */
  configuration?: { name: string; properties: string };
  /** Names of AmazonMSK_ secrets associated for SASL/SCRAM. */
  scramSecrets?: string[];
}
export function addMskCluster(s: Scope, v: MskSpec): Rec {
  const uuid = `${stableUuid(s.account, s.region, 'msk', v.name)}-${stableId('', 1, '123456789', s.account, v.name)}`;
  const arn = `arn:aws:kafka:${s.region}:${s.account}:cluster/${v.name}/${uuid}`;
  s.names.set(`msk:${v.name}`, arn);
  const vpcAuth = v.multiVpc ? {
    Sasl: { Scram: { Enabled: !!v.multiVpc.scram }, Iam: { Enabled: !!v.multiVpc.iam } }, Tls: { Enabled: !!v.multiVpc.tls },
  } : undefined;
  const onlyPlaintext = v.unauthenticated && !v.tls && !v.iam && !v.scram;
  const rec: Rec = {
    ClusterArn: arn, ClusterName: v.name, ClusterType: 'PROVISIONED', State: v.state ?? 'ACTIVE',
    CurrentVersion: stableId('K', 13, UPPER, arn, 'version'), CreationTime: v.createdAt ?? '2026-01-20T08:00:00.000Z', Tags: { team: 'data' },
    Provisioned: {
      BrokerNodeGroupInfo: {
        InstanceType: v.instanceType, ClientSubnets: v.subnets.map((n) => s.ref('subnet', n)),
        SecurityGroups: v.securityGroups.map((n) => s.ref('sg', n)), BrokerAZDistribution: 'DEFAULT',
        ConnectivityInfo: { PublicAccess: { Type: 'DISABLED' }, ...(vpcAuth ? { VpcConnectivity: { ClientAuthentication: vpcAuth } } : {}) },
        StorageInfo: { EbsStorageInfo: { VolumeSize: 100 } },
        ZoneIds: v.subnets.map((n) => s.state.subnets.get(s.ref('subnet', n))!.AvailabilityZoneId),
      },
      NumberOfBrokerNodes: v.brokers ?? v.subnets.length,
      CurrentBrokerSoftwareInfo: { KafkaVersion: v.kafkaVersion, ConfigurationRevision: 1 },
      ClientAuthentication: {
        Sasl: { Scram: { Enabled: !!v.scram }, Iam: { Enabled: !!v.iam } },
        Tls: { Enabled: !!v.tls, CertificateAuthorityArnList: [] }, Unauthenticated: { Enabled: !!v.unauthenticated },
      },
      EncryptionInfo: {
        EncryptionAtRest: { DataVolumeKMSKeyId: `arn:aws:kms:${s.region}:${s.account}:key/${stableUuid(arn, 'kms')}` },
        EncryptionInTransit: { ClientBroker: onlyPlaintext ? 'TLS_PLAINTEXT' : 'TLS', InCluster: true },
      },
      EnhancedMonitoring: 'DEFAULT',
    },
  };
  s.state.mskClusters.set(arn, rec);
  addMskExtras(s, rec, arn, v);
  if (v.clickpipesPolicy) {
    const [name, clusterUuid] = [v.name, uuid];
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: CLICKPIPES_ACCOUNT }, Action: ['kafka:CreateVpcConnection', 'kafka:GetBootstrapBrokers', 'kafka:DescribeCluster', 'kafka:DescribeClusterV2', 'kafka-cluster:*'], Resource: arn },
        { Effect: 'Allow', Principal: { AWS: CLICKPIPES_ACCOUNT }, Action: 'kafka-cluster:*', Resource: `arn:aws:kafka:${s.region}:${s.account}:topic/${name}/${clusterUuid}/*` },
        { Effect: 'Allow', Principal: { AWS: CLICKPIPES_ACCOUNT }, Action: 'kafka-cluster:*', Resource: `arn:aws:kafka:${s.region}:${s.account}:group/${name}/${clusterUuid}/*` },
      ],
    };
    s.state.mskPolicies.set(arn, { policy: JSON.stringify(policy), currentVersion: stableId('K', 13, UPPER, arn, 'policy') });
  }
  if (v.vpcConnections?.length) {
    s.state.mskVpcConnections.set(arn, v.vpcConnections.map((c, i) => {
      const owner = c.owner ?? CLICKPIPES_ACCOUNT;
      return {
        VpcConnectionArn: `arn:aws:kafka:${s.region}:${owner}:vpc-connection/${owner}/${v.name}/${stableUuid(arn, 'conn', String(i))}-${i + 1}`,
        Authentication: c.authentication, CreationTime: '2026-03-05T12:00:00.000Z', State: c.state, Owner: owner,
      };
    }));
  }
  return rec;
}

export { addDbCluster, addDbInstance, type DbClusterSpec, type DbInstanceSpec } from './rdsBuilders';

// Scenario builders for what the connectivity doctor reads: NLB listeners with target groups and
// target health, MSK broker configurations and SCRAM secrets, and custom RDS parameter groups.
// Same conventions as builders.ts (stable ids from names, records in each service's SDK shape).
import { stableId, stableUuid, type Scope } from './builders';

type Rec = Record<string, any>;
const HEX = '0123456789abcdef';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

export interface ListenerSpec {
  port: number; protocol?: string;
  /** Targets of the listener's target group: IP, port, and health (healthy unless said otherwise). */
  targets: Array<{ ip: string; port?: number; state?: string; reason?: string; description?: string }>;
}
/** A listener forwarding to its own target group, with the targets' health. */
export function addListener(s: Scope, lb: Rec, l: ListenerSpec): void {
  const protocol = l.protocol ?? (lb.Type === 'network' ? 'TCP' : 'HTTP');
  const tgName = `${lb.LoadBalancerName}-${l.port}`.slice(0, 32);
  const tgArn = `arn:aws:elasticloadbalancing:${s.region}:${s.account}:targetgroup/${tgName}/${stableId('', 16, HEX, s.account, s.region, 'tg', tgName)}`;
  const lbId = lb.LoadBalancerArn.split(':loadbalancer/')[1];
  const listenerArn = `arn:aws:elasticloadbalancing:${s.region}:${s.account}:listener/${lbId}/${stableId('', 16, HEX, s.account, s.region, 'listener', tgName)}`;
  s.state.targetGroups.set(tgArn, {
    TargetGroupArn: tgArn, TargetGroupName: tgName, Protocol: protocol, Port: l.targets[0]?.port ?? l.port, VpcId: lb.VpcId,
    HealthCheckProtocol: 'TCP', HealthCheckPort: 'traffic-port', HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 10, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, LoadBalancerArns: [lb.LoadBalancerArn],
    TargetType: 'ip', IpAddressType: 'ipv4',
  });
  s.state.targetHealth.set(tgArn, l.targets.map((t) => ({
    Target: { Id: t.ip, Port: t.port ?? l.port, AvailabilityZone: lb.AvailabilityZones[0]?.ZoneName },
    HealthCheckPort: String(t.port ?? l.port),
    TargetHealth: { State: t.state ?? 'healthy', ...(t.reason ? { Reason: t.reason } : {}), ...(t.description ? { Description: t.description } : {}) },
  })));
  s.state.listeners.set(listenerArn, {
    ListenerArn: listenerArn, LoadBalancerArn: lb.LoadBalancerArn, Port: l.port, Protocol: protocol,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn, Order: 1 }],
  });
}

/** The cluster's broker configuration (revision 1) and its associated SCRAM secrets. */
export function addMskExtras(s: Scope, rec: Rec, arn: string, v: { configuration?: { name: string; properties: string }; scramSecrets?: string[] }): void {
  if (v.configuration) {
    const configArn = `arn:aws:kafka:${s.region}:${s.account}:configuration/${v.configuration.name}/${stableUuid(s.account, s.region, 'msk-config', v.configuration.name)}-1`;
    rec.Provisioned.CurrentBrokerSoftwareInfo = { ...rec.Provisioned.CurrentBrokerSoftwareInfo, ConfigurationArn: configArn, ConfigurationRevision: 1 };
    s.state.mskConfigurations.set(configArn, [{
      Revision: 1, Description: `${v.configuration.name} broker settings`, CreationTime: '2026-01-19T08:00:00.000Z', ServerProperties: v.configuration.properties,
    }]);
  }
  if (v.scramSecrets?.length) s.state.mskScramSecrets.set(arn, v.scramSecrets.map((n) => addSecret(s, { name: n, customerKey: true })));
}

/**
 * A Secrets Manager secret as ListSecrets shows it (never a value). `customerKey`: encrypted with a
 * customer managed KMS key (KmsKeyId set); without, the AWS managed aws/secretsmanager key, which
 * ListSecrets leaves out (botocore secretsmanager SecretListEntry.KmsKeyId). Returns its ARN.
 */
export interface SecretSpec { name: string; customerKey?: boolean }
const SECRET_DATE = Date.parse('2026-01-19T08:00:00.000Z') / 1000;
export function addSecret(s: Scope, v: SecretSpec): string {
  const arn = `arn:aws:secretsmanager:${s.region}:${s.account}:secret:${v.name}-${stableId('', 6, BASE36, s.account, v.name)}`;
  s.state.secrets.set(arn, {
    // awsJson timestamps are epoch seconds on the wire.
    ARN: arn, Name: v.name, Description: `${v.name} (emulator)`, CreatedDate: SECRET_DATE, LastChangedDate: SECRET_DATE,
    ...(v.customerKey ? { KmsKeyId: `arn:aws:kms:${s.region}:${s.account}:key/${stableUuid(s.account, s.region, 'kms', v.name)}` } : {}),
    SecretVersionsToStages: { [stableUuid(s.account, s.region, 'secret-version', v.name)]: ['AWSCURRENT'] },
  });
  return arn;
}

/** A custom DB (or DB cluster) parameter group with the values it sets. */
export interface ParameterGroupSpec { name: string; family: string; level?: 'instance' | 'cluster'; values: Record<string, string> }
export function addParameterGroup(s: Scope, v: ParameterGroupSpec): void {
  const level = v.level ?? 'instance';
  const group = level === 'instance'
    ? { DBParameterGroupName: v.name, DBParameterGroupFamily: v.family, Description: `${v.name} parameters`, DBParameterGroupArn: `arn:aws:rds:${s.region}:${s.account}:pg:${v.name}` }
    : { DBClusterParameterGroupName: v.name, DBParameterGroupFamily: v.family, Description: `${v.name} parameters`, DBClusterParameterGroupArn: `arn:aws:rds:${s.region}:${s.account}:cluster-pg:${v.name}` };
  (level === 'instance' ? s.state.dbParameterGroups : s.state.dbClusterParameterGroups).set(v.name, { group, values: new Map(Object.entries(v.values)) });
}

/**
 * An elastic network interface (EC2 NetworkInterface shape) owning `ip` in a subnet: an instance's
 * primary interface, or one a service manages for its resource (RDS: requester-managed,
 * `RDSNetworkInterface`). The doctor finds an IP target's security groups through it.
 */
export interface NetworkInterfaceSpec {
  name: string; subnet: string; ip: string; securityGroups: string[]; description?: string;
  /** Managed by an AWS service (e.g. `amazon-rds`) rather than attached to an instance of the account. */
  requesterId?: string;
}
export function addNetworkInterface(s: Scope, v: NetworkInterfaceSpec): Rec {
  const id = s.id('eni', v.name, 'eni-', 17);
  const subnet = s.state.subnets.get(s.ref('subnet', v.subnet));
  if (!subnet) throw new Error(`scenario: network interface ${v.name} in an unknown subnet`);
  const groups = v.securityGroups.map((g) => ({ GroupId: s.ref('sg', g), GroupName: g }));
  const dns = `ip-${v.ip.replace(/\./g, '-')}.${s.region === 'us-east-1' ? 'ec2.internal' : `${s.region}.compute.internal`}`;
  const mac = stableId('', 12, HEX, s.account, s.region, 'mac', v.name).replace(/(..)(?!$)/g, '$1:');
  const rec: Rec = {
    NetworkInterfaceId: id, SubnetId: subnet.SubnetId, VpcId: subnet.VpcId, AvailabilityZone: subnet.AvailabilityZone, AvailabilityZoneId: subnet.AvailabilityZoneId,
    Description: v.description ?? '', OwnerId: s.account, InterfaceType: 'interface', Status: 'in-use', MacAddress: mac,
    PrivateIpAddress: v.ip, PrivateDnsName: dns, PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: v.ip, PrivateDnsName: dns }],
    Groups: groups, Ipv6Addresses: [], SourceDestCheck: true, RequesterManaged: !!v.requesterId, ...(v.requesterId ? { RequesterId: v.requesterId } : {}),
    Attachment: {
      AttachmentId: stableId('eni-attach-', 17, HEX, id), DeviceIndex: v.requesterId ? 1 : 0, Status: 'attached', AttachTime: '2026-01-12T08:00:00.000Z',
      DeleteOnTermination: !v.requesterId, InstanceOwnerId: v.requesterId ?? s.account,
      ...(v.requesterId ? {} : { InstanceId: stableId('i-', 17, HEX, s.account, s.region, 'instance', v.name) }),
    },
    TagSet: v.requesterId ? [] : [{ Key: 'Name', Value: v.name }],
  };
  s.state.networkInterfaces.set(id, rec);
  return rec;
}

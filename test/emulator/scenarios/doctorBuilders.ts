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
  if (v.scramSecrets?.length) {
    s.state.mskScramSecrets.set(arn, v.scramSecrets.map((n) =>
      `arn:aws:secretsmanager:${s.region}:${s.account}:secret:${n}-${stableId('', 6, BASE36, s.account, n)}`));
  }
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

// VPC resource path: ClickPipes → (Lattice) → resource gateway ENIs → target. The target sees the
// traffic coming from the gateway's own IP addresses (AWS VPC Lattice guide, "Resource gateways":
// "the source IP address of the traffic is the IP address of the resource gateway"), so the
// gateway's security groups must let the port out and the target's must let the gateway in —
// by its security group or its subnets' CIDRs (VPC Lattice guide, "Control traffic in VPC Lattice
// using security groups": security groups can be assigned to resource gateways; the target's
// rules control inbound traffic from VPC Lattice).
import type { ResourceConfiguration, ResourceGateway, Subnet } from '../resources';
import { t } from '../text';
import { admitting, describeRule, lettingOut } from './rules';
import type { DatabaseDetail, Fact, Hop, SgRule } from './types';

/** The elastic network interface that owns an IP target's address (EC2 DescribeNetworkInterfaces). */
export type InterfaceDetail = { id: string; vpcId: string; securityGroupIds: string[]; description?: string };

export type VpcResourceFacts = {
  configuration: Fact<ResourceConfiguration>;
  gateway: Fact<ResourceGateway>;
  /**
   * The RDS database an ARN configuration points to, or whose endpoint a DNS configuration names;
   * `undefined` for other targets.
   */
  target: Fact<DatabaseDetail | undefined>;
  /** IP targets only: the ENI owning the address in the gateway's VPC, `undefined` when none does. */
  targetInterface?: Fact<InterfaceDetail | undefined>;
  /** Rules of the gateway's and the target's security groups. */
  rules: Fact<SgRule[]>;
  gatewaySubnets: Fact<Subnet[]>;
};

const LATTICE_GATEWAY_DOC = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-gateway.html';
const LATTICE_SG_DOC = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/security-groups.html';
// "Single resource configuration: Represents an IP address or a domain name." The guide does not
// say the address must be in the gateway's VPC, so an address no ENI there owns stays unknown.
const LATTICE_CONFIGURATION_DOC = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-configuration.html';
const RDS_ENDPOINTS_DOC = 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.Endpoints.html';

/** What a DNS name suggests it is the endpoint of: a DB instance, a DB cluster, or an Aurora custom endpoint (by its identifier). */
export type RdsEndpointHint = { kind: 'instance' | 'cluster' | 'customEndpoint'; id: string };

/**
 * The RDS instance or cluster a DNS name looks like the endpoint of, in `region`: `<id>.<hash>.<region>.rds.amazonaws.com`
 * (instance), `<id>.cluster-<hash>…` (writer) or `<id>.cluster-ro-<hash>…` (reader), as the RDS endpoint
 * docs show them. A custom endpoint, `<name>.cluster-custom-<hash>…` (Aurora user guide, "Considerations
 * for custom endpoints", https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Endpoints.Custom.Considerations.html:
 * endpoint_name.cluster-custom-customer_DNS_identifier.AWS_Region.rds.amazonaws.com)
 * is named by the user, not by its cluster: the hint is the endpoint's identifier. Only a hint: the
 * caller reads that database (or endpoint) and compares its endpoints with the name.
 */
export function rdsEndpointHint(domainName: string, region: string): RdsEndpointHint | undefined {
  const m = /^([a-z][a-z0-9-]*)\.(cluster-custom-|cluster-ro-|cluster-)?[a-z0-9]+\.([a-z0-9-]+)\.rds\.amazonaws\.com(?:\.cn)?\.?$/.exec(domainName.toLowerCase());
  if (!m || m[3] !== region) return undefined;
  return { kind: m[2] === 'cluster-custom-' ? 'customEndpoint' : m[2] ? 'cluster' : 'instance', id: m[1] };
}

const unknownHop = (id: string, title: string, why: string): Hop => ({ id, title, verdict: 'unknown', evidence: [why] });

/** The port ClickPipes will use: the first port of the configuration's first range. */
export function configurationPort(c: ResourceConfiguration): number | undefined {
  const first = c.portRanges[0];
  const n = first ? Number(first.split('-')[0]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function checkVpcResource(f: VpcResourceFacts): Hop[] {
  const hops: Hop[] = [];
  const cfg = f.configuration;
  if (!cfg.ok) return [unknownHop('configuration', t('Resource configuration is active'), cfg.error)];
  const c = cfg.value;
  hops.push({
    id: 'configuration', title: t('Resource configuration is active'), verdict: c.status === 'ACTIVE' ? 'pass' : 'fail',
    evidence: [t('{0} is {1}', c.id, c.status), ...(c.failureReason ? [c.failureReason] : [])],
  });
  const port = configurationPort(c);
  const gw = f.gateway;
  if (!gw.ok) {
    hops.push(unknownHop('gateway', t('Resource gateway is active'), gw.error));
  } else {
    hops.push({
      id: 'gateway', title: t('Resource gateway is active'), verdict: gw.value.status === 'ACTIVE' ? 'pass' : 'fail',
      evidence: [t('{0} is {1}', gw.value.id, gw.value.status)], source: LATTICE_GATEWAY_DOC,
    });
  }
  const gatewaySgs = gw.ok ? gw.value.securityGroupIds : [];
  const subnetCidrs = f.gatewaySubnets.ok ? f.gatewaySubnets.value.map((s) => s.cidrBlock) : [];
  const egressTitle = t('Gateway security groups let port {0} out', port ?? '?');
  if (!gw.ok || !f.rules.ok || port === undefined) {
    hops.push(unknownHop('gatewayEgress', egressTitle, !gw.ok ? gw.error : !f.rules.ok ? f.rules.error : t('The configuration names no port.')));
  } else if (!gatewaySgs.length) {
    hops.push({ id: 'gatewayEgress', title: egressTitle, verdict: 'pass', evidence: [t('The gateway has no security groups.')], source: LATTICE_SG_DOC });
  } else {
    const eni = f.targetInterface?.ok ? f.targetInterface.value : undefined;
    const targetSgs = f.target.ok && f.target.value ? f.target.value.securityGroupIds : eni?.securityGroupIds ?? [];
    const out = lettingOut(f.rules.value, gatewaySgs, port, subnetCidrs, targetSgs);
    hops.push({
      id: 'gatewayEgress', title: egressTitle, verdict: out.length ? 'pass' : 'fail', source: LATTICE_SG_DOC,
      evidence: out.length ? out.map(describeRule) : [t('No egress rule of {0} allows TCP {1}.', gatewaySgs.join(', '), port)],
    });
  }
  hops.push(...targetHops(f, port, gatewaySgs, subnetCidrs, gw.ok ? gw.value : undefined));
  return hops;
}

function targetHops(f: VpcResourceFacts, port: number | undefined, gatewaySgs: string[], subnetCidrs: string[], gw?: ResourceGateway): Hop[] {
  const ingressTitle = t('Target admits the gateway on port {0}', port ?? '?');
  const placeTitle = t('Target is in the gateway\'s VPC');
  const availableTitle = t('Database is available on the configured port');
  if (!f.target.ok) return [ingressTitle, placeTitle, availableTitle].map((title, i) => unknownHop(['targetIngress', 'targetPlacement', 'targetAvailable'][i], title, f.target.ok ? '' : f.target.error));
  const db = f.target.value;
  const definition = f.configuration.ok ? f.configuration.value.definition : undefined;
  if (!db && definition?.kind === 'ip') return ipTargetHops(f, definition.ipAddress, ingressTitle, placeTitle, port, gatewaySgs, subnetCidrs, gw);
  if (!db && definition?.kind === 'dns') {
    // Resolving a private name from the user's machine proves nothing about what the gateway reaches.
    return [{ ...unknownHop('targetIngress', ingressTitle, t('{0} is not the endpoint of an RDS database of this region: the security groups in front of it are not known to the doctor.', definition.domainName)), source: RDS_ENDPOINTS_DOC }];
  }
  if (!db) {
    return [unknownHop('targetIngress', ingressTitle, t('The target is an IP address or a DNS name: the security groups in front of it are not known to the doctor.'))];
  }
  const hops: Hop[] = [ingressHop(f, ingressTitle, db.securityGroupIds, port, gatewaySgs, subnetCidrs, gw)];
  hops.push({
    id: 'targetPlacement', title: placeTitle,
    verdict: !gw || !db.vpcId ? 'unknown' : db.vpcId === gw.vpcId ? 'pass' : 'fail',
    evidence: [db.vpcId ? t('database VPC {0}, gateway VPC {1}', db.vpcId, gw?.vpcId ?? '?')
      : t('RDS does not name a DB cluster\'s VPC (DescribeDBClusters has no VPC id): not checked.')],
  });
  const available = db.status === 'available';
  const portOk = port === undefined || db.port === undefined || db.port === port;
  hops.push({
    id: 'targetAvailable', title: availableTitle, verdict: available && portOk ? 'pass' : 'fail',
    evidence: [t('{0} is {1}, listening on {2}; the configuration uses {3}', db.id, db.status, db.port ?? '?', port ?? '?')],
  });
  return hops;
}

/** The target's security groups admit the gateway (its group or its subnets' CIDRs); the fix adds a rule from the gateway's group. */
function ingressHop(f: VpcResourceFacts, title: string, groupIds: string[], port: number | undefined, gatewaySgs: string[], subnetCidrs: string[], gw?: ResourceGateway, lead: string[] = []): Hop {
  if (!f.rules.ok || port === undefined || !f.gatewaySubnets.ok) {
    return unknownHop('targetIngress', title, !f.rules.ok ? f.rules.error : !f.gatewaySubnets.ok ? f.gatewaySubnets.error : t('The configuration names no port.'));
  }
  const admit = admitting(f.rules.value, groupIds, port, gatewaySgs, subnetCidrs);
  return {
    id: 'targetIngress', title, verdict: admit.length ? 'pass' : 'fail', source: LATTICE_GATEWAY_DOC,
    evidence: [...lead, ...(admit.length ? admit.map(describeRule)
      : [t('No ingress rule of {0} admits TCP {1} from {2} or from the gateway subnets {3}.', groupIds.join(', ') || '-', port, gatewaySgs.join(', ') || '-', subnetCidrs.join(', ') || '-')])],
    ...(!admit.length && groupIds.length && gatewaySgs.length ? {
      fix: { kind: 'ingressRule' as const, groupId: groupIds[0], sourceGroupId: gatewaySgs[0], port, description: t('ClickPipes resource gateway {0}', gw?.id ?? '') },
    } : {}),
  };
}

/** An IP target: the ENI owning the address in the gateway's VPC fronts it with its security groups. */
function ipTargetHops(
  f: VpcResourceFacts, ip: string, ingressTitle: string, placeTitle: string, port: number | undefined, gatewaySgs: string[], subnetCidrs: string[], gw?: ResourceGateway,
): Hop[] {
  const eni = f.targetInterface;
  if (!eni) return [unknownHop('targetIngress', ingressTitle, t('The network interface of {0} was not looked up.', ip))];
  if (!eni.ok) return [unknownHop('targetIngress', ingressTitle, eni.error)];
  if (!eni.value) {
    // Never a pass or a fail: the address may be in a peered VPC, behind a transit gateway or on premises.
    return [{
      ...unknownHop('targetIngress', ingressTitle, t('No network interface in {0} owns {1}: the target may sit in a peered VPC or on premises, and the security groups in front of it are not known to the doctor.', gw?.vpcId ?? '?', ip)),
      source: LATTICE_CONFIGURATION_DOC,
    }];
  }
  const n = eni.value;
  const owner = t('{0} owns {1} ({2}; security groups {3})', n.id, ip, n.description || '-', n.securityGroupIds.join(', ') || '-');
  return [
    ingressHop(f, ingressTitle, n.securityGroupIds, port, gatewaySgs, subnetCidrs, gw, [owner]),
    { id: 'targetPlacement', title: placeTitle, verdict: gw && n.vpcId === gw.vpcId ? 'pass' : 'unknown', evidence: [t('{0} is in {1}, gateway VPC {2}', n.id, n.vpcId, gw?.vpcId ?? '?')] },
  ];
}

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

export type VpcResourceFacts = {
  configuration: Fact<ResourceConfiguration>;
  gateway: Fact<ResourceGateway>;
  /** The RDS database an ARN configuration points to; `undefined` for IP/DNS/CIDR targets. */
  target: Fact<DatabaseDetail | undefined>;
  /** Rules of the gateway's and the target's security groups. */
  rules: Fact<SgRule[]>;
  gatewaySubnets: Fact<Subnet[]>;
};

const LATTICE_GATEWAY_DOC = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-gateway.html';
const LATTICE_SG_DOC = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/security-groups.html';

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
    const targetSgs = f.target.ok && f.target.value ? f.target.value.securityGroupIds : [];
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
  if (!db) {
    return [unknownHop('targetIngress', ingressTitle, t('The target is an IP address or a DNS name: the security groups in front of it are not known to the doctor.'))];
  }
  const hops: Hop[] = [];
  if (!f.rules.ok || port === undefined || !f.gatewaySubnets.ok) {
    hops.push(unknownHop('targetIngress', ingressTitle, !f.rules.ok ? f.rules.error : !f.gatewaySubnets.ok ? f.gatewaySubnets.error : t('The configuration names no port.')));
  } else {
    const admit = admitting(f.rules.value, db.securityGroupIds, port, gatewaySgs, subnetCidrs);
    hops.push({
      id: 'targetIngress', title: ingressTitle, verdict: admit.length ? 'pass' : 'fail', source: LATTICE_GATEWAY_DOC,
      evidence: admit.length ? admit.map(describeRule)
        : [t('No ingress rule of {0} admits TCP {1} from {2} or from the gateway subnets {3}.', db.securityGroupIds.join(', ') || '-', port, gatewaySgs.join(', ') || '-', subnetCidrs.join(', ') || '-')],
      ...(!admit.length && db.securityGroupIds.length && gatewaySgs.length ? {
        fix: { kind: 'ingressRule' as const, groupId: db.securityGroupIds[0], sourceGroupId: gatewaySgs[0], port, description: t('ClickPipes resource gateway {0}', gw?.id ?? '') },
      } : {}),
    });
  }
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

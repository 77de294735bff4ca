// VPC endpoint service path: ClickPipes' interface endpoint → the service (principal allowed,
// connection accepted, offered in ClickPipes' region) → the NLB (listener on the port, its
// security groups when PrivateLink traffic is evaluated against them) → healthy targets.
// Sources: ClickHouse "AWS PrivateLink for ClickPipes" (allowed principal
// arn:aws:iam::072088201116:root, acceptance, supported regions for cross-region); ELBv2 user
// guide "Update the security groups for your Network Load Balancer" (no security group: all client
// traffic reaches the listeners; EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic, default on,
// decides whether inbound rules apply to PrivateLink traffic; when they apply, the source is the
// client's private IP address, not the endpoint interface) and "Target health" (states).
import { CLICKPIPES_ACCOUNT_ID, CLICKPIPES_PRINCIPAL_ARN, isClickPipesRegion } from '../clickpipes';
import type { EndpointService } from '../resources';
import { t } from '../text';
import { coversPort, describeRule } from './rules';
import type { Fact, FixRequest, Hop, SgRule } from './types';

export type NlbDetail = { arn: string; name: string; securityGroupIds: string[]; enforcePrivateLinkRules?: string };
export type ListenerDetail = { loadBalancerArn: string; port: number; protocol: string; targetGroupArns: string[] };
export type TargetHealthDetail = { targetGroupArn: string; targetId: string; port?: number; state: string; reason?: string; description?: string };

export type EndpointServiceFacts = {
  service: Fact<EndpointService>;
  loadBalancers: Fact<NlbDetail[]>;
  listeners: Fact<ListenerDetail[]>;
  targetHealth: Fact<TargetHealthDetail[]>;
  /** Rules of the NLBs' security groups (empty when they have none). */
  rules: Fact<SgRule[]>;
  /** The service's own region. */
  region: string;
  /** The region ClickPipes connects from, when known (a ClickHouse endpoint row knows it). */
  clickPipesRegion?: string;
  /** The port ClickPipes will use, when known. */
  port?: number;
};

const CH_DOC = 'https://clickhouse.com/docs/integrations/clickpipes/aws-privatelink';
const NLB_SG_DOC = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html';
const TARGET_HEALTH_DOC = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html';

const unknownHop = (id: string, title: string, why: string): Hop => ({ id, title, verdict: 'unknown', evidence: [why] });

export function checkEndpointService(f: EndpointServiceFacts): Hop[] {
  const hops: Hop[] = [];
  const titles = {
    service: t('Endpoint service is available'), principal: t('ClickPipes is an allowed principal'),
    connection: t('ClickPipes\' connection is accepted'), region: t('The service is offered in the ClickPipes region'),
  };
  if (!f.service.ok) {
    const why = f.service.error;
    hops.push(...Object.entries(titles).map(([id, title]) => unknownHop(id, title, why)));
  } else {
    hops.push(...serviceHops(f.service.value, f, titles));
  }
  hops.push(...nlbHops(f));
  return hops;
}

function serviceHops(s: EndpointService, f: EndpointServiceFacts, titles: Record<string, string>): Hop[] {
  const hops: Hop[] = [];
  hops.push({ id: 'service', title: titles.service, verdict: s.state === 'Available' ? 'pass' : 'fail', evidence: [t('{0} is {1}', s.id, s.state)] });
  const allowed = s.allowedPrincipals.filter((p) => p === CLICKPIPES_PRINCIPAL_ARN || p === '*' || p === CLICKPIPES_ACCOUNT_ID);
  hops.push({
    id: 'principal', title: titles.principal, verdict: allowed.length ? 'pass' : 'fail', source: CH_DOC,
    evidence: [t('allowed principals: {0}', s.allowedPrincipals.join(', ') || '-')],
    ...(allowed.length ? {} : { fix: { kind: 'allowPrincipal' as const, serviceId: s.id } }),
  });
  const mine = s.connections.filter((c) => c.owner === CLICKPIPES_ACCOUNT_ID);
  const pending = mine.filter((c) => c.state === 'PendingAcceptance');
  const bad = mine.filter((c) => ['Rejected', 'Failed', 'Expired'].includes(c.state));
  hops.push({
    id: 'connection', title: titles.connection, verdict: pending.length || bad.length ? 'fail' : 'pass', source: CH_DOC,
    evidence: mine.length ? mine.map((c) => `${c.vpcEndpointId}: ${c.state}${c.region ? ` (${c.region})` : ''}`) : [t('No ClickPipes connection yet.')],
    ...(pending.length ? { fix: { kind: 'acceptConnections' as const, serviceId: s.id, endpointIds: pending.map((c) => c.vpcEndpointId) } } : {}),
  });
  const offered = [f.region, ...s.supportedRegions.map((r) => r.region)];
  const wanted = f.clickPipesRegion ?? mine.find((c) => c.region)?.region;
  if (wanted) {
    const ok = offered.includes(wanted);
    hops.push({
      id: 'region', title: titles.region, verdict: ok ? 'pass' : 'fail', source: CH_DOC,
      evidence: [t('ClickPipes connects from {0}; the service is offered in {1}', wanted, [...new Set(offered)].join(', '))],
      ...(ok ? {} : { fix: { kind: 'addRegion' as const, serviceId: s.id, region: wanted } }),
    });
  } else {
    const ok = offered.some(isClickPipesRegion);
    hops.push({
      id: 'region', title: titles.region, verdict: ok ? 'pass' : 'fail', source: CH_DOC,
      evidence: [t('offered in {0}; {1}', [...new Set(offered)].join(', '), ok ? t('at least one is a ClickPipes region') : t('none is a ClickPipes region'))],
    });
  }
  return hops;
}

function nlbHops(f: EndpointServiceFacts): Hop[] {
  const listenerTitle = f.port ? t('An NLB listener covers port {0}', f.port) : t('The NLB has a listener');
  const healthTitle = t('Targets are healthy');
  const sgTitle = t('NLB security groups admit PrivateLink traffic');
  const hops: Hop[] = [];
  if (!f.listeners.ok) {
    hops.push(unknownHop('listener', listenerTitle, f.listeners.error));
  } else {
    const ports = f.listeners.value.map((l) => l.port);
    const ok = f.port ? ports.includes(f.port) : ports.length > 0;
    hops.push({ id: 'listener', title: listenerTitle, verdict: ok ? 'pass' : 'fail', evidence: [t('listener ports: {0}', ports.join(', ') || '-')] });
  }
  if (!f.targetHealth.ok) {
    hops.push(unknownHop('targets', healthTitle, f.targetHealth.error));
  } else {
    const all = f.targetHealth.value;
    const sick = all.filter((h) => h.state !== 'healthy');
    hops.push({
      id: 'targets', title: healthTitle, verdict: all.length && !sick.length ? 'pass' : 'fail', source: TARGET_HEALTH_DOC,
      evidence: all.length
        ? all.map((h) => `${h.targetId}${h.port ? `:${h.port}` : ''} ${h.state}${h.reason ? ` (${h.reason}${h.description ? `: ${h.description}` : ''})` : ''}`)
        : [t('No registered targets.')],
    });
  }
  if (!f.loadBalancers.ok || !f.rules.ok || !f.listeners.ok) {
    const why = !f.loadBalancers.ok ? f.loadBalancers.error : !f.rules.ok ? f.rules.error : f.listeners.ok ? '' : f.listeners.error;
    hops.push(unknownHop('nlbSecurityGroups', sgTitle, why));
    return hops;
  }
  const evidence: string[] = [];
  let verdict: Hop['verdict'] = 'pass';
  let fix: FixRequest | undefined;
  for (const lb of f.loadBalancers.value) {
    if (!lb.securityGroupIds.length) { evidence.push(t('{0}: no security groups, all client traffic reaches the listeners', lb.name)); continue; }
    if (lb.enforcePrivateLinkRules === 'off') { evidence.push(t('{0}: inbound rules are not evaluated for PrivateLink traffic', lb.name)); continue; }
    const ports = f.listeners.value.filter((l) => l.loadBalancerArn === lb.arn).map((l) => f.port ?? l.port);
    for (const port of [...new Set(ports)]) {
      // Evaluated PrivateLink traffic comes from the client's own private address (NLB guide,
      // considerations), and ClickPipes' addresses are not published: only a rule open to every
      // address is known to admit it; a narrower CIDR may or may not.
      const rules = f.rules.value.filter((r) => !r.egress && lb.securityGroupIds.includes(r.groupId) && coversPort(r, port) && r.cidr);
      const open = rules.filter((r) => r.cidr === '0.0.0.0/0');
      if (open.length) evidence.push(...open.map(describeRule));
      else if (rules.length) {
        if (verdict === 'pass') verdict = 'unknown';
        evidence.push(...rules.map(describeRule), t('{0}: these rules admit only part of the addresses; ClickPipes connects from addresses the doctor cannot know', lb.name));
      } else {
        verdict = 'fail';
        fix ??= { kind: 'nlbPrivateLinkRules', loadBalancerArn: lb.arn, loadBalancerName: lb.name, securityGroupIds: lb.securityGroupIds };
        evidence.push(t('{0}: no inbound rule of {1} admits TCP {2}; add one for the PrivateLink traffic, or turn off inbound rule evaluation for PrivateLink traffic', lb.name, lb.securityGroupIds.join(', '), port));
      }
    }
  }
  hops.push({ id: 'nlbSecurityGroups', title: sgTitle, verdict, evidence, source: NLB_SG_DOC, ...(verdict === 'fail' && fix ? { fix } : {}) });
  return hops;
}

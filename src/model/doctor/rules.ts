// Security group rule matching: does a set of rules admit (or let out) TCP traffic on a port from
// a source group or CIDR? Security groups are stateful and allow-only, so one matching rule is
// enough (Amazon VPC user guide, "Security group rules").
import { parseCidr } from '../cidr';
import type { SgRule } from './types';

export function coversPort(rule: SgRule, port: number): boolean {
  if (rule.protocol === '-1') return true;
  if (rule.protocol !== 'tcp' && rule.protocol !== '6') return false;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** Whether `inner` lies within `outer` (both IPv4 CIDRs). */
export function cidrWithin(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  if (!a || !b || a.prefix < b.prefix) return false;
  const size = 2 ** (32 - b.prefix);
  return Math.floor(a.network / size) === Math.floor(b.network / size);
}

/** The ingress rules of `groupIds` admitting `port` from one of `sourceGroups`, or from a CIDR holding every `sourceCidrs`. */
export function admitting(rules: SgRule[], groupIds: string[], port: number, sourceGroups: string[], sourceCidrs: string[]): SgRule[] {
  return rules.filter((r) => !r.egress && groupIds.includes(r.groupId) && coversPort(r, port) && (
    (r.referencedGroupId !== undefined && sourceGroups.includes(r.referencedGroupId))
    || (r.cidr !== undefined && sourceCidrs.length > 0 && sourceCidrs.every((c) => cidrWithin(c, r.cidr!)))));
}

/** The egress rules of `groupIds` letting TCP `port` out to `destinationCidrs` (or to any of `destinationGroups`). */
export function lettingOut(rules: SgRule[], groupIds: string[], port: number, destinationCidrs: string[], destinationGroups: string[] = []): SgRule[] {
  return rules.filter((r) => r.egress && groupIds.includes(r.groupId) && coversPort(r, port) && (
    (r.cidr !== undefined && (r.cidr === '0.0.0.0/0' || (destinationCidrs.length > 0 && destinationCidrs.every((c) => cidrWithin(c, r.cidr!)))))
    || (r.referencedGroupId !== undefined && destinationGroups.includes(r.referencedGroupId))));
}

export const describeRule = (r: SgRule): string =>
  `${r.id} (${r.groupId} ${r.egress ? 'egress' : 'ingress'} ${r.protocol === '-1' ? 'all traffic' : `${r.protocol} ${r.fromPort}-${r.toPort}`} ${r.egress ? 'to' : 'from'} ${r.cidr ?? r.referencedGroupId ?? '?'})`;

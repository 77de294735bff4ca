// EC2 security group rules: DescribeSecurityGroupRules (one record per rule, derived from each
// group's IpPermissions/IpPermissionsEgress so DescribeSecurityGroups and this call always agree)
// and AuthorizeSecurityGroupIngress (IpPermissions.N with IpRanges.M / Groups.M, or the legacy
// top-level CidrIp/FromPort/ToPort/IpProtocol form). Members and the `groups` query name of
// UserIdGroupPairs follow botocore ec2 2016-11-15 service-2.json.
import { filtersParam, listParam, optionalParam, requireParam, structListParam } from '../../core/protocols';
import { ApiError, EmuRequest, World } from '../../core/types';
import { dryRunGate, QueryOperation } from './dispatch';
import { checkFilterNames, intParam, matchesFilters, page } from './params';
import { badEc2Token } from './ec2Network';

type Rec = Record<string, any>;

/** A stable rule id from what the rule says (FNV-1a → 17 hex), so the same rule keeps its id. */
export function ruleId(...parts: unknown[]): string {
  let h = 0x811c9dc5;
  let out = 'sgr-';
  const text = parts.join('|');
  for (let round = 0; out.length < 21; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 21);
}

const region = (world: World, req: EmuRequest) => world.region(req.accountId, req.region);

/** One SecurityGroupRule per source (CIDR or referenced group) of each permission. */
export function rulesOf(group: Rec, region: string): Rec[] {
  const out: Rec[] = [];
  const add = (perm: Rec, egress: boolean, source: Rec) => {
    const id = ruleId(group.GroupId, egress, perm.IpProtocol, perm.FromPort, perm.ToPort,
      source.CidrIp ?? source.CidrIpv6 ?? source.GroupId);
    out.push({
      SecurityGroupRuleId: id, GroupId: group.GroupId, GroupOwnerId: group.OwnerId, IsEgress: egress,
      IpProtocol: perm.IpProtocol, FromPort: perm.IpProtocol === '-1' ? -1 : perm.FromPort, ToPort: perm.IpProtocol === '-1' ? -1 : perm.ToPort,
      ...(source.CidrIp ? { CidrIpv4: source.CidrIp } : {}),
      ...(source.CidrIpv6 ? { CidrIpv6: source.CidrIpv6 } : {}),
      ...(source.GroupId ? { ReferencedGroupInfo: { GroupId: source.GroupId, UserId: source.UserId ?? group.OwnerId } } : {}),
      ...(source.Description ? { Description: source.Description } : {}),
      Tags: [], SecurityGroupRuleArn: `arn:aws:ec2:${region}:${group.OwnerId}:security-group-rule/${id}`,
    });
  };
  for (const [list, egress] of [[group.IpPermissions ?? [], false], [group.IpPermissionsEgress ?? [], true]] as const) {
    for (const perm of list as Rec[]) {
      for (const r of perm.IpRanges ?? []) add(perm, egress, r);
      for (const r of perm.Ipv6Ranges ?? []) add(perm, egress, r);
      for (const p of perm.UserIdGroupPairs ?? []) add(perm, egress, p);
    }
  }
  return out;
}

export const describeSecurityGroupRules: QueryOperation = (req, world) => {
  const ids = listParam(req, 'SecurityGroupRuleId');
  const parsed = filtersParam(req);
  checkFilterNames(parsed, ['group-id', 'security-group-rule-id']);
  const maxResults = intParam(req, 'MaxResults', 5, 1000);
  let rules = [...region(world, req).securityGroups.values()].flatMap((g) => rulesOf(g, req.region));
  if (ids.length) {
    const missing = ids.filter((id) => !rules.some((r) => r.SecurityGroupRuleId === id));
    if (missing.length) throw new ApiError('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${missing[0]}' does not exist`);
    rules = rules.filter((r) => ids.includes(r.SecurityGroupRuleId));
  }
  rules = rules.filter((r) => matchesFilters(r, parsed, {
    'group-id': (x) => x.GroupId, 'security-group-rule-id': (x) => x.SecurityGroupRuleId,
  }));
  const { page: out, nextToken } = page(req, 'security-group-rules', rules, maxResults ?? Math.max(rules.length, 1),
    optionalParam(req, 'NextToken'), badEc2Token);
  return { SecurityGroupRules: out, NextToken: nextToken };
};

/** Sub-list `prefix.M.Field` inside one flattened IpPermissions.N record. */
function subList(rec: Record<string, string>, prefix: string): Array<Record<string, string>> {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [k, v] of Object.entries(rec)) {
    const m = new RegExp(`^${prefix}\\.(\\d+)\\.(.+)$`).exec(k);
    if (!m) continue;
    const entry = byIndex.get(Number(m[1])) ?? {};
    entry[m[2]] = v;
    byIndex.set(Number(m[1]), entry);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
}

const PROTOCOLS: Record<string, string> = { tcp: 'tcp', udp: 'udp', icmp: 'icmp', '6': 'tcp', '17': 'udp', '1': 'icmp', '-1': '-1', all: '-1' };

function port(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1 || n > 65535) throw new ApiError('InvalidParameterValue', `Invalid value '${value}' for ${name}`);
  return n;
}

export const authorizeSecurityGroupIngress: QueryOperation = (req, world) => {
  const groups = region(world, req).securityGroups;
  const groupId = optionalParam(req, 'GroupId');
  const groupName = optionalParam(req, 'GroupName');
  if (!groupId && !groupName) requireParam(req, 'GroupId');
  const group = groupId ? groups.get(groupId) : [...groups.values()].find((g) => g.GroupName === groupName);
  if (!group) {
    if (groupId && !/^sg-[0-9a-z]+$/.test(groupId)) throw new ApiError('InvalidGroupId.Malformed', `Invalid id: "${groupId}" (expecting "sg-...")`);
    throw new ApiError('InvalidGroup.NotFound', `The security group '${groupId ?? groupName}' does not exist`);
  }
  let perms = structListParam(req, 'IpPermissions');
  if (!perms.length && optionalParam(req, 'IpProtocol')) {
    perms = [{ IpProtocol: optionalParam(req, 'IpProtocol')!, ...(optionalParam(req, 'FromPort') ? { FromPort: optionalParam(req, 'FromPort')! } : {}),
      ...(optionalParam(req, 'ToPort') ? { ToPort: optionalParam(req, 'ToPort')! } : {}),
      ...(optionalParam(req, 'CidrIp') ? { 'IpRanges.1.CidrIp': optionalParam(req, 'CidrIp')! } : {}) }];
  }
  if (!perms.length) throw new ApiError('MissingParameter', 'No IP permissions were specified.');
  const added: Rec[] = [];
  for (const p of perms) {
    const protocol = PROTOCOLS[String(p.IpProtocol ?? '').toLowerCase()];
    if (!protocol) throw new ApiError('InvalidParameterValue', `Invalid value '${p.IpProtocol}' for IP protocol. Unknown protocol.`);
    const from = port(p.FromPort, 'fromPort');
    const to = port(p.ToPort, 'toPort');
    if (protocol !== '-1' && (from === undefined || to === undefined)) {
      throw new ApiError('InvalidParameterValue', 'Invalid value for portRange. Must specify both from and to ports with TCP/UDP.');
    }
    if (from !== undefined && to !== undefined && from > to && protocol !== 'icmp') {
      throw new ApiError('InvalidParameterValue', `Invalid TCP/UDP port range: ${from}-${to}`);
    }
    const ranges = subList(p, 'IpRanges').map((r) => ({ CidrIp: r.CidrIp, ...(r.Description ? { Description: r.Description } : {}) }));
    const pairs = subList(p, 'Groups').map((g) => ({ GroupId: g.GroupId, UserId: g.UserId ?? group.OwnerId, ...(g.Description ? { Description: g.Description } : {}) }));
    for (const r of ranges) {
      if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(r.CidrIp ?? '')) throw new ApiError('InvalidParameterValue', `CIDR block ${r.CidrIp} is malformed`);
    }
    for (const g of pairs) {
      if (!groups.has(g.GroupId)) throw new ApiError('InvalidGroup.NotFound', `The security group '${g.GroupId}' does not exist`);
    }
    if (!ranges.length && !pairs.length) throw new ApiError('MissingParameter', 'No source (CIDR or security group) was specified.');
    const perm = { IpProtocol: protocol, ...(protocol === '-1' ? {} : { FromPort: from, ToPort: to }) };
    const existing = rulesOf(group, req.region);
    for (const source of [...ranges, ...pairs] as Rec[]) {
      const id = ruleId(group.GroupId, false, perm.IpProtocol, (perm as Rec).FromPort, (perm as Rec).ToPort, source.CidrIp ?? source.GroupId);
      if (existing.some((r) => r.SecurityGroupRuleId === id) || added.some((r) => r.id === id)) {
        throw new ApiError('InvalidPermission.Duplicate',
          `the specified rule "peer: ${source.CidrIp ?? source.GroupId}, ${protocol.toUpperCase()}, from port: ${from}, to port: ${to}, ALLOW" already exists`);
      }
      added.push({ id, perm, source });
    }
  }
  dryRunGate(req);
  for (const { perm, source } of added) {
    const list: Rec[] = group.IpPermissions ?? (group.IpPermissions = []);
    const p = perm as Rec;
    let target: Rec | undefined = list.find((x) => x.IpProtocol === p.IpProtocol && x.FromPort === p.FromPort && x.ToPort === p.ToPort);
    if (!target) { target = { ...p, IpRanges: [], UserIdGroupPairs: [] }; list.push(target); }
    if (source.CidrIp) (target.IpRanges ?? (target.IpRanges = [])).push(source);
    else (target.UserIdGroupPairs ?? (target.UserIdGroupPairs = [])).push(source);
  }
  const ids = new Set(added.map((a) => a.id));
  return { Return: true, SecurityGroupRules: rulesOf(group, req.region).filter((r) => ids.has(r.SecurityGroupRuleId)) };
};

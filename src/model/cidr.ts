// IPv4 CIDR arithmetic for subnet sizing (the /26 recommendation and the /28 block each reverse
// private endpoint needs) and "is this IP in the VPC" checks. IPv4 addresses are unsigned 32-bit
// numbers; IPv6 ones (only for "in the VPC") 128-bit bigints.

export type Cidr = { network: number; prefix: number; text: string };

/** AWS reserves the first four and the last address of every subnet. */
export const AWS_RESERVED_PER_SUBNET = 5;

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    // No leading zeros: `010` is octal to some tools and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== undefined;
}

export function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.length > 45) return false;
  let groups = text.split(':');
  // An embedded IPv4 tail counts as two groups.
  const last = groups[groups.length - 1];
  if (last.includes('.')) {
    if (!isIpv4(last)) return false;
    groups = [...groups.slice(0, -1), '0', '0'];
  }
  const doubleColons = text.split('::').length - 1;
  if (doubleColons > 1) return false;
  if (doubleColons === 0) return groups.length === 8 && groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g));
  const [head, tail] = text.split('::');
  const count = (s: string) => (s === '' ? [] : s.split(':'));
  const headGroups = count(head);
  const tailGroups = count(tail.includes('.') ? tail.replace(/[^:]*$/, '0:0') : tail);
  const all = [...headGroups, ...tailGroups];
  return all.length <= 7 && all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g));
}

/** Parses `a.b.c.d/p`. Host bits must be zero (AWS rejects `10.0.0.1/16` as a VPC or subnet CIDR). */
export function parseCidr(text: string): Cidr | undefined {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const network = parseIpv4(match[1]);
  const prefix = Number(match[2]);
  if (network === undefined || prefix > 32) return undefined;
  if (network % cidrSize(prefix) !== 0) return undefined;
  return { network, prefix, text };
}

/** Number of addresses in a prefix: /26 → 64. */
export function cidrSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** An IPv6 address as a 128-bit number (an embedded IPv4 tail counts as its last 32 bits). */
export function parseIpv6(text: string): bigint | undefined {
  if (!isIpv6(text)) return undefined;
  const tail = text.includes('.') ? parseIpv4(text.slice(text.lastIndexOf(':') + 1)) : undefined;
  const body = tail === undefined ? text : `${text.slice(0, text.lastIndexOf(':') + 1)}${(tail >>> 16).toString(16)}:${(tail & 0xffff).toString(16)}`;
  const [head, rest] = body.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const all = rest === undefined ? groups(head) : [...groups(head), ...Array(8 - groups(head).length - groups(rest).length).fill('0'), ...groups(rest)];
  return all.reduce((n, g) => (n << 16n) + BigInt(parseInt(g, 16)), 0n);
}

function ipv6InCidr(ip: string, cidr: string): boolean {
  const m = /^([0-9a-fA-F:.]+)\/(\d{1,3})$/.exec(cidr);
  const address = parseIpv6(ip);
  const network = m ? parseIpv6(m[1]) : undefined;
  const prefix = m ? Number(m[2]) : NaN;
  if (address === undefined || network === undefined || !(prefix >= 0 && prefix <= 128)) return false;
  const shift = BigInt(128 - prefix);
  return address >> shift === network >> shift;
}

export function ipInCidr(ip: string, cidr: string): boolean {
  if (ip.includes(':')) return ipv6InCidr(ip, cidr);
  const address = parseIpv4(ip);
  const block = parseCidr(cidr);
  if (address === undefined || !block) return false;
  return address >= block.network && address < block.network + cidrSize(block.prefix);
}

export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  if (!a || !b) return false;
  return b.prefix >= a.prefix && b.network >= a.network && b.network + cidrSize(b.prefix) <= a.network + cidrSize(a.prefix);
}

/** True when the IP falls in any of the VPC's CIDR blocks (IPv4 or IPv6). */
export function vpcContainsIp(vpcCidrs: readonly string[], ip: string): boolean {
  return vpcCidrs.some((cidr) => ipInCidr(ip, cidr));
}

/** ClickHouse recommends at least a /26 (64 addresses) per resource-gateway subnet. */
export function isAtLeastSlash26(cidr: string): boolean {
  const block = parseCidr(cidr);
  return block !== undefined && block.prefix <= 26;
}

export type FreeBlockEstimate = 'yes' | 'maybe' | 'no';

/**
 * Does the subnet still hold a free, aligned /28 (16 consecutive addresses)?
 *
 * DescribeSubnets only gives a count of free addresses, not which ones, so this is a bound:
 *  - 'no'    when fewer than 16 addresses are free, or the subnet is /28 or smaller (its 5 reserved
 *            addresses always sit inside its only block);
 *  - 'yes'   when even the worst case leaves a block: the reserved addresses spoil at most the first
 *            and last /28, and each used address spoils at most one more block;
 *  - 'maybe' otherwise: enough free addresses, but used ones may be scattered across every block.
 */
export function freeSlash28Estimate(subnetCidr: string, availableIpAddressCount: number): FreeBlockEstimate {
  const block = parseCidr(subnetCidr);
  if (!block || block.prefix > 27 || availableIpAddressCount < 16) return 'no';
  const size = cidrSize(block.prefix);
  const blocks = size / 16;
  const used = Math.max(0, size - AWS_RESERVED_PER_SUBNET - availableIpAddressCount);
  return blocks - 2 - used >= 1 ? 'yes' : 'maybe';
}

/** The optimistic reading of {@link freeSlash28Estimate}: false only when a block is impossible. */
export function hasFreeSlash28Block(subnetCidr: string, availableIpAddressCount: number): boolean {
  return freeSlash28Estimate(subnetCidr, availableIpAddressCount) !== 'no';
}

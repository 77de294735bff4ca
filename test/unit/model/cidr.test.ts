import * as assert from 'node:assert/strict';
import {
  cidrContains, cidrSize, formatIpv4, freeSlash28Estimate, hasFreeSlash28Block, ipInCidr, isAtLeastSlash26, isIpv4, isIpv6,
  parseCidr, parseIpv4, vpcContainsIp,
} from '../../../src/model/cidr';

describe('cidr', () => {
  it('parses and formats IPv4', () => {
    assert.equal(parseIpv4('10.0.1.2'), 10 * 2 ** 24 + 258);
    assert.equal(formatIpv4(parseIpv4('255.255.255.255')!), '255.255.255.255');
    assert.equal(formatIpv4(0), '0.0.0.0');
    for (const bad of ['', '10.0.0', '10.0.0.256', '10.0.0.01', '1.2.3.4.5', 'a.b.c.d', '10.0.0.-1']) assert.equal(parseIpv4(bad), undefined, bad);
  });

  it('recognizes IPv6', () => {
    for (const good of ['::1', '::', '2001:db8::1', 'fe80::1:2:3:4', '2001:0db8:0000:0000:0000:ff00:0042:8329', '::ffff:10.0.0.1']) assert.ok(isIpv6(good), good);
    for (const bad of ['1::2::3', '2001:db8:::1', '12345::', 'g::1', '1:2:3:4:5:6:7', '10.0.0.1', '1:2:3:4:5:6:7:8:9']) assert.ok(!isIpv6(bad), bad);
    assert.ok(isIpv4('192.168.0.1'));
  });

  it('IPv6 addresses in IPv6 CIDRs (the VPC\'s /56 blocks), and never in an IPv4 one', () => {
    assert.ok(ipInCidr('2600:1f18:abcd:12ff::5', '2600:1f18:abcd:1200::/56'));
    assert.ok(ipInCidr('2600:1F18:ABCD:1200::', '2600:1f18:abcd:1200::/56'));
    assert.ok(!ipInCidr('2600:1f18:abcd:1300::1', '2600:1f18:abcd:1200::/56'));
    assert.ok(ipInCidr('::ffff:10.0.0.1', '::ffff:0:0/96'));
    assert.ok(!ipInCidr('2001:db8::1', '10.0.0.0/8'));
    assert.ok(!ipInCidr('10.0.0.1', '2600:1f18:abcd:1200::/56'));
    assert.ok(!ipInCidr('2600:1f18:abcd:1200::1', '2600:1f18:abcd:1200::/129'));
    assert.ok(vpcContainsIp(['10.0.0.0/16', '2600:1f18:abcd:1200::/56'], '2600:1f18:abcd:1234::9'));
  });

  it('parses CIDRs, rejects host bits', () => {
    assert.deepEqual(parseCidr('10.0.0.0/16'), { network: parseIpv4('10.0.0.0'), prefix: 16, text: '10.0.0.0/16' });
    assert.ok(parseCidr('0.0.0.0/0'));
    for (const bad of ['10.0.0.1/16', '10.0.0.0/33', '10.0.0.0', '10.0.0.0/', 'x/16', '10.0.0.0/016']) assert.equal(parseCidr(bad), undefined, bad);
  });

  it('sizes and containment', () => {
    assert.equal(cidrSize(26), 64);
    assert.equal(cidrSize(28), 16);
    assert.equal(cidrSize(0), 2 ** 32);
    assert.ok(ipInCidr('10.0.255.255', '10.0.0.0/16'));
    assert.ok(!ipInCidr('10.1.0.0', '10.0.0.0/16'));
    assert.ok(!ipInCidr('bad', '10.0.0.0/16'));
    assert.ok(cidrContains('10.0.0.0/16', '10.0.4.0/24'));
    assert.ok(cidrContains('10.0.0.0/16', '10.0.0.0/16'));
    assert.ok(!cidrContains('10.0.4.0/24', '10.0.0.0/16'));
    assert.ok(!cidrContains('10.0.0.0/16', '10.1.0.0/24'));
    assert.ok(vpcContainsIp(['172.31.0.0/16', '10.0.0.0/24'], '10.0.0.9'));
    assert.ok(!vpcContainsIp(['172.31.0.0/16'], '10.0.0.9'));
  });

  it('/26 check', () => {
    assert.ok(isAtLeastSlash26('10.0.0.0/26'));
    assert.ok(isAtLeastSlash26('10.0.0.0/24'));
    assert.ok(!isAtLeastSlash26('10.0.0.0/27'));
    assert.ok(!isAtLeastSlash26('nope'));
  });

  it('free /28 estimate', () => {
    // /24: 16 blocks, 251 usable. Nothing used → yes.
    assert.equal(freeSlash28Estimate('10.0.0.0/24', 251), 'yes');
    // 13 used → 16 - 2 - 13 = 1 block survives the worst case.
    assert.equal(freeSlash28Estimate('10.0.0.0/24', 238), 'yes');
    // 14 used → worst case spoils every block, but 237 free addresses might still hold one.
    assert.equal(freeSlash28Estimate('10.0.0.0/24', 237), 'maybe');
    assert.equal(freeSlash28Estimate('10.0.0.0/24', 15), 'no');
    // /28 subnet: reserved addresses sit inside its only block.
    assert.equal(freeSlash28Estimate('10.0.0.0/28', 11), 'no');
    // /27: two blocks, both touched by reserved addresses in the worst case.
    assert.equal(freeSlash28Estimate('10.0.0.0/27', 27), 'maybe');
    assert.equal(freeSlash28Estimate('10.0.0.0/26', 59), 'yes');
    assert.equal(freeSlash28Estimate('bad', 100), 'no');
    assert.ok(hasFreeSlash28Block('10.0.0.0/24', 237));
    assert.ok(!hasFreeSlash28Block('10.0.0.0/24', 10));
  });
});

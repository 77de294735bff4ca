import * as assert from 'node:assert/strict';
import {
  CopyCommand, FormCancelCommand, isVpcResourceForm, LoadVpcRequest, parseInbound, ReadyCommand, RetryApplyCommand, SubmitVpcResourceCommand,
} from '../../../src/webviews/protocol';
import { buildCsp, makeNonce, renderHtml } from '../../../src/webviews/html';

const accepted = [ReadyCommand, LoadVpcRequest, SubmitVpcResourceCommand, FormCancelCommand, CopyCommand, RetryApplyCommand];

const goodForm = {
  gatewayMode: 'new', gatewayName: 'cp-gw', vpcId: 'vpc-0abc', subnetIds: ['subnet-1'], securityGroupIds: [], ipAddressType: 'IPV4',
  configurationName: 'cp-cfg', configurationType: 'ARN', definitionKind: 'arn', arn: 'arn:aws:rds:us-east-1:111122223333:cluster:db', protocol: 'TCP',
  shareName: 'cp-share', allowExternalPrincipals: true,
};

describe('webviews/protocol: inbound validation', () => {
  it('accepts well-formed messages', () => {
    assert.ok(parseInbound({ method: 'core/ready' }, accepted).ok);
    assert.ok(parseInbound({ method: 'core/ready', params: {} }, accepted).ok);
    assert.ok(parseInbound({ id: 'r1', method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123abcd' } }, accepted).ok);
    assert.ok(parseInbound({ method: 'vpcResource/submit', params: { values: goodForm } }, accepted).ok);
    assert.ok(parseInbound({ method: 'result/copy', params: { label: 'ID', value: 'rcfg-1' } }, accepted).ok);
    assert.ok(parseInbound({ method: 'result/retry', params: { planId: 'plan-1' } }, accepted).ok);
  });

  const malformed: [string, unknown][] = [
    ['null', null],
    ['a string', 'core/ready'],
    ['a number', 42],
    ['an array', [{ method: 'core/ready' }]],
    ['no method', { params: {} }],
    ['method not a string', { method: 7 }],
    ['unknown method', { method: 'core/exec', params: { cmd: 'rm -rf /' } }],
    ['method of another panel', { method: 'vscode/runCommand' }],
    ['extra top-level key', { method: 'core/ready', command: 'x' }],
    ['prototype pollution key', JSON.parse('{"method":"core/ready","__proto__":{"x":1}}')],
    ['ready with params', { method: 'core/ready', params: { x: 1 } }],
    ['command with an id', { id: 'r1', method: 'form/cancel' }],
    ['request without id', { method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123' } }],
    ['request with a bad id', { id: '../../etc', method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123' } }],
    ['request with a numeric id', { id: 5, method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123' } }],
    ['loadVpc not a vpc id', { id: 'r2', method: 'vpcResource/loadVpc', params: { vpcId: 'subnet-0123' } }],
    ['loadVpc extra param', { id: 'r2', method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123', region: 'x' } }],
    ['loadVpc huge value', { id: 'r2', method: 'vpcResource/loadVpc', params: { vpcId: `vpc-${'a'.repeat(5000)}` } }],
    ['submit without values', { method: 'vpcResource/submit', params: {} }],
    ['submit values not an object', { method: 'vpcResource/submit', params: { values: 'x' } }],
    ['submit unknown type', { method: 'vpcResource/submit', params: { values: { ...goodForm, configurationType: 'CIDR' } } }],
    ['submit unknown gateway mode', { method: 'vpcResource/submit', params: { values: { ...goodForm, gatewayMode: 'maybe' } } }],
    ['submit subnets not a list', { method: 'vpcResource/submit', params: { values: { ...goodForm, subnetIds: 'subnet-1' } } }],
    ['submit subnets of numbers', { method: 'vpcResource/submit', params: { values: { ...goodForm, subnetIds: [1, 2] } } }],
    ['submit too many subnets', { method: 'vpcResource/submit', params: { values: { ...goodForm, subnetIds: Array.from({ length: 51 }, (_, i) => `subnet-${i}`) } } }],
    ['submit unexpected field', { method: 'vpcResource/submit', params: { values: { ...goodForm, principal: '123456789012' } } }],
    ['submit protocol UDP', { method: 'vpcResource/submit', params: { values: { ...goodForm, protocol: 'UDP' } } }],
    ['submit allowExternal as string', { method: 'vpcResource/submit', params: { values: { ...goodForm, allowExternalPrincipals: 'true' } } }],
    ['submit missing share name', { method: 'vpcResource/submit', params: { values: { ...goodForm, shareName: undefined } } }],
    ['copy without value', { method: 'result/copy', params: { label: 'x' } }],
    ['copy value too long', { method: 'result/copy', params: { label: 'x', value: 'v'.repeat(5000) } }],
    ['retry with a path plan id', { method: 'result/retry', params: { planId: '../journal' } }],
  ];

  for (const [name, raw] of malformed) {
    it(`rejects ${name}`, () => {
      const parsed = parseInbound(raw, accepted);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.ok(parsed.reason.length > 0);
    });
  }

  it('has at least 20 malformed cases', () => assert.ok(malformed.length >= 20));

  it('checks only the listed messages for each panel', () => {
    assert.equal(parseInbound({ method: 'result/copy', params: { label: 'a', value: 'b' } }, [ReadyCommand]).ok, false);
  });

  it('form shape guard accepts an empty optional and rejects a wrong enum', () => {
    assert.ok(isVpcResourceForm({ ...goodForm, subnetIds: undefined }));
    assert.ok(!isVpcResourceForm({ ...goodForm, ipAddressType: 'IPV5' }));
  });
});

describe('webviews/html: CSP', () => {
  it('closes everything but the nonce script and our own styles', () => {
    const csp = buildCsp({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abcDEF123456' });
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abcDEF123456'(;|$)/);
    assert.match(csp, /style-src https:\/\/x\.vscode-cdn\.net(;|$)/);
    assert.match(csp, /connect-src 'none'/);
    assert.match(csp, /form-action 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.doesNotMatch(csp, /font-src/);
    assert.match(buildCsp({ cspSource: 's', nonce: 'abcDEF123456', fonts: true }), /font-src s/);
  });

  it('refuses a weak nonce and a CSP source that would inject directives', () => {
    assert.throws(() => buildCsp({ cspSource: 's', nonce: 'x' }));
    assert.throws(() => buildCsp({ cspSource: "s; script-src 'unsafe-inline'", nonce: 'abcDEF123456' }));
  });

  it('makes a fresh nonce each time', () => {
    const a = makeNonce();
    assert.notEqual(a, makeNonce());
    assert.ok(/^[A-Za-z0-9]{16,}$/.test(a));
  });

  it('renders the script with the nonce and escapes the title', () => {
    const html = renderHtml({ cspSource: 's', nonce: 'abcDEF123456', title: '<x>"', scriptUri: 'https://a/b.js', styleUris: ['https://a/c.css'], app: 'vpcResource' });
    assert.match(html, /<script nonce="abcDEF123456" src="https:\/\/a\/b.js"><\/script>/);
    assert.match(html, /<title>&lt;x&gt;&quot;<\/title>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });
});

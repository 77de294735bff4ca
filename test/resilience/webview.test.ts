// Malformed webview messages: every inbound message type of every webview (the forms, the result
// view, the handshake) fed seeded garbage through parseInbound, the function WebviewHost.receive
// runs on every postMessage before anything is acted on. The host itself needs VS Code; its
// receive() is exercised in the extension-host suite (plans.test.ts: rejected counter).
import * as assert from 'node:assert/strict';
import * as endpointService from '../../src/webviews/endpointServiceProtocol';
import * as iamDbAuth from '../../src/webviews/iamDbAuthProtocol';
import * as msk from '../../src/webviews/mskProtocol';
import * as core from '../../src/webviews/protocol';
import { IpcCommand, IpcRequest, parseInbound } from '../../src/webviews/protocol';
import { RDS_CLUSTER_ARN, vpcForm } from '../unit/model/fixtures';
import { runSeed, seededRandom } from './harness';

type Inbound = IpcCommand<any> | IpcRequest<any, any>;
const INBOUND: Inbound[] = [core, endpointService, iamDbAuth, msk]
  .flatMap((m) => Object.values(m))
  .filter((v): v is Inbound => v instanceof IpcCommand || v instanceof IpcRequest);

/** One well-formed params value per inbound type (the guards must accept these). */
const VALID: Record<string, unknown> = {
  'core/ready': undefined,
  'form/cancel': undefined,
  'form/clickhouseTarget': { service: '7c1c4a7e-5f3b-4d39-9a57-0b8c3f1e2d01/1f9a0c3e-8b6d-4e2a-9c11-6a0d5e7b3c02' },
  'vpcResource/loadVpc': { vpcId: 'vpc-0123456789abcdef0' },
  'vpcResource/submit': { values: vpcForm },
  'result/copy': { label: 'Resource configuration ID', value: 'rcfg-0123456789abcdef0' },
  'result/retry': { planId: 'vpcres-20261123190000-abcd' },
  'endpointService/submit': { values: { mode: 'new', networkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/a/0123456789abcdef'], acceptanceRequired: true } },
  'iamDbAuth/checkRoleName': { roleName: 'clickpipes-role', clickhouseRoleArn: 'arn:aws:iam::072088201116:role/ch' },
  'iamDbAuth/submit': { values: { databaseKind: 'cluster', databaseId: 'aurora', resourceId: 'cluster-ABC', engine: 'aurora-postgresql', region: 'us-east-1', account: '123456789012', clickhouseRoleArn: 'arn:aws:iam::072088201116:role/ch', dbUser: 'u', roleName: 'r', enableIamAuth: true } },
  'mskMultiVpc/submit': { values: { clusterArn: RDS_CLUSTER_ARN, auth: { iam: true, scram: false } } },
};

const message = (t: Inbound, params: unknown, id?: unknown) =>
  t.kind === 'request' ? { id: id ?? 'req-1', method: t.method, params } : id === undefined ? { method: t.method, params } : { id, method: t.method, params };

/** True when a value is plain data a form could have produced: no functions, sane sizes. */
function plainData(v: unknown, depth = 0): boolean {
  if (depth > 6) return false;
  if (v === undefined || v === null || typeof v === 'boolean') return true;
  if (typeof v === 'string') return v.length <= 4096;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.length <= 50 && v.every((x) => plainData(x, depth + 1));
  if (typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length <= 30 && Object.values(v).every((x) => plainData(x, depth + 1));
  return false;
}

describe('resilience: malformed webview messages are rejected by the host guard', () => {
  const seed = runSeed();

  it('covers every inbound message type of every webview, and accepts their well-formed params', () => {
    assert.deepEqual(INBOUND.map((t) => t.method).sort(), Object.keys(VALID).sort(), 'a valid sample for each inbound type');
    for (const t of INBOUND) {
      const parsed = parseInbound(message(t, VALID[t.method]), INBOUND);
      assert.ok(parsed.ok, `${t.method}: ${!parsed.ok && parsed.reason}`);
    }
  });

  it('structurally broken envelopes are rejected with a reason', () => {
    const bad: unknown[] = [
      undefined, null, 0, 'core/ready', [], ['core/ready'], () => undefined, {},
      { method: 42 }, { method: 'x'.repeat(101) }, { method: 'core/unknown' }, { method: 'constructor' }, { method: '__proto__' },
      { method: 'core/ready', extra: 1 }, { method: 'core/ready', params: { a: 1 } }, { method: 'core/ready', id: 'x' },
      { method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123' } },                     // a request without an id
      { id: 'has spaces', method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123' } },
      { id: 'x'.repeat(65), method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123' } },
      { id: 7, method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123' } },
      { id: 'r1', method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123; rm -rf /' } },
      { id: 'r1', method: 'vpcResource/loadVpc', params: { vpcId: 'vpc-0123', more: true } },
      { method: 'result/copy', params: { label: 'x', value: 'y'.repeat(5000) } },
      { method: 'result/retry', params: { planId: '../../etc/passwd' } },
      JSON.parse('{"method":"core/ready","__proto__":{"polluted":true}}'),
    ];
    for (const raw of bad) {
      const parsed = parseInbound(raw, INBOUND);
      assert.equal(parsed.ok, false, `accepted ${JSON.stringify(raw)?.slice(0, 120)}`);
      if (!parsed.ok) assert.ok(parsed.reason.length > 0 && parsed.reason.length < 300);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
  });

  it(`5,000 seeded mutations of valid messages (seed ${seed}): never throws; what is accepted is plain, bounded data of a known type`, () => {
    const r = seededRandom(seed ^ 0x77eb);
    const int = (n: number) => Math.floor(r() * n);
    const junk = (): unknown => [
      '', 'x'.repeat(3000), 'x'.repeat(10_000), 42, -1, NaN, Infinity, true, null, undefined, [], [1], Array(60).fill('a'), {},
      { toString: 'x' }, Object.create(null), () => 1, Symbol('s'), 10n, new Date(0), /re/, new Map(), JSON.parse('{"__proto__":{"p":1}}'),
      'vpc-0123456789abcdef0', 'new', 'existing', 'ARN', 'TCP', 'cluster',
    ][int(30)];
    const mutate = (v: unknown, depth = 0): unknown => {
      if (depth > 3 || r() < 0.25) return junk();
      if (Array.isArray(v)) return r() < 0.5 ? [...v, junk()] : v.map((x) => (r() < 0.3 ? mutate(x, depth + 1) : x));
      if (v && typeof v === 'object') {
        const o: Record<string, unknown> = { ...(v as Record<string, unknown>) };
        const keys = Object.keys(o);
        const k = r() < 0.8 && keys.length ? keys[int(keys.length)] : ['extra', '__proto__', 'constructor', 'values', 'method'][int(5)];
        if (r() < 0.15) delete o[k];
        // An own property even for "__proto__", as structured clone / JSON.parse deliver it.
        else Object.defineProperty(o, k, { value: mutate(o[k], depth + 1), enumerable: true, writable: true, configurable: true });
        return o;
      }
      return junk();
    };
    let accepted = 0;
    let nonPlainIgnored = 0;
    for (let i = 0; i < 5000; i++) {
      const t = INBOUND[int(INBOUND.length)];
      let raw: unknown = message(t, mutate(VALID[t.method]));
      if (r() < 0.1) raw = mutate(raw);
      let parsed: ReturnType<typeof parseInbound> | undefined;
      assert.doesNotThrow(() => (parsed = parseInbound(raw, INBOUND)), `#${i} threw (seed ${seed})`);
      if (parsed!.ok) {
        accepted++;
        assert.ok(INBOUND.includes(parsed!.type as Inbound));
        if (VALID[parsed!.type.method] === undefined && !plainData(parsed!.params)) {
          // core/ready and form/cancel carry no params and their handlers never read them;
          // isRecord() takes a Date, Map or RegExp with no own keys for "no params". Harmless, counted.
          nonPlainIgnored++;
          continue;
        }
        assert.ok(plainData(parsed!.params), `#${i} accepted params that are not plain bounded data: ${String(JSON.stringify(parsed!.params))?.slice(0, 200)}`);
        assert.ok(parsed!.type.isParams(parsed!.params));
      }
    }
    console.log(`      ${accepted} of 5000 mutated messages were still well-formed and accepted; ${5000 - accepted} rejected; ${nonPlainIgnored} accepted a non-plain object (Date/Map/RegExp) as the ignored params of a no-params command`);
    assert.ok(accepted < 2500, 'most mutations are rejected');
  });
});

// The explorer's full tree (src/views/explorerModel.ts, the provider's own loading code) over the
// real AWS layer and SDK against the emulator, under injected faults:
//   - 30% throttling and 200 ms latency on every service: the tree loads completely (the same
//     nodes as without faults, no error node), thanks to the SDK's standard retries;
//   - AccessDenied on one service: only the groups that read that service show an error node
//     (in plain words), every other group is exactly as without faults.
import * as assert from 'node:assert/strict';
import type { AwsLayer } from '../../src/aws/api';
import type { ExplorerNode, GroupKind } from '../../src/views/explorer/nodes';
import { loadFullTree as load, type Tree } from './explorerLoad';
import type { ServiceName } from '../emulator/core/types';
import { emulatorEnv, extensionLikeLayer, faults, TextCapture } from './harness';

const PROFILES = ['clickpipes-demo', 'clickpipes-demo-eu'];
const loadFullTree = (layer: AwsLayer, capture: TextCapture) => load(layer, PROFILES, (where, text) => capture.add(where, text));

/** The group a node sits in (undefined above the groups). */
function groupOf(node: ExplorerNode): GroupKind | undefined {
  for (let n: ExplorerNode | undefined = node; n; n = (n as { parent?: ExplorerNode }).parent) if (n.type === 'group') return n.group;
  return undefined;
}

/** Which groups read which service (src/aws: one module per service). */
const GROUPS_OF: Record<string, GroupKind[]> = {
  'vpc-lattice': ['resourceGateways', 'resourceConfigurations'],
  ram: ['resourceShares'],
  kafka: ['mskClusters'],
  ec2: ['endpointServices'],
  rds: ['databases'],
  sts: [],
};

describe('resilience: the explorer tree under faults (demo scenario, real SDK, emulator)', function () {
  this.timeout(180_000);
  const env = emulatorEnv('demo');
  const capture = new TextCapture();
  let clean: Tree;
  let layer: AwsLayer;

  before(async function () {
    this.timeout(60_000);
    const l = extensionLikeLayer(capture);
    try {
      clean = await loadFullTree(l, capture);
    } finally {
      l.dispose();
    }
    assert.deepEqual(clean.errors, [], 'the fault-free load has no error node');
    assert.ok(clean.nodes.length > 60, `the demo tree is big enough (${clean.nodes.length} nodes)`);
  });
  beforeEach(() => {
    layer = extensionLikeLayer(capture);
  });
  afterEach(async () => {
    layer.dispose();
    await faults(env.url, [], 'clear');
  });

  it('30% throttling + 200 ms latency on every service: the tree loads completely, identical to the fault-free tree', async () => {
    await faults(env.url, [{ throttleRate: 0.3, latencyMs: 200 }]);
    const before = env.emu.world.log.length;
    const t0 = Date.now();
    const tree = await loadFullTree(layer, capture);
    const secs = (Date.now() - t0) / 1000;
    const entries = env.emu.world.log.slice(before);
    const throttled = entries.filter((e) => /Throttl|TooManyRequests|RequestLimitExceeded/.test(e.errorCode ?? '')).length;
    console.log(`      ${tree.nodes.length} nodes in ${secs.toFixed(1)} s; ${entries.length} requests, ${throttled} throttled and retried`);
    assert.ok(throttled > 0, 'throttling was actually injected');
    assert.deepEqual(tree.errors.map((e) => (e.type === 'error' ? e.message : '')), [], 'no error node');
    assert.deepEqual(tree.ids, clean.ids, 'the same nodes as without faults');
    assert.deepEqual(tree.accounts, clean.accounts, 'the account ids arrived');
  });

  for (const service of ['vpc-lattice', 'ram', 'kafka', 'ec2', 'rds', 'sts'] as ServiceName[]) {
    it(`AccessDenied on ${service} only: errors only where ${service} is read, everything else intact`, async () => {
      await faults(env.url, [{ service, accessDenied: true }]);
      const tree = await loadFullTree(layer, capture);
      const hit = GROUPS_OF[service];
      // Error nodes: only inside the groups that read this service, and they say access was denied.
      for (const e of tree.errors) {
        assert.ok(hit.includes(groupOf(e)!), `error node outside ${service}'s groups: ${e.id} ${(e as { message?: string }).message}`);
        assert.match((e as { message: string }).message, /Access denied/);
      }
      for (const g of hit) {
        assert.ok(tree.errors.some((e) => groupOf(e) === g), `${g} shows the error`);
      }
      // Every node outside the denied groups is there, exactly as in the fault-free tree.
      const outside = (t: Tree) => t.nodes.filter((n) => !hit.includes(groupOf(n)!)).map((n) => n.id).sort();
      assert.deepEqual(outside(tree), outside(clean));
      if (service === 'sts') {
        assert.deepEqual(tree.errors, [], 'STS denied: the tree loads; only the account id is missing');
        assert.deepEqual(Object.values(tree.accounts), [undefined, undefined]);
      } else {
        assert.deepEqual(tree.accounts, clean.accounts);
      }
    });
  }

  it('no credential value in any log line, row or error text produced by these loads', () => {
    capture.assertNoLeaks();
  });
});

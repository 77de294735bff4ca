// The emulator (AWS, as far as the extension can tell) goes away in the middle of applying the
// VPC-resource plan, at every call of the plan, in three ways:
//   stopped   the server is stopped just before the call: connection refused, the SDK retries give up
//   in-flight the server is stopped while the call is in flight: AWS acts, the answer is lost
//   dropped   every connection to that service is dropped from that call on (emulator fault)
// Then the server comes back with the same world on the same port (or the fault is removed) and
// the plan is applied again from its journal file, as a new window would. It must finish, and
// the account must hold exactly one gateway, one configuration and one share — checked in the
// world's records and in the request log (Create* calls: once, or twice only where the first one
// was lost in flight and the client token made the second a no-op). The plan ends with the
// ClickHouse Cloud endpoint step (same server): exactly one endpoint, its create sent once (a
// resume finds the endpoint a lost create made).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AwsLayer } from '../../src/aws/api';
import { ClickHouseApi } from '../../src/clickhouse/api';
import { clickhouseStepCall } from '../../src/clickhouse/stepCall';
import type { Plan, StepService } from '../../src/model/plan';
import { applyPlan, type ApplyOutcome, type StepCall } from '../../src/plans/executor';
import { FileJournalStore } from '../../src/plans/journal';
import { startServer, type RunningServer } from '../emulator/core/server';
import type { EmuWorld } from '../emulator/core/world';
import { createWorld, loadScenario } from '../emulator/index';
import { writeAwsProfile } from '../emulator/awsProfile';
import { DEMO_CH_KEY_ID, DEMO_CH_KEY_SECRET } from '../emulator/services/clickhouse';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { awsSandbox, formContext, type AwsSandbox } from '../integration/awsEnv';
import { extensionLikeLayer, filesUnder, TextCapture } from './harness';
import { demoVpcResourcePlanWithEndpoint } from '../integration/demoPlans';

const US = { profile: 'clickpipes-demo', region: 'us-east-1' };
const CREATES = ['vpc-lattice:CreateResourceGateway', 'vpc-lattice:CreateResourceConfiguration', 'ram:CreateResourceShare', 'clickhouse:CreateReversePrivateEndpoint'];
/** Every call the VPC-resource plan makes, in order (the waits poll Get until ACTIVE). */
const POINTS: { service: StepService; operation: string }[] = [
  { service: 'vpc-lattice', operation: 'CreateResourceGateway' },
  { service: 'vpc-lattice', operation: 'GetResourceGateway' },
  { service: 'vpc-lattice', operation: 'CreateResourceConfiguration' },
  { service: 'vpc-lattice', operation: 'GetResourceConfiguration' },
  { service: 'ram', operation: 'CreateResourceShare' },
  { service: 'clickhouse', operation: 'CreateReversePrivateEndpoint' },
  { service: 'clickhouse', operation: 'GetReversePrivateEndpoint' },
];
const MODES = ['stopped', 'in-flight', 'dropped'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('resilience: AWS goes away mid-apply at every step of the VPC-resource plan, then comes back', function () {
  this.timeout(120_000);
  const capture = new TextCapture();
  let box: AwsSandbox;
  let world: EmuWorld;
  let server: RunningServer | undefined;
  let port = 0;
  let journalDir: string;
  let layer: AwsLayer;

  const start = async () => {
    server = await startServer({ world, port, scenario: 'demo', loadScenario });
    port = server.port;
  };
  const stop = async () => {
    const s = server;
    server = undefined;
    await s?.close();
  };
  const control = async (route: string, body: unknown) => {
    const res = await fetch(`${server!.url}/_emulator/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.ok(res.ok, `control ${route}: ${res.status}`);
  };

  before(async () => {
    box = awsSandbox();
    world = createWorld(1);
    loadScenario(world, 'demo');
    await start();
    writeAwsProfile(box.dir, server!.url);
  });
  after(async () => {
    await stop();
    box.restore();
  });
  beforeEach(async () => {
    if (!server) await start();
    world.reset(1);
    loadScenario(world, 'demo');
    // Creates settle after 5 s of emulator clock, which the executor's sleep advances: waits poll.
    Object.assign(world.timings, { create: 5_000, update: 0, delete: 0, shareActivate: 0 });
    journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-resilience-journal-'));
    layer = extensionLikeLayer(capture);
  });
  afterEach(async () => {
    for (const f of filesUnder(journalDir)) capture.add(`journal ${path.basename(f.file)}`, f.text);
    rmSync(journalDir, { recursive: true, force: true });
    layer.dispose();
    if (!server) await start();
  });

  /** The form session as the webview drives it, against the demo world. */
  const buildPlan = (planId: string): Promise<Plan> => demoVpcResourcePlanWithEndpoint(formContext(layer), planId, 'resilience');


  /** A fresh journal store per apply (a new window reading the file); waits advance the world's clock. */
  function apply(plan: Plan, wrap?: (call: StepCall) => StepCall): Promise<ApplyOutcome> {
    const call: StepCall = (service, operation, input) => layer.call(US, service, operation, input);
    // A client per call: the server comes back on the same port after a stop.
    const clickhouse: StepCall = (_service, operation, input) => clickhouseStepCall(async () =>
      new ClickHouseApi({ baseUrl: `http://127.0.0.1:${port}`, key: { keyId: DEMO_CH_KEY_ID, keySecret: DEMO_CH_KEY_SECRET }, timeoutMs: 10_000 }))(operation, input);
    let t = Date.now();
    return applyPlan(plan, {
      call: wrap ? wrap(call) : call,
      backends: { clickhouse: wrap ? wrap(clickhouse) : clickhouse },
      journal: new FileJournalStore(journalDir),
      now: () => t,
      sleep: async (ms) => {
        t += ms;
        world.clock.advance(ms);
      },
    });
  }

  function exactlyOne(): void {
    const r = world.region(DEMO_ACCOUNT, 'us-east-1');
    const gateways = [...r.resourceGateways.values()].filter((g) => g.name === 'resilience-gateway');
    const configs = [...r.resourceConfigurations.values()].filter((c) => c.name === 'resilience-config');
    const shares = [...r.resourceShares.values()].filter((s) => s.name === 'resilience-share');
    assert.equal(gateways.length, 1, 'one gateway');
    assert.equal(configs.length, 1, 'one configuration');
    assert.equal(shares.length, 1, 'one share');
    assert.equal(gateways[0].status, 'ACTIVE');
    assert.equal(configs[0].status, 'ACTIVE');
    const assoc = r.shareAssociations.filter((a) => a.resourceShareArn === shares[0].resourceShareArn);
    assert.deepEqual(assoc.filter((a) => a.associationType === 'PRINCIPAL').map((a) => a.associatedEntity), ['072088201116']);
    assert.deepEqual(assoc.filter((a) => a.associationType === 'RESOURCE').map((a) => a.associatedEntity), [configs[0].arn]);
    const endpoints = [...world.clickhouse.reversePrivateEndpoints.values()].filter((e) => !e._gone && e.vpcResourceConfigurationId === configs[0].id);
    assert.equal(endpoints.length, 1, 'one reverse private endpoint');
    assert.equal(endpoints[0].status, 'Ready');
  }

  /** Create* requests AWS acted on (a dropped connection is logged with no response: not acted on). */
  function createCounts(since: number): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of world.log.slice(since).filter((x) => x.status > 0 && x.status < 400)) {
      const k = `${e.service}:${e.operation}`;
      if (CREATES.includes(k)) counts[k] = (counts[k] ?? 0) + 1;
    }
    return counts;
  }

  for (const mode of MODES) {
    for (const [index, point] of POINTS.entries()) {
      it(`${mode} at call ${index + 1}/${POINTS.length} (${point.operation}): the first apply fails, the resume finishes, no duplicates`, async () => {
        const plan = await buildPlan(`resilience-${mode}-${point.operation}`);
        const since = world.log.length;
        let armed = true;
        let reachedServer = false;
        const first = await apply(plan, (call) => async (service, operation, input) => {
          if (!armed || operation !== point.operation) return call(service, operation, input);
          armed = false;
          if (mode === 'stopped') {
            await stop();
            return call(service, operation, input);
          }
          if (mode === 'dropped') {
            await control('faults', { mode: 'replace', faults: [{ service: point.service, dropConnection: true }] });
            return call(service, operation, input);
          }
          // in-flight: the request reaches the server, which holds it 300 ms before acting; the
          // server is stopped meanwhile, so the answer never comes back.
          await control('faults', { mode: 'replace', faults: [{ service: point.service, operation, latencyMs: 300, times: 1 }] });
          const logged = world.log.length;
          const pending = call(service, operation, input);
          await sleep(100);
          await stop();
          try {
            return await pending;
          } finally {
            await sleep(400); // the server finishes acting on the held request
            reachedServer = world.log.slice(logged).some((e) => e.operation === operation);
          }
        });
        assert.equal(first.status, 'failed', `the first apply stops at ${point.operation}`);
        capture.add('apply failure text', first.failure?.error.text);
        capture.add('apply outcome', first);
        assert.ok(first.failure!.error.text.length > 0);

        // AWS is back: same world, same port (or the fault removed).
        if (!server) await start();
        await control('faults', { mode: 'clear', faults: [] });
        const second = await apply(plan);
        capture.add('resume outcome', second);
        assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
        exactlyOne();

        const counts = createCounts(since);
        for (const create of CREATES) {
          // The ClickHouse create has no token: its resume reuses the endpoint instead of sending it again.
          const lostInFlight: boolean = mode === 'in-flight' && reachedServer && create === `${point.service}:${point.operation}` && point.service !== 'clickhouse';
          assert.equal(counts[create], lostInFlight ? 2 : 1, `${create}: ${lostInFlight ? 'the lost call and its token-matched retry' : 'sent once'} (log: ${JSON.stringify(counts)})`);
        }
        if (mode === 'in-flight' && point.operation.startsWith('Create')) assert.ok(reachedServer, 'the held request reached the server');
        // A third apply is a no-op: the journal says done.
        const before = world.log.length;
        const third = await apply(plan);
        assert.equal(third.status, 'succeeded');
        assert.equal(world.log.length, before, 'a finished plan calls nothing');
      });
    }
  }

  it('no credential value in any log line, error text, outcome or journal file', () => {
    capture.assertNoLeaks();
  });
});

// Credential values never surface: the emulator profiles' secret keys and the ClickHouse Cloud API
// key secret are put in play (valid and rejected keys, injected faults, timeouts, dropped
// connections) and every log line, request line and error text (name, message, stack and own
// fields) produced by the AWS layer and the ClickHouse client is searched for them. The other
// files of this layer check their own logs, documents, outcomes and journals the same way.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ClickHouseApi } from '../../src/clickhouse/api';
import { describeAwsError } from '../../src/plans/failure';
import { errorNode } from '../../src/views/explorer/errorNode';
import { DEMO_SECRET_ACCESS_KEY } from '../emulator/scenarios/accounts';
import { CLICKHOUSE_KEY_SECRET, emulatorEnv, extensionLikeLayer, faults, TextCapture } from './harness';

const US = { profile: 'clickpipes-demo', region: 'us-east-1' };

describe('resilience: no credential value in any log, document or error text', function () {
  this.timeout(120_000);
  const env = emulatorEnv('demo');
  const capture = new TextCapture();
  afterEach(() => faults(env.url, [], 'clear'));

  it('AWS layer: rejected access key (with the real secret beside it), denied, 5xx, throttled, dropped — errors and log lines are clean', async () => {
    // A profile whose key the emulator does not know, holding a real secret.
    fs.appendFileSync(env.box.config, `\n[profile leaky]\nregion = us-east-1\nendpoint_url = ${env.url}\n`);
    fs.appendFileSync(env.box.credentials, `\n[leaky]\naws_access_key_id = AKIAUNKNOWNKEY000001\naws_secret_access_key = ${DEMO_SECRET_ACCESS_KEY}\n`);
    const layer = extensionLikeLayer(capture, { maxAttempts: 2 });
    try {
      const attempts: [string, () => Promise<unknown>][] = [
        ['unknown key', () => layer.listResourceGateways({ profile: 'leaky', region: 'us-east-1' })],
        ['unknown key (STS)', () => layer.callerIdentity('leaky')],
        ['unknown key (plan call)', () => layer.call({ profile: 'leaky', region: 'us-east-1' }, 'iam', 'CreateRole', { RoleName: 'x', AssumeRolePolicyDocument: '{}' })],
        ['unknown profile', () => layer.listDatabases({ profile: 'nope', region: 'us-east-1' })],
      ];
      for (const [what, run] of attempts) {
        const err = await run().then(() => undefined, (e) => e);
        assert.ok(err, `${what}: rejected`);
        capture.addError(`aws error (${what})`, err);
        capture.add(`describeAwsError (${what})`, describeAwsError(err));
        capture.add(`error node (${what})`, errorNode(err, undefined, what, 'leaky').message);
      }
      for (const fault of [{ accessDenied: true }, { serverError: true }, { throttleRate: 1 }, { dropConnection: true }]) {
        await faults(env.url, [{ service: 'vpc-lattice', ...fault }]);
        const err = await layer.listResourceGateways(US).then(() => undefined, (e) => e);
        assert.ok(err, `${JSON.stringify(fault)}: rejected`);
        capture.addError(`aws error ${JSON.stringify(fault)}`, err);
        capture.add(`describeAwsError ${JSON.stringify(fault)}`, describeAwsError(err));
      }
    } finally {
      layer.dispose();
    }
    capture.assertNoLeaks();
  });

  it('ClickHouse client: signed in, wrong secret, 400/404, 5xx, 429, dropped connection, timeout — request lines and errors are clean', async () => {
    const lines: string[] = [];
    const api = (secret: string, timeoutMs = 5_000) =>
      new ClickHouseApi({ baseUrl: env.url, key: { keyId: 'demo-key-id', keySecret: secret }, timeoutMs, onRequest: (l) => lines.push(l) });
    const good = api(CLICKHOUSE_KEY_SECRET);
    const orgs = await good.listOrganizations();
    assert.ok(orgs.length > 0, 'signed in with the demo key');
    const services = await good.listServices(orgs[0].id);
    const errors: unknown[] = [];
    const fail = (p: Promise<unknown>) => p.then(() => assert.fail('expected a failure'), (e) => errors.push(e));
    await fail(api('wrong-secret-value').listOrganizations());
    await fail(api(`${CLICKHOUSE_KEY_SECRET}x`).listServices(orgs[0].id));
    await fail(good.getReversePrivateEndpoint(orgs[0].id, services[0].id, 'no-such-endpoint'));
    await fail(good.createReversePrivateEndpoint(orgs[0].id, services[0].id, { type: 'VPC_RESOURCE', description: 'x' } as never));
    for (const fault of [{ serverError: true }, { throttleRate: 1 }, { dropConnection: true }, { latencyMs: 1500 }]) {
      await faults(env.url, [{ service: 'clickhouse', ...fault, times: 1 }]);
      await fail((fault.latencyMs ? api(CLICKHOUSE_KEY_SECRET, 300) : good).listOrganizations());
    }
    assert.ok(errors.length >= 8);
    errors.forEach((e, i) => capture.addError(`clickhouse error ${i}`, e));
    lines.forEach((l) => capture.add('clickhouse request line', l));
    capture.assertNoLeaks();
  });
});

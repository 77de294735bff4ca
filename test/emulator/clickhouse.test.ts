// The ClickHouse Cloud API stand-in, driven over HTTP with fetch like the extension does, and the
// AWS side of a VPC endpoint service accepted through the real EC2 SDK client when it is served.
import * as assert from 'node:assert/strict';
import { AcceptVpcEndpointConnectionsCommand, EC2Client, RejectVpcEndpointConnectionsCommand } from '@aws-sdk/client-ec2';
import { loadScenario, startEmulator, RunningEmulator } from './index';
import { sdkConfig } from './testHelpers';
import { DEMO_ACCOUNT } from './scenarios/accounts';
import {
  DEMO_CH_KEY_ID, DEMO_CH_KEY_SECRET, DEMO_CH_ORG_ID, DEMO_CH_SERVICE_EU, DEMO_CH_SERVICE_US, seedClickhouse,
} from './services/clickhouse';

const RCFG = 'rcfg-0123456789abcdef0';
const SHARE = `arn:aws:ram:us-east-1:${DEMO_ACCOUNT}:resource-share/7ab63972-b505-4a2a-a0d2-1f4a8e1b2c3d`;
const SVC_ID = 'vpce-svc-0123456789abcdef0';
const SVC_NAME = `com.amazonaws.vpce.us-east-1.${SVC_ID}`;

describe('emulator: ClickHouse Cloud API', () => {
  let emu: RunningEmulator;
  const auth = (id = DEMO_CH_KEY_ID, secret = DEMO_CH_KEY_SECRET) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown, authorization = auth()) => {
    const res = await fetch(`${emu.url}${path}`, {
      method, headers: { authorization, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  };
  const rpes = (service = DEMO_CH_SERVICE_US) => `/v1/organizations/${DEMO_CH_ORG_ID}/services/${service}/clickpipesReversePrivateEndpoints`;

  before(async () => {
    emu = await startEmulator({ scenario: 'empty' });
  });
  after(async () => { await emu.stop(); });
  beforeEach(() => {
    emu.world.reset();
    loadScenario(emu.world, 'empty');
    seedClickhouse(emu.world, { endpoints: false });
    const region = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    region.resourceConfigurations.set(RCFG, { id: RCFG, arn: `arn:aws:vpc-lattice:us-east-1:${DEMO_ACCOUNT}:resourceconfiguration/${RCFG}`, status: 'ACTIVE' });
    region.resourceShares.set(SHARE, { resourceShareArn: SHARE, name: 'clickpipes', status: 'ACTIVE' });
    region.endpointServices.set(SVC_ID, { ServiceId: SVC_ID, ServiceName: SVC_NAME, ServiceState: 'Available', AcceptanceRequired: true, NetworkLoadBalancerArns: [] });
    region.servicePermissions.set(SVC_ID, ['arn:aws:iam::072088201116:root']);
  });

  it('wraps results in the envelope and lists organizations and services', async () => {
    const orgs = await call('GET', '/v1/organizations');
    assert.equal(orgs.status, 200);
    assert.equal(orgs.json.status, 200);
    assert.ok(orgs.json.requestId);
    assert.deepEqual(orgs.json.result.map((o: any) => o.id), [DEMO_CH_ORG_ID]);
    const services = await call('GET', `/v1/organizations/${DEMO_CH_ORG_ID}/services`);
    assert.deepEqual(services.json.result.map((s: any) => [s.region, s.provider]), [['us-east-1', 'aws'], ['eu-central-1', 'aws']]);
    const one = await call('GET', `/v1/organizations/${DEMO_CH_ORG_ID}/services/${DEMO_CH_SERVICE_EU}`);
    assert.equal(one.json.result.name, 'events-eu');
  });

  it('answers a wrong or missing key with the 401 envelope, never echoing the key', async () => {
    const wrong = await call('GET', '/v1/organizations', undefined, auth(DEMO_CH_KEY_ID, 'not-the-secret'));
    assert.equal(wrong.status, 401);
    assert.equal(wrong.json.status, 401);
    assert.ok(wrong.json.requestId);
    assert.match(wrong.json.error, /Unauthorized/);
    assert.ok(!JSON.stringify(wrong.json).includes('not-the-secret'));
    const none = await call('GET', '/v1/organizations', undefined, '');
    assert.equal(none.status, 401);
  });

  it('creates a VPC_RESOURCE endpoint: Provisioning → Ready on the clock, with a VPC Lattice DNS name', async () => {
    const created = await call('POST', rpes(), { description: 'orders db', type: 'VPC_RESOURCE', vpcResourceConfigurationId: RCFG, vpcResourceShareArn: SHARE });
    assert.equal(created.status, 200, JSON.stringify(created.json));
    const rpe = created.json.result;
    assert.equal(rpe.status, 'Provisioning');
    assert.match(rpe.id, /^[0-9a-f-]{36}$/);
    assert.ok(!Object.keys(rpe).some((k) => k.startsWith('_')));
    emu.world.clock.advance(emu.world.timings.create);
    const got = await call('GET', `${rpes()}/${rpe.id}`);
    assert.equal(got.json.result.status, 'Ready');
    assert.match(got.json.result.endpointId, /^vpce-[0-9a-f]{17}$/);
    assert.match(got.json.result.dnsNames[0], /^vpce-[0-9a-f]{17}-[0-9a-z]{8}\.rcfg-0123456789abcdef0\.[0-9a-z]{4}\.vpc-lattice-rsc\.us-east-1\.on\.aws$/);
    const list = await call('GET', rpes());
    assert.deepEqual(list.json.result.map((r: any) => r.id), [rpe.id]);
    // A RAM share serves one endpoint only.
    const again = await call('POST', rpes(), { description: 'again', type: 'VPC_RESOURCE', vpcResourceConfigurationId: RCFG, vpcResourceShareArn: SHARE });
    assert.equal(again.status, 400);
  });

  it('fails a same-region-only endpoint created in a service of another region', async () => {
    const created = await call('POST', rpes(DEMO_CH_SERVICE_EU), { description: 'x', type: 'VPC_RESOURCE', vpcResourceConfigurationId: RCFG, vpcResourceShareArn: SHARE });
    emu.world.clock.advance(emu.world.timings.create);
    const got = await call('GET', `${rpes(DEMO_CH_SERVICE_EU)}/${created.json.result.id}`);
    assert.equal(got.json.result.status, 'Failed');
  });

  // ClickHouse "ClickPipes static IPs": us-west-1 is in no rule, so ClickPipes serves it from us-east-2.
  it('builds a same-region-only endpoint in the ClickPipes region that serves the service, not the service\'s own region', async () => {
    const WEST = 'b0b0b0b0-0000-4000-8000-00000000west'.replace('west', '0001');
    emu.world.clickhouse.services.set(WEST, { ...emu.world.clickhouse.services.get(DEMO_CH_SERVICE_US), id: WEST, name: 'west', region: 'us-west-1' });
    const ohio = emu.world.region(DEMO_ACCOUNT, 'us-east-2');
    const OHIO_RCFG = 'rcfg-0123456789abcdef1';
    ohio.resourceConfigurations.set(OHIO_RCFG, { id: OHIO_RCFG, arn: `arn:aws:vpc-lattice:us-east-2:${DEMO_ACCOUNT}:resourceconfiguration/${OHIO_RCFG}`, status: 'ACTIVE' });
    const OHIO_SHARE = SHARE.replace('us-east-1', 'us-east-2');
    ohio.resourceShares.set(OHIO_SHARE, { resourceShareArn: OHIO_SHARE, name: 'clickpipes', status: 'ACTIVE' });
    const WEST_RCFG = 'rcfg-0123456789abcdef2';
    const west = emu.world.region(DEMO_ACCOUNT, 'us-west-1');
    west.resourceConfigurations.set(WEST_RCFG, { id: WEST_RCFG, arn: `arn:aws:vpc-lattice:us-west-1:${DEMO_ACCOUNT}:resourceconfiguration/${WEST_RCFG}`, status: 'ACTIVE' });
    const WEST_SHARE = SHARE.replace('us-east-1', 'us-west-1');
    west.resourceShares.set(WEST_SHARE, { resourceShareArn: WEST_SHARE, name: 'clickpipes', status: 'ACTIVE' });
    const inOhio = await call('POST', rpes(WEST), { description: 'ohio', type: 'VPC_RESOURCE', vpcResourceConfigurationId: OHIO_RCFG, vpcResourceShareArn: OHIO_SHARE });
    const inWest = await call('POST', rpes(WEST), { description: 'west', type: 'VPC_RESOURCE', vpcResourceConfigurationId: WEST_RCFG, vpcResourceShareArn: WEST_SHARE });
    emu.world.clock.advance(emu.world.timings.create);
    const ohioRpe = (await call('GET', `${rpes(WEST)}/${inOhio.json.result.id}`)).json.result;
    assert.equal(ohioRpe.status, 'Ready');
    assert.match(ohioRpe.dnsNames[0], /\.vpc-lattice-rsc\.us-east-2\.on\.aws$/);
    assert.equal((await call('GET', `${rpes(WEST)}/${inWest.json.result.id}`)).json.result.status, 'Failed');
  });

  it('validates the create body per type', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ description: 'x', type: 'VPC_RESOURCE', vpcResourceShareArn: SHARE }, /vpcResourceConfigurationId/],
      [{ description: 'x', type: 'VPC_RESOURCE', vpcResourceConfigurationId: 'cfg-1', vpcResourceShareArn: SHARE }, /vpcResourceConfigurationId/],
      [{ description: 'x', type: 'MSK_MULTI_VPC', mskClusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/a/b-1', mskAuthentication: 'TLS' }, /mskAuthentication/],
      [{ description: 'x', type: 'VPC_ENDPOINT_SERVICE' }, /vpcEndpointServiceName/],
      [{ description: 'x'.repeat(256), type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: SVC_NAME }, /description/],
      [{ description: 'x', type: 'NOPE' }, /type/],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', rpes(), body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.json.status, 400);
      assert.match(res.json.error, field);
    }
    assert.equal((await call('GET', rpes())).json.result.length, 0);
  });

  it('VPC_ENDPOINT_SERVICE with acceptance: PendingAcceptance until the AWS side accepts, then Ready', async () => {
    const created = await call('POST', rpes(), { description: 'nlb', type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: SVC_NAME });
    const id = created.json.result.id;
    emu.world.clock.advance(emu.world.timings.create);
    const pending = (await call('GET', `${rpes()}/${id}`)).json.result;
    assert.equal(pending.status, 'PendingAcceptance');
    assert.match(pending.dnsNames[0], new RegExp(`^${pending.endpointId}-[0-9a-z]{8}\\.${SVC_ID}\\.us-east-1\\.vpce\\.amazonaws\\.com$`));
    const conn = emu.world.region(DEMO_ACCOUNT, 'us-east-1').endpointConnections.get(pending.endpointId);
    assert.equal(conn?.VpcEndpointState, 'PendingAcceptance');
    assert.equal(conn?.VpcEndpointOwner, '072088201116');
    assert.equal(conn?.ServiceId, SVC_ID);

    // Accept on the AWS side through the real EC2 client: PendingAcceptance → Pending → Available.
    const ec2 = new EC2Client(sdkConfig(emu.url));
    const out = await ec2.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: SVC_ID, VpcEndpointIds: [pending.endpointId] }));
    assert.deepEqual(out.Unsuccessful ?? [], []);
    assert.equal((await call('GET', `${rpes()}/${id}`)).json.result.status, 'PendingAcceptance', 'still waiting while the connection is Pending');
    emu.world.clock.advance(emu.world.timings.update);
    const ready = (await call('GET', `${rpes()}/${id}`)).json.result;
    assert.equal(ready.status, 'Ready');
  });

  it('VPC_ENDPOINT_SERVICE rejected on the AWS side → Rejected', async () => {
    const created = await call('POST', rpes(), { description: 'nlb', type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: SVC_NAME });
    emu.world.clock.advance(emu.world.timings.create);
    const pending = (await call('GET', `${rpes()}/${created.json.result.id}`)).json.result;
    const ec2 = new EC2Client(sdkConfig(emu.url));
    await ec2.send(new RejectVpcEndpointConnectionsCommand({ ServiceId: SVC_ID, VpcEndpointIds: [pending.endpointId] }));
    emu.world.clock.advance(emu.world.timings.update);
    assert.equal((await call('GET', `${rpes()}/${pending.id}`)).json.result.status, 'Rejected');
  });

  it('MSK_MULTI_VPC: Ready with one broker name per broker, and a ClickPipes VPC connection on the cluster', async () => {
    const arn = `arn:aws:kafka:us-east-1:${DEMO_ACCOUNT}:cluster/orders/3f0c8d2e-1111-2222-3333-444455556666-2`;
    const region = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    region.mskClusters.set(arn, {
      ClusterArn: arn, ClusterName: 'orders', State: 'ACTIVE',
      Provisioned: { NumberOfBrokerNodes: 2, BrokerNodeGroupInfo: { ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } } } },
    });
    region.mskPolicies.set(arn, { policy: JSON.stringify({ Statement: [{ Principal: { AWS: '072088201116' } }] }), currentVersion: 'K1' });
    const scram = await call('POST', rpes(), { description: 'kafka', type: 'MSK_MULTI_VPC', mskClusterArn: arn, mskAuthentication: 'SASL_SCRAM' });
    const iam = await call('POST', rpes(), { description: 'kafka', type: 'MSK_MULTI_VPC', mskClusterArn: arn, mskAuthentication: 'SASL_IAM' });
    assert.equal((await call('POST', rpes(), { description: 'again', type: 'MSK_MULTI_VPC', mskClusterArn: arn, mskAuthentication: 'SASL_IAM' })).status, 400,
      'one endpoint per cluster and auth type');
    emu.world.clock.advance(emu.world.timings.create);
    const failed = (await call('GET', `${rpes()}/${scram.json.result.id}`)).json.result;
    assert.equal(failed.status, 'Failed', 'SCRAM is not enabled for multi-VPC on this cluster');
    const ready = (await call('GET', `${rpes()}/${iam.json.result.id}`)).json.result;
    assert.equal(ready.status, 'Ready');
    assert.equal(ready.dnsNames.length, 2);
    assert.match(ready.dnsNames[0], /^b-1\.orders\.[0-9a-z]{6}\.c2\.kafka\.us-east-1\.amazonaws\.com$/);
    assert.equal(region.mskVpcConnections.get(arn)?.[0]?.Owner, '072088201116');
  });

  it('deletes: Deleting → gone, and removes the endpoint connection', async () => {
    const created = await call('POST', rpes(), { description: 'nlb', type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: SVC_NAME });
    const id = created.json.result.id;
    emu.world.clock.advance(emu.world.timings.create);
    const endpointId = (await call('GET', `${rpes()}/${id}`)).json.result.endpointId;
    const del = await call('DELETE', `${rpes()}/${id}`);
    assert.equal(del.json.result.status, 'Deleting');
    emu.world.clock.advance(emu.world.timings.delete);
    assert.equal((await call('GET', `${rpes()}/${id}`)).status, 404);
    assert.equal((await call('GET', rpes())).json.result.length, 0);
    assert.equal(emu.world.region(DEMO_ACCOUNT, 'us-east-1').endpointConnections.has(endpointId), false);
  });

  it('fails an endpoint service that does not allow the ClickPipes principal', async () => {
    emu.world.region(DEMO_ACCOUNT, 'us-east-1').servicePermissions.set(SVC_ID, []);
    const created = await call('POST', rpes(), { description: 'nlb', type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: SVC_NAME });
    emu.world.clock.advance(emu.world.timings.create);
    assert.equal((await call('GET', `${rpes()}/${created.json.result.id}`)).json.result.status, 'Failed');
  });

  it('404s unknown organizations, services and endpoints in the envelope', async () => {
    const res = await call('GET', `/v1/organizations/${DEMO_CH_ORG_ID}/services/nope/clickpipesReversePrivateEndpoints`);
    assert.equal(res.status, 404);
    assert.equal(res.json.status, 404);
    assert.ok(res.json.error);
  });
});

describe('ClickHouse Cloud client (src/clickhouse/api.ts) against the emulator', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ scenario: 'empty' });
    seedClickhouse(emu.world, { endpoints: false });
  });
  after(async () => { await emu.stop(); });

  it('lists organizations, services and endpoints through the envelope', async () => {
    const { ClickHouseApi } = await import('../../src/clickhouse/api');
    const api = new ClickHouseApi({ baseUrl: `${emu.url}/`, key: { keyId: DEMO_CH_KEY_ID, keySecret: DEMO_CH_KEY_SECRET } });
    const orgs = await api.listOrganizations();
    assert.deepEqual(orgs.map((o) => o.name), ['Demo organization']);
    const services = await api.listServices(orgs[0].id);
    assert.deepEqual(services.map((s) => `${s.name} ${s.region} ${s.provider}`), ['orders-analytics us-east-1 aws', 'events-eu eu-central-1 aws']);
    assert.deepEqual(await api.listReversePrivateEndpoints(orgs[0].id, services[0].id), []);
  });

  it('says a rejected key plainly, without the key', async () => {
    const { ClickHouseApi, ClickHouseApiError } = await import('../../src/clickhouse/api');
    const api = new ClickHouseApi({ baseUrl: emu.url, key: { keyId: DEMO_CH_KEY_ID, keySecret: 'wrong-secret-value' } });
    await assert.rejects(api.listOrganizations(), (e: unknown) => {
      assert.ok(e instanceof ClickHouseApiError);
      assert.equal(e.kind, 'unauthorized');
      assert.equal(e.message, 'The ClickHouse Cloud API key was rejected (401). Sign in again.');
      assert.ok(!JSON.stringify({ ...e, message: e.message, stack: e.stack }).includes('wrong-secret-value'));
      return true;
    });
  });

  it('turns a 400 into the server reason and a dead URL into a network error', async () => {
    const { ClickHouseApi } = await import('../../src/clickhouse/api');
    const api = new ClickHouseApi({ baseUrl: emu.url, key: { keyId: DEMO_CH_KEY_ID, keySecret: DEMO_CH_KEY_SECRET } });
    await assert.rejects(
      api.createReversePrivateEndpoint(DEMO_CH_ORG_ID, DEMO_CH_SERVICE_US, { type: 'VPC_ENDPOINT_SERVICE', description: 'x' } as never),
      (e: any) => e.kind === 'badRequest' && /vpcEndpointServiceName/.test(e.message));
    const dead = new ClickHouseApi({ baseUrl: 'http://127.0.0.1:9', key: { keyId: 'k', keySecret: 'dead-secret' } });
    await assert.rejects(dead.listOrganizations(), (e: any) => e.kind === 'network' && /Could not reach/.test(e.message) && !e.message.includes('dead-secret'));
  });
});

describe('emulator: ClickHouse demo seed', () => {
  it('the demo scenario has the key, two AWS services, a Ready endpoint and one awaiting acceptance', async () => {
    const { createWorld } = await import('./index');
    const world = createWorld(1);
    loadScenario(world, 'demo');
    assert.equal(world.clickhouse.apiKeys.get(DEMO_CH_KEY_ID)?.secret, DEMO_CH_KEY_SECRET);
    assert.deepEqual([...world.clickhouse.services.values()].map((s) => s.region), ['us-east-1', 'eu-central-1']);
    assert.deepEqual([...world.clickhouse.reversePrivateEndpoints.values()].map((r) => `${r.type} ${r.status}`),
      ['VPC_RESOURCE Ready', 'VPC_ENDPOINT_SERVICE PendingAcceptance']);
  });
});

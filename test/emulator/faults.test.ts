import * as assert from 'node:assert/strict';
import {
  VPCLatticeClient, ListResourceGatewaysCommand, AccessDeniedException, InternalServerException, ThrottlingException,
} from '@aws-sdk/client-vpc-lattice';
import { EC2Client, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { IAMClient, GetRoleCommand } from '@aws-sdk/client-iam';
import { KafkaClient, ListClustersV2Command, ForbiddenException } from '@aws-sdk/client-kafka';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control } from './testHelpers';

describe('emulator faults and authentication', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); });
  after(async () => { await emu.stop(); });
  beforeEach(async () => { await control(emu.url, 'POST', 'reset'); });

  const once = (region = 'us-east-1', key?: string) => ({ ...sdkConfig(emu.url, region, key), maxAttempts: 1 });

  it('rejects an unknown access key with each protocol\'s invalid-token error', async () => {
    const lat = await new VPCLatticeClient(once('us-east-1', 'AKIAUNKNOWN000000000')).send(new ListResourceGatewaysCommand({})).catch((e) => e);
    assert.equal(lat.name, 'UnrecognizedClientException');
    assert.equal(lat.$metadata.httpStatusCode, 403);
    const ec2 = await new EC2Client(once('us-east-1', 'AKIAUNKNOWN000000000')).send(new DescribeVpcsCommand({})).catch((e) => e);
    assert.equal(ec2.name, 'AuthFailure');
    const iam = await new IAMClient(once('us-east-1', 'AKIAUNKNOWN000000000')).send(new GetRoleCommand({ RoleName: 'r' })).catch((e) => e);
    assert.equal(iam.name, 'InvalidClientTokenId');
  });

  it('throttles once and the SDK standard retry recovers', async () => {
    await control(emu.url, 'POST', 'faults', { faults: [{ service: 'vpc-lattice', operation: 'ListResourceGateways', throttleRate: 1, times: 1 }] });
    const out = await new VPCLatticeClient(sdkConfig(emu.url)).send(new ListResourceGatewaysCommand({}));
    assert.deepEqual(out.items, []);
    assert.equal(out.$metadata.attempts, 2);
    const log = await control(emu.url, 'GET', 'log');
    assert.equal(log.counts['vpc-lattice:ListResourceGateways'], 2);
    assert.deepEqual(log.entries.map((e: any) => [e.status, e.errorCode]), [[429, 'ThrottlingException'], [200, undefined]]);
    assert.deepEqual((await control(emu.url, 'GET', 'faults')).faults, [], 'a fault with times is removed once used');
  });

  it('uses each protocol\'s throttling code', async () => {
    await control(emu.url, 'POST', 'faults', { faults: [{ throttleRate: 1 }] });
    const lat = await new VPCLatticeClient(once()).send(new ListResourceGatewaysCommand({})).catch((e) => e);
    assert.ok(lat instanceof ThrottlingException);
    const ec2 = await new EC2Client(once()).send(new DescribeVpcsCommand({})).catch((e) => e);
    assert.equal(ec2.name, 'RequestLimitExceeded');
    const iam = await new IAMClient(once()).send(new GetRoleCommand({ RoleName: 'r' })).catch((e) => e);
    assert.equal(iam.name, 'Throttling');
  });

  it('denies access with typed errors, scoped to one service', async () => {
    await control(emu.url, 'POST', 'faults', { faults: [{ service: 'vpc-lattice', accessDenied: true }] });
    await control(emu.url, 'POST', 'faults', { mode: 'add', faults: [{ service: 'kafka', accessDenied: true }, { service: 'ec2', accessDenied: true }] });
    const lat = await new VPCLatticeClient(once()).send(new ListResourceGatewaysCommand({})).catch((e) => e);
    assert.ok(lat instanceof AccessDeniedException);
    const msk = await new KafkaClient(once()).send(new ListClustersV2Command({})).catch((e) => e);
    assert.ok(msk instanceof ForbiddenException);
    const ec2 = await new EC2Client(once()).send(new DescribeVpcsCommand({})).catch((e) => e);
    assert.equal(ec2.name, 'UnauthorizedOperation');
    await control(emu.url, 'POST', 'faults', { mode: 'clear' });
    await new VPCLatticeClient(once()).send(new ListResourceGatewaysCommand({}));
  });

  it('returns 5xx server errors', async () => {
    await control(emu.url, 'POST', 'faults', { faults: [{ serverError: true }] });
    const err = await new VPCLatticeClient(once()).send(new ListResourceGatewaysCommand({})).catch((e) => e);
    assert.ok(err instanceof InternalServerException);
    assert.equal(err.$metadata.httpStatusCode, 500);
  });

  it('drops the connection without a response', async () => {
    await control(emu.url, 'POST', 'faults', { faults: [{ dropConnection: true, times: 1 }] });
    const err = await new VPCLatticeClient(once()).send(new ListResourceGatewaysCommand({})).catch((e) => e);
    assert.ok(err instanceof Error);
    assert.equal((err as any).$metadata?.httpStatusCode, undefined, 'no HTTP response');
    const log = await control(emu.url, 'GET', 'log');
    assert.equal(log.entries[0].errorCode, 'ConnectionDropped');
  });

  it('adds latency', async () => {
    await control(emu.url, 'POST', 'faults', { faults: [{ latencyMs: 150 }] });
    const t0 = Date.now();
    await new VPCLatticeClient(once()).send(new ListResourceGatewaysCommand({}));
    assert.ok(Date.now() - t0 >= 140);
  });

  it('applies faults to the ClickHouse API by operation, and answers unsigned or malformed AWS requests in AWS shape', async () => {
    await control(emu.url, 'POST', 'faults', { faults: [{ service: 'clickhouse', serverError: true, times: 1 }] });
    const auth = { authorization: `Basic ${Buffer.from('nobody:nothing').toString('base64')}` };
    const broken = await fetch(`${emu.url}/v1/organizations`, { headers: auth });
    assert.equal(broken.status, 500);
    assert.equal((await broken.json() as any).status, 500);
    const log = await control(emu.url, 'GET', 'log');
    assert.equal(log.entries[0].service, 'clickhouse');
    assert.notEqual(log.entries[0].operation, 'Unknown', 'named from the ClickHouse router');

    const unsigned = await fetch(`${emu.url}/resourcegateways`);
    assert.equal(unsigned.status, 403);
    assert.equal(unsigned.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
    const scope = 'AWS4-HMAC-SHA256 Credential=AKIAEMULATORDEMO0001/20260101/us-east-1/vpc-lattice/aws4_request, SignedHeaders=host, Signature=0';
    const badJson = await fetch(`${emu.url}/resourcegateways`, { method: 'POST', headers: { authorization: scope }, body: '{nope' });
    assert.equal(badJson.status, 400);
    assert.equal(badJson.headers.get('x-amzn-errortype'), 'SerializationException');
    const unknown = await fetch(`${emu.url}/`, { headers: { authorization: scope.replace('vpc-lattice', 's3') } });
    assert.equal(unknown.status, 400);
  });

  it('validates faults and rejects unknown control routes', async () => {
    await assert.rejects(control(emu.url, 'POST', 'faults', { faults: [{ throttleRate: 2 }] }), /throttleRate/);
    await assert.rejects(control(emu.url, 'POST', 'faults', { faults: [{ bogus: true }] }), /unknown fault field/);
    await assert.rejects(control(emu.url, 'GET', 'nope'), /404/);
    await assert.rejects(control(emu.url, 'POST', 'scenario', { name: 'nope' }), /unknown scenario/);
  });
});

describe('emulator control API: clock, transitions, timings, log', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); });
  after(async () => { await emu.stop(); });

  it('applies due transitions when the clock advances, in time order', async () => {
    const seen: string[] = [];
    emu.world.schedule(5000, 'b', () => seen.push('b'));
    emu.world.schedule(1000, 'a', () => { seen.push('a'); emu.world.schedule(0, 'a2', () => seen.push('a2')); });
    const t0 = emu.world.clock.now();
    const out = await control(emu.url, 'POST', 'clock/advance', { ms: 2000 });
    assert.ok(out.now - t0 >= 2000);
    assert.deepEqual(seen, ['a', 'a2']);
    assert.equal(out.pending, 1);
    await control(emu.url, 'POST', 'clock/advance', { ms: 3000 });
    assert.deepEqual(seen, ['a', 'a2', 'b']);
  });

  it('reads and sets timings', async () => {
    const before = await control(emu.url, 'GET', 'timings');
    assert.equal(typeof before.create, 'number');
    const after = await control(emu.url, 'POST', 'timings', { create: 10 });
    assert.equal(after.create, 10);
    await assert.rejects(control(emu.url, 'POST', 'timings', { nope: 1 }), /unknown timing/);
    await control(emu.url, 'POST', 'reset');
    assert.equal((await control(emu.url, 'GET', 'timings')).create, before.create, 'reset restores default timings');
  });

  it('counts requests per service:Operation and clears the log', async () => {
    const lattice = new VPCLatticeClient(sdkConfig(emu.url, 'eu-central-1'));
    await lattice.send(new ListResourceGatewaysCommand({}));
    await lattice.send(new ListResourceGatewaysCommand({}));
    const log = await control(emu.url, 'GET', 'log');
    assert.equal(log.counts['vpc-lattice:ListResourceGateways'], 2);
    assert.equal(log.entries[1].region, 'eu-central-1');
    await control(emu.url, 'DELETE', 'log');
    assert.deepEqual((await control(emu.url, 'GET', 'log')).counts, {});
  });
});

import * as assert from 'node:assert/strict';
import { ClickHouseApi, ClickHouseApiError, describeFailure, type FetchLike } from '../../../src/clickhouse/api';

const KEY = { keyId: 'kid', keySecret: 'unit-secret-9f2c' };

function fakeFetch(status: number, body: string, seen: Array<{ url: string; init: Parameters<FetchLike>[1] }> = []): FetchLike {
  return async (url, init) => {
    seen.push({ url, init });
    return { status, text: async () => body };
  };
}

describe('clickhouse api client (fake fetch)', () => {
  it('sends Basic auth to the base URL without a double slash and unwraps the result', async () => {
    const seen: Array<{ url: string; init: Parameters<FetchLike>[1] }> = [];
    const api = new ClickHouseApi({ baseUrl: 'http://emu/', key: KEY, fetch: fakeFetch(200, JSON.stringify({ status: 200, requestId: 'r', result: [{ id: 'o1', name: 'Org' }] }), seen) });
    assert.deepEqual(await api.listOrganizations(), [{ id: 'o1', name: 'Org', createdAt: undefined }]);
    assert.equal(seen[0].url, 'http://emu/v1/organizations');
    assert.equal(seen[0].init.headers.authorization, `Basic ${Buffer.from('kid:unit-secret-9f2c').toString('base64')}`);
  });

  it('encodes path segments and sends the create body as JSON', async () => {
    const seen: Array<{ url: string; init: Parameters<FetchLike>[1] }> = [];
    const api = new ClickHouseApi({ baseUrl: 'http://emu', key: KEY, fetch: fakeFetch(200, JSON.stringify({ result: { id: 'x', status: 'Provisioning' } }), seen) });
    const body = { type: 'VPC_ENDPOINT_SERVICE' as const, description: 'd', vpcEndpointServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' };
    const rpe = await api.createReversePrivateEndpoint('o/1', 's 1', body);
    assert.equal(rpe.status, 'Provisioning');
    assert.deepEqual(rpe.dnsNames, []);
    assert.equal(seen[0].url, 'http://emu/v1/organizations/o%2F1/services/s%201/clickpipesReversePrivateEndpoints');
    assert.equal(seen[0].init.method, 'POST');
    assert.deepEqual(JSON.parse(seen[0].init.body!), body);
  });

  it('accepts an empty DELETE answer and rejects a 200 without a result', async () => {
    await new ClickHouseApi({ baseUrl: 'http://emu', key: KEY, fetch: fakeFetch(200, '') }).deleteReversePrivateEndpoint('o', 's', 'i');
    await assert.rejects(new ClickHouseApi({ baseUrl: 'http://emu', key: KEY, fetch: fakeFetch(200, '<html>') }).listOrganizations(),
      (e: unknown) => e instanceof ClickHouseApiError && e.kind === 'server');
  });

  it('maps statuses to kinds and plain messages, keeping the request id and never the key', async () => {
    for (const [status, kind] of [[401, 'unauthorized'], [403, 'forbidden'], [404, 'notFound'], [400, 'badRequest'], [429, 'throttled'], [503, 'server']] as const) {
      const api = new ClickHouseApi({ baseUrl: 'http://emu', key: KEY, fetch: fakeFetch(status, JSON.stringify({ status, requestId: 'req-1', error: 'server says no' })) });
      await assert.rejects(api.listOrganizations(), (e: unknown) => {
        assert.ok(e instanceof ClickHouseApiError);
        assert.equal(e.kind, kind);
        assert.equal(e.status, status);
        assert.equal(e.requestId, 'req-1');
        assert.ok(!e.message.includes(KEY.keySecret));
        return true;
      });
    }
    assert.equal(describeFailure(401, 'secret=abc', 'x'), 'The ClickHouse Cloud API key was rejected (401). Sign in again.');
    assert.match(describeFailure(403, undefined, 'list services'), /Admin role/);
    assert.match(describeFailure(500, 'keySecret: hunter2', 'x'), /keySecret: \*\*\*\*/);
  });

  it('names errors so /NotFound/ matches a 404 (the executor\'s skipIf)', () => {
    assert.equal(new ClickHouseApiError('notFound', 'm').name, 'ClickHouseNotFound');
  });

  it('reports a timeout as a network error', async () => {
    const hanging: FetchLike = (_url, init) => new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const api = new ClickHouseApi({ baseUrl: 'http://emu', key: KEY, fetch: hanging, timeoutMs: 50 });
    await assert.rejects(api.listOrganizations(), (e: unknown) => e instanceof ClickHouseApiError && e.kind === 'network' && /no answer within/.test(e.message));
  });
});

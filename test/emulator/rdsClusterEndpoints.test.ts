// RDS DescribeDBClusterEndpoints on the demo: the built-in writer and reader of each Aurora cluster and
// the custom endpoint orders-reports of orders-aurora-pg, by identifier, by cluster, by filter, paged.
import * as assert from 'node:assert/strict';
import { DBClusterNotFoundFault, DescribeDBClusterEndpointsCommand, type DescribeDBClusterEndpointsCommandInput, RDSClient } from '@aws-sdk/client-rds';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig } from './testHelpers';
import { DEMO_ACCOUNT } from './scenarios/accounts';

describe('emulator RDS DescribeDBClusterEndpoints (awsQuery)', () => {
  let emu: RunningEmulator;
  let rds: RDSClient;
  before(async () => {
    emu = await startEmulator({ scenario: 'demo' });
    rds = new RDSClient(sdkConfig(emu.url, 'us-east-1'));
  });
  after(async () => { rds.destroy(); await emu.stop(); });
  const describe_ = async (input: DescribeDBClusterEndpointsCommandInput) => (await rds.send(new DescribeDBClusterEndpointsCommand(input))).DBClusterEndpoints ?? [];

  it('a custom endpoint by its identifier (any case): its cluster, address and type; an unknown identifier is an empty list', async () => {
    const cluster = emu.world.region(DEMO_ACCOUNT, 'us-east-1').dbClusters.get('orders-aurora-pg')!;
    const [e, ...more] = await describe_({ DBClusterEndpointIdentifier: 'Orders-Reports' });
    assert.equal(more.length, 0);
    assert.deepEqual([e.DBClusterEndpointIdentifier, e.DBClusterIdentifier, e.EndpointType, e.CustomEndpointType, e.Status],
      ['orders-reports', 'orders-aurora-pg', 'CUSTOM', 'ANY', 'available']);
    assert.equal(e.Endpoint, cluster.Endpoint.replace(/^orders-aurora-pg\.cluster-/, 'orders-reports.cluster-custom-'));
    assert.match(e.DBClusterEndpointArn!, /^arn:aws:rds:us-east-1:123456789012:cluster-endpoint:orders-reports$/);
    assert.deepEqual(cluster.CustomEndpoints, [e.Endpoint]);
    assert.deepEqual(await describe_({ DBClusterEndpointIdentifier: 'no-such-endpoint' }), []);
  });

  it('a cluster\'s endpoints: writer, reader, custom; filters by type; DBClusterNotFoundFault; unknown filter refused', async () => {
    const all = await describe_({ DBClusterIdentifier: 'orders-aurora-pg' });
    assert.deepEqual(all.map((e) => e.EndpointType), ['WRITER', 'READER', 'CUSTOM']);
    assert.deepEqual((await describe_({ Filters: [{ Name: 'db-cluster-endpoint-type', Values: ['custom'] }] })).map((e) => e.DBClusterEndpointIdentifier), ['orders-reports']);
    assert.deepEqual((await describe_({ Filters: [{ Name: 'db-cluster-endpoint-type', Values: ['writer'] }] })).map((e) => e.DBClusterIdentifier),
      ['orders-aurora-pg', 'catalog-aurora-mysql', 'public-aurora-pg']);
    await assert.rejects(describe_({ DBClusterIdentifier: 'no-such-cluster' }), (err) => err instanceof DBClusterNotFoundFault);
    await assert.rejects(describe_({ Filters: [{ Name: 'bogus', Values: ['x'] }] }), /Unrecognized filter name: bogus/);
  });

  it('speaks the awsQuery wire format: <DBClusterEndpoints><DBClusterEndpointList> items (botocore DBClusterEndpointList locationName)', async () => {
    const res = await fetch(`${emu.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEMULATORDEMO0001/20240101/us-east-1/rds/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: 'Action=DescribeDBClusterEndpoints&Version=2014-10-31&DBClusterEndpointIdentifier=orders-reports',
    });
    const xml = await res.text();
    assert.match(xml, /<DescribeDBClusterEndpointsResult><DBClusterEndpoints><DBClusterEndpointList><DBClusterEndpointIdentifier>orders-reports</);
    assert.match(xml, /<StaticMembers\/>|<StaticMembers><\/StaticMembers>/);
  });
});

// Each protocol's error shape must make the real SDK raise its typed exception. A bare
// node:http server answers every request with one rendered error, so this checks the renderer
// alone, independent of any service handler.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { VPCLatticeClient, GetResourceGatewayCommand, ValidationException } from '@aws-sdk/client-vpc-lattice';
import { RAMClient, GetResourceSharesCommand, UnknownResourceException } from '@aws-sdk/client-ram';
import { KafkaClient, GetClusterPolicyCommand, NotFoundException } from '@aws-sdk/client-kafka';
import { IAMClient, GetRoleCommand, NoSuchEntityException } from '@aws-sdk/client-iam';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { RDSClient, DescribeDBInstancesCommand, DBInstanceNotFoundFault } from '@aws-sdk/client-rds';
import { ElasticLoadBalancingV2Client, DescribeLoadBalancersCommand, LoadBalancerNotFoundException } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EC2Client, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { renderError } from './core/protocols';
import { ApiError, EmuResponse } from './core/types';
import { sdkConfig } from './testHelpers';

describe('protocol error shapes through the real SDK', () => {
  let server: http.Server;
  let url: string;
  let next: EmuResponse;
  before(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(next.status, next.headers); res.end(next.body); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); });

  const cfg = () => ({ ...sdkConfig(url), maxAttempts: 1 });

  it('restJson (Lattice): ValidationException with fieldList', async () => {
    next = renderError('vpc-lattice', new ApiError('ValidationException', 'bad name', 400, { reason: 'fieldValidationFailed', fieldList: [{ name: 'name', message: 'too short' }] }));
    const err = await new VPCLatticeClient(cfg()).send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: 'rgw-0123456789abcdefg' })).catch((e) => e);
    assert.ok(err instanceof ValidationException, err.name);
    assert.equal(err.message, 'bad name');
    assert.equal(err.reason, 'fieldValidationFailed');
    assert.deepEqual(err.fieldList, [{ name: 'name', message: 'too short' }]);
    assert.equal(err.$metadata.httpStatusCode, 400);
  });

  it('restJson (RAM): UnknownResourceException', async () => {
    next = renderError('ram', new ApiError('UnknownResourceException', 'no such share', 400));
    const err = await new RAMClient(cfg()).send(new GetResourceSharesCommand({ resourceOwner: 'SELF' })).catch((e) => e);
    assert.ok(err instanceof UnknownResourceException, err.name);
  });

  it('restJson (Kafka): NotFoundException', async () => {
    next = renderError('kafka', new ApiError('NotFoundException', 'no policy', 404));
    const err = await new KafkaClient(cfg()).send(new GetClusterPolicyCommand({ ClusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/a/b' })).catch((e) => e);
    assert.ok(err instanceof NotFoundException, err.name);
    assert.equal(err.message, 'no policy');
  });

  it('awsQuery (IAM): NoSuchEntity → NoSuchEntityException', async () => {
    next = renderError('iam', new ApiError('NoSuchEntity', 'The role with name x cannot be found.', 404));
    const err = await new IAMClient(cfg()).send(new GetRoleCommand({ RoleName: 'x' })).catch((e) => e);
    assert.ok(err instanceof NoSuchEntityException, err.name);
    assert.equal(err.message, 'The role with name x cannot be found.');
  });

  it('awsQuery (RDS, ELBv2): fault codes map to typed exceptions', async () => {
    next = renderError('rds', new ApiError('DBInstanceNotFound', 'DBInstance db1 not found.', 404));
    const rdsErr = await new RDSClient(cfg()).send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'db1' })).catch((e) => e);
    assert.ok(rdsErr instanceof DBInstanceNotFoundFault, rdsErr.name);
    next = renderError('elasticloadbalancing', new ApiError('LoadBalancerNotFound', 'not found', 400));
    const lbErr = await new ElasticLoadBalancingV2Client(cfg()).send(new DescribeLoadBalancersCommand({ Names: ['x'] })).catch((e) => e);
    assert.ok(lbErr instanceof LoadBalancerNotFoundException, lbErr.name);
  });

  it('awsQuery (STS): unmodeled code keeps its name', async () => {
    next = renderError('sts', new ApiError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403));
    const err = await new STSClient(cfg()).send(new GetCallerIdentityCommand({})).catch((e) => e);
    assert.equal(err.name, 'InvalidClientTokenId');
    assert.equal(err.$metadata.httpStatusCode, 403);
  });

  it('ec2: the code is the error name', async () => {
    next = renderError('ec2', new ApiError('InvalidVpcID.NotFound', "The vpc ID 'vpc-1' does not exist", 400));
    const err = await new EC2Client(cfg()).send(new DescribeVpcsCommand({ VpcIds: ['vpc-1'] })).catch((e) => e);
    assert.equal(err.name, 'InvalidVpcID.NotFound');
    assert.equal(err.message, "The vpc ID 'vpc-1' does not exist");
  });
});

import * as assert from 'node:assert/strict';
import {
  buildArn, iamRoleArn, mskGroupArn, mskTopicArn, parseArn, parseMskClusterArn, parseRdsArn, rdsDbUserArn, resourceIdFromArn, roleNameFromArn,
} from '../../../src/model/arn';

describe('arn', () => {
  it('parses type/id and type:id resources', () => {
    assert.deepEqual(parseArn('arn:aws:vpc-lattice:us-east-1:123456789012:resourcegateway/rgw-0bba03f3d56060135'), {
      partition: 'aws', service: 'vpc-lattice', region: 'us-east-1', account: '123456789012',
      resource: 'resourcegateway/rgw-0bba03f3d56060135', resourceType: 'resourcegateway', resourceId: 'rgw-0bba03f3d56060135',
    });
    const rds = parseArn('arn:aws:rds:us-east-1:123456789012:cluster:my-rds-cluster')!;
    assert.equal(rds.resourceType, 'cluster');
    assert.equal(rds.resourceId, 'my-rds-cluster');
    assert.equal(parseArn('arn:aws:s3:::bucket')!.resourceId, 'bucket');
    for (const bad of ['', 'arn:aws:iam::123', 'urn:aws:iam::1:role/x', 'arn:nope:iam::1:role/x', 'arn:aws:iam::1:']) assert.equal(parseArn(bad), undefined, bad);
  });

  it('extracts ids', () => {
    assert.equal(resourceIdFromArn('arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdefg'), 'rcfg-0123456789abcdefg');
    assert.equal(resourceIdFromArn('arn:aws:rds:us-east-1:123456789012:db:mydb'), 'mydb');
    assert.equal(roleNameFromArn('arn:aws:iam::123456789012:role/service-role/ClickHouse'), 'ClickHouse');
    assert.equal(roleNameFromArn('arn:aws:iam::123456789012:user/bob'), undefined);
    assert.deepEqual(parseRdsArn('arn:aws:rds:eu-west-1:123456789012:db:pg1'), { kind: 'instance', id: 'pg1', region: 'eu-west-1', account: '123456789012' });
    assert.equal(parseRdsArn('arn:aws:rds:eu-west-1:123456789012:snapshot:s'), undefined);
  });

  it('builds', () => {
    assert.equal(buildArn({ service: 'iam', account: '1', resource: 'role/x' }), 'arn:aws:iam::1:role/x');
    assert.equal(iamRoleArn('123456789012', 'r', '/a/'), 'arn:aws:iam::123456789012:role/a/r');
    assert.equal(rdsDbUserArn('us-east-1', '123456789012', 'db-ABC', 'clickpipes_iam_user'),
      'arn:aws:rds-db:us-east-1:123456789012:dbuser:db-ABC/clickpipes_iam_user');
  });

  it('MSK cluster, topic and group ARNs', () => {
    const cluster = 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/abcd-1234-5';
    assert.equal(parseMskClusterArn(cluster)!.clusterName, 'demo');
    assert.equal(mskTopicArn(cluster), 'arn:aws:kafka:us-east-1:123456789012:topic/demo/abcd-1234-5/*');
    assert.equal(mskGroupArn(cluster), 'arn:aws:kafka:us-east-1:123456789012:group/demo/abcd-1234-5/*');
    assert.equal(parseMskClusterArn('arn:aws:kafka:us-east-1:123456789012:cluster/demo'), undefined);
  });
});

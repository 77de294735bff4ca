import * as assert from 'node:assert/strict';
import {
  CLICKPIPES_SIDS, PolicyParseError, mergeClusterPolicy, missingMskActions, mskClusterPolicy, parsePolicy, rdsConnectPolicy, trustPolicy, trustPolicyMatches,
} from '../../../src/model/policies';

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/abcd-1234-5';
const foreign = {
  Sid: 'AppTeam',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: ['kafka:CreateVpcConnection', 'kafka:GetBootstrapBrokers'],
  Resource: CLUSTER,
};

describe('policies', () => {
  it('MSK cluster policy follows the AWS cross-account shape with the ClickPipes account', () => {
    const doc = JSON.parse(mskClusterPolicy(CLUSTER));
    assert.equal(doc.Version, '2012-10-17');
    assert.deepEqual(doc.Statement, [
      {
        Sid: CLICKPIPES_SIDS.cluster, Effect: 'Allow', Principal: { AWS: '072088201116' },
        Action: ['kafka:CreateVpcConnection', 'kafka:GetBootstrapBrokers', 'kafka:DescribeCluster', 'kafka:DescribeClusterV2', 'kafka-cluster:*'],
        Resource: CLUSTER,
      },
      { Sid: CLICKPIPES_SIDS.topics, Effect: 'Allow', Principal: { AWS: '072088201116' }, Action: 'kafka-cluster:*', Resource: 'arn:aws:kafka:us-east-1:123456789012:topic/demo/abcd-1234-5/*' },
      { Sid: CLICKPIPES_SIDS.groups, Effect: 'Allow', Principal: { AWS: '072088201116' }, Action: 'kafka-cluster:*', Resource: 'arn:aws:kafka:us-east-1:123456789012:group/demo/abcd-1234-5/*' },
    ]);
    assert.deepEqual(missingMskActions(mskClusterPolicy(CLUSTER)), []);
  });

  it('merge keeps foreign statements, in order, and is idempotent', () => {
    const existing = JSON.stringify({ Version: '2012-10-17', Statement: [foreign, { ...foreign, Sid: 'Second' }] });
    const once = mergeClusterPolicy(existing, CLUSTER);
    const twice = mergeClusterPolicy(once, CLUSTER);
    assert.equal(twice, once);
    const doc = JSON.parse(once);
    assert.deepEqual(doc.Statement.slice(0, 2), [foreign, { ...foreign, Sid: 'Second' }]);
    assert.deepEqual(doc.Statement.slice(2).map((s: { Sid: string }) => s.Sid), Object.values(CLICKPIPES_SIDS));
    assert.equal(mergeClusterPolicy(undefined, CLUSTER), mskClusterPolicy(CLUSTER));
    assert.equal(mergeClusterPolicy('  ', CLUSTER), mskClusterPolicy(CLUSTER));
  });

  it('merge replaces an outdated ClickPipes statement and accepts a single-statement object', () => {
    const stale = { Sid: CLICKPIPES_SIDS.cluster, Effect: 'Allow', Principal: { AWS: '072088201116' }, Action: 'kafka:DescribeCluster', Resource: CLUSTER };
    const merged = JSON.parse(mergeClusterPolicy(JSON.stringify({ Version: '2012-10-17', Statement: stale }), CLUSTER));
    assert.equal(merged.Statement.length, 3);
    assert.equal(merged.Statement[0].Action.length, 5);
  });

  it('merge recognises a ClickPipes policy written without our Sids by meaning, and does not double it', () => {
    // The AWS-documented policy as a person pastes it: no Sids, root ARN principal, actions in another order and case.
    const byHand = JSON.parse(mskClusterPolicy(CLUSTER)).Statement.map((st: Record<string, unknown>, i: number) => {
      const { Sid: _sid, ...rest } = st;
      const action = Array.isArray(rest.Action) ? [...(rest.Action as string[])].reverse().map((a) => (a === 'kafka:DescribeCluster' ? 'Kafka:describeCluster' : a)) : rest.Action;
      return { ...rest, Action: action, Principal: i === 0 ? { AWS: 'arn:aws:iam::072088201116:root' } : rest.Principal };
    });
    const merged = JSON.parse(mergeClusterPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [foreign, ...byHand] }), CLUSTER));
    assert.deepEqual(merged.Statement.map((st: { Sid?: string }) => st.Sid ?? '-'), [foreign.Sid ?? '-', ...Object.values(CLICKPIPES_SIDS)]);
    // A statement that only resembles ours (another resource) is someone else's and stays.
    const other = { Effect: 'Allow', Principal: { AWS: '072088201116' }, Action: 'kafka-cluster:*', Resource: 'arn:aws:kafka:us-east-1:123456789012:topic/other/*' };
    assert.equal(JSON.parse(mergeClusterPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [other] }), CLUSTER)).Statement.length, 4);
  });

  it('a SASL/SCRAM ClickPipe needs only the control actions; merging them never narrows the broad policy a SASL/IAM ClickPipe may rely on', () => {
    assert.deepEqual(missingMskActions(mskClusterPolicy(CLUSTER, 'scram'), 'scram'), []);
    assert.deepEqual(missingMskActions(mskClusterPolicy(CLUSTER, 'scram')), ['kafka-cluster:*']);
    // The broad policy (ours by Sid, or pasted by hand without Sids) stays as it is.
    assert.equal(mergeClusterPolicy(mskClusterPolicy(CLUSTER), CLUSTER, 'scram'), mskClusterPolicy(CLUSTER));
    const byHand = JSON.stringify({ Version: '2012-10-17', Statement: JSON.parse(mskClusterPolicy(CLUSTER)).Statement.map(({ Sid: _sid, ...rest }: Record<string, unknown>) => rest) });
    assert.equal(mergeClusterPolicy(byHand, CLUSTER, 'scram'), mskClusterPolicy(CLUSTER));
    // SASL/IAM later widens the narrow one.
    assert.equal(mergeClusterPolicy(mskClusterPolicy(CLUSTER, 'scram'), CLUSTER, 'iam'), mskClusterPolicy(CLUSTER));
    assert.equal(mergeClusterPolicy(undefined, CLUSTER, 'scram'), mskClusterPolicy(CLUSTER, 'scram'));
  });

  it('merge output is pretty-printed with a stable key order', () => {
    const scrambled = JSON.stringify({ Statement: [{ Resource: '*', Action: 'kafka:*', Effect: 'Allow', Principal: '*', Sid: 'X' }], Version: '2012-10-17' });
    const text = mergeClusterPolicy(scrambled, CLUSTER);
    assert.ok(text.startsWith('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "X",\n      "Effect": "Allow",\n      "Principal": "*",\n      "Action": "kafka:*",\n      "Resource": "*"'));
  });

  it('rejects broken existing policies with a clear error', () => {
    assert.throws(() => mergeClusterPolicy('{not json', CLUSTER), (e: Error) => e instanceof PolicyParseError && e.message.startsWith('The policy is not valid JSON'));
    assert.throws(() => mergeClusterPolicy('[]', CLUSTER), /The policy must be a JSON object\./);
    assert.throws(() => mergeClusterPolicy('{"Statement":[1]}', CLUSTER), /Every policy statement must be a JSON object\./);
  });

  it('trust policy and rds-db:connect policy match the seed', () => {
    assert.deepEqual(JSON.parse(trustPolicy('arn:aws:iam::999999999999:role/CH')), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:role/CH' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    });
    assert.deepEqual(JSON.parse(rdsConnectPolicy('eu-west-1', '123456789012', 'cluster-ABCDEF', 'clickpipes_iam_user')), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['rds-db:connect'], Resource: ['arn:aws:rds-db:eu-west-1:123456789012:dbuser:cluster-ABCDEF/clickpipes_iam_user'] }],
    });
  });

  it('reads URL-encoded documents from GetRole and compares trust', () => {
    const encoded = encodeURIComponent(trustPolicy('arn:aws:iam::999999999999:role/CH'));
    assert.equal(parsePolicy(encoded).Statement.length, 1);
    assert.ok(trustPolicyMatches(encoded, 'arn:aws:iam::999999999999:role/CH'));
    assert.ok(!trustPolicyMatches(encoded, 'arn:aws:iam::999999999999:role/Other'));
    assert.ok(!trustPolicyMatches('nope', 'arn:aws:iam::999999999999:role/CH'));
  });

  it('missing actions honour wildcards and ignore other principals', () => {
    const wide = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::072088201116:root'] }, Action: ['kafka:*', 'kafka-cluster:*'] }] });
    assert.deepEqual(missingMskActions(wide), []);
    const other = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: '*' }] });
    assert.equal(missingMskActions(other).length, 5);
  });
});

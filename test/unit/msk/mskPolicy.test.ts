import * as assert from 'node:assert/strict';
import { CLICKPIPES_SIDS, mergeClusterPolicy } from '../../../src/model/policies';
import { isClickPipesStatement, rebaseClusterPolicy, sharedClickPipesStatements, withoutClickPipes } from '../../../src/model/mskPolicy';
import { ARN } from './fakeMsk';

const foreign = { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kafka:DescribeCluster', Resource: ARN };
const handWritten = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::072088201116:root' }, Action: 'kafka-cluster:Connect', Resource: ARN };
const mixed = { Effect: 'Allow', Principal: { AWS: ['072088201116', '111122223333'] }, Action: 'kafka:GetBootstrapBrokers', Resource: ARN };
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const sids = (json: string | undefined) => (json ? JSON.parse(json).Statement.map((s: { Sid?: string }) => s.Sid ?? '-') : []);

describe('msk/policy: ClickPipes statements, teardown and rebase', () => {
  it('knows a ClickPipes statement by our Sid or by naming only the ClickPipes account', () => {
    assert.equal(isClickPipesStatement({ Sid: CLICKPIPES_SIDS.topics, Effect: 'Allow', Action: 'x' }), true);
    assert.equal(isClickPipesStatement(handWritten as never), true);
    assert.equal(isClickPipesStatement({ ...handWritten, Principal: '072088201116' } as never), true);
    assert.equal(isClickPipesStatement(foreign as never), false);
    assert.equal(isClickPipesStatement(mixed as never), false, 'shared with someone else: not ours');
    assert.equal(isClickPipesStatement({ Effect: 'Allow', Action: 'x' }), false, 'no principal');
    assert.equal(sharedClickPipesStatements({ Version: '2012-10-17', Statement: [mixed, foreign] as never }).length, 1);
  });

  it('teardown keeps foreign statements in order and drops ours and hand-written ClickPipes ones', () => {
    const merged = mergeClusterPolicy(policy(foreign, handWritten, mixed), ARN);
    const result = withoutClickPipes(merged);
    assert.deepEqual(sids(result.remaining), ['Partner', '-']);
    assert.equal(result.removed, 4);
    assert.equal(result.kept, 2);
    assert.deepEqual(JSON.parse(result.remaining!).Statement[1], mixed);
  });

  it('teardown of a ClickPipes-only policy leaves nothing (DeleteClusterPolicy)', () => {
    const result = withoutClickPipes(mergeClusterPolicy(undefined, ARN));
    assert.equal(result.remaining, undefined);
    assert.equal(result.removed, 3);
  });

  it('merge then teardown gives back the foreign statements (round trip)', () => {
    const original = policy(foreign);
    assert.deepEqual(JSON.parse(withoutClickPipes(mergeClusterPolicy(original, ARN)).remaining!), JSON.parse(original));
  });

  it('rebase: foreign statements as the cluster has them now, ClickPipes ones as planned (edits kept)', () => {
    const planned = JSON.parse(mergeClusterPolicy(policy(foreign), ARN));
    planned.Statement[1].Condition = { Bool: { 'aws:SecureTransport': 'true' } }; // edited in review
    const now = policy(foreign, { Sid: 'AddedMeanwhile', Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'kafka:*', Resource: ARN });
    const rebased = JSON.parse(rebaseClusterPolicy(JSON.stringify(planned), now));
    assert.deepEqual(rebased.Statement.map((s: { Sid: string }) => s.Sid), ['Partner', 'AddedMeanwhile', ...Object.values(CLICKPIPES_SIDS)]);
    assert.deepEqual(rebased.Statement[2].Condition, { Bool: { 'aws:SecureTransport': 'true' } });
  });

  it('rebase is idempotent and works for a teardown plan and for a deleted policy', () => {
    const planned = mergeClusterPolicy(policy(foreign), ARN);
    const now = policy(foreign);
    assert.equal(rebaseClusterPolicy(rebaseClusterPolicy(planned, now), now), rebaseClusterPolicy(planned, now));
    const teardown = withoutClickPipes(planned).remaining!;
    const nowWithOurs = mergeClusterPolicy(policy(foreign, { Sid: 'New', Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'kafka:*' }), ARN);
    assert.deepEqual(sids(rebaseClusterPolicy(teardown, nowWithOurs)), ['Partner', 'New']);
    assert.deepEqual(sids(rebaseClusterPolicy(planned, undefined)), Object.values(CLICKPIPES_SIDS));
  });
});

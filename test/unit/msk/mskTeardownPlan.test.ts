import * as assert from 'node:assert/strict';
import { documentsFor } from '../../../src/model/builders';
import { mergeClusterPolicy } from '../../../src/model/policies';
import { validatePlan } from '../../../src/model/planSchema';
import { buildMskTeardownPlan } from '../../../src/model/mskTeardownPlan';
import { ARN } from './fakeMsk';

const ctx = { planId: 'msk-down-1', createdAt: '2026-11-23T18:00:00.000Z', profile: 'dev', region: 'us-east-1', accountId: '123456789012' };
const partner = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Partner', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kafka:DescribeCluster', Resource: ARN }] });

describe('msk/teardown plan', () => {
  it('foreign statements remain: PutClusterPolicy with the policy version, old/new policy documents for the diff', () => {
    const built = buildMskTeardownPlan({ clusterArn: ARN, policy: { currentVersion: 'P9', document: mergeClusterPolicy(partner, ARN) } }, ctx);
    assert.ok('plan' in built);
    const [step] = built.plan.steps;
    assert.equal(step.operation, 'PutClusterPolicy');
    assert.equal(step.input.CurrentVersion, 'P9');
    assert.deepEqual(JSON.parse(String(step.input.Policy)), JSON.parse(partner));
    assert.match(step.title, /Remove 3 ClickPipes statements .*keep 1/);
    assert.deepEqual(validatePlan(built.plan), []);
    assert.deepEqual(documentsFor(built.plan).map((d) => d.name), ['plan.json', 'cluster-policy.current.json', 'cluster-policy.json', 'commands.sh', 'summary.md']);
    assert.ok(built.plan.warnings.some((w) => /reverse private endpoint .* first/.test(w)));
  });

  it('a ClickPipes-only policy is deleted (DeleteClusterPolicy), with the no-version warning', () => {
    const built = buildMskTeardownPlan({ clusterArn: ARN, policy: { currentVersion: 'P9', document: mergeClusterPolicy(undefined, ARN) } }, ctx);
    assert.ok('plan' in built);
    assert.deepEqual(built.plan.steps.map((s) => `${s.operation}:${JSON.stringify(s.input)}`), [`DeleteClusterPolicy:{"ClusterArn":"${ARN}"}`]);
    assert.ok(built.plan.warnings.some((w) => /no version check/.test(w)));
    assert.deepEqual(validatePlan(built.plan), []);
  });

  it('nothing to do without a policy or without ClickPipes statements', () => {
    const none = buildMskTeardownPlan({ clusterArn: ARN, policy: null }, ctx);
    assert.ok('nothingToDo' in none && /no cluster policy/.test(none.nothingToDo));
    const foreignOnly = buildMskTeardownPlan({ clusterArn: ARN, policy: { currentVersion: 'P1', document: partner } }, ctx);
    assert.ok('nothingToDo' in foreignOnly && /no statement for ClickPipes/.test(foreignOnly.nothingToDo));
  });
});

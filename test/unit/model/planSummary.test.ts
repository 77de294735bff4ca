import * as assert from 'node:assert/strict';
import { buildVpcResourcePlan, documentsFor, reviewTabs } from '../../../src/model/builders';
import { changeAction, planSummary } from '../../../src/model/planSummary';
import type { Plan } from '../../../src/model/plan';
import { ctx, vpcForm } from './fixtures';

describe('planSummary: what a plan changes, before plan.json', () => {
  it('names each step by what it does to the account, from its verb', () => {
    assert.equal(changeAction({ operation: 'CreateResourceGateway', mutating: true }), 'create');
    assert.equal(changeAction({ operation: 'AssociateResourceShare', mutating: true }), 'create');
    assert.equal(changeAction({ operation: 'PutClusterPolicy', mutating: true }), 'update');
    assert.equal(changeAction({ operation: 'UpdateConnectivity', mutating: true }), 'update');
    assert.equal(changeAction({ operation: 'ModifyDBCluster', mutating: true }), 'update');
    assert.equal(changeAction({ operation: 'DeleteClusterPolicy', mutating: true }), 'delete');
    assert.equal(changeAction({ operation: 'RejectVpcEndpointConnections', mutating: true }), 'delete');
    assert.equal(changeAction({ operation: 'GetCallerIdentity', mutating: false }), 'read');
    // A mutating step whose verb says nothing is at least an update, never a read.
    assert.equal(changeAction({ operation: 'FrobnicateThing', mutating: true }), 'update');
  });

  it('leads with account and region, counts the changes, lists each step with its inputs and wait', () => {
    const plan = buildVpcResourcePlan(vpcForm, ctx);
    const text = planSummary(plan);
    const lines = text.split('\n');
    assert.equal(lines[0], `# ${plan.title}`);
    assert.match(lines[2], /Account \*\*123456789012\*\* \(profile \*\*dev\*\*\), region \*\*us-east-1\*\*/);
    assert.match(text, /^3 to create, 0 to update, 0 to delete, 0 read only\.$/m);
    assert.match(text, /^\+ Create resource gateway clickpipes-gw \(will be created\)$/m);
    assert.match(text, /^\+ {5}vpcIdentifier = vpc-0123456789abcdef0$/m);
    assert.match(text, /^\+ {5}resourceGatewayIdentifier = output id of step gateway$/m);
    assert.match(text, /then waits until status is ACTIVE \(GetResourceGateway, up to \d+ min\)/);
    assert.doesNotMatch(text, /clientToken/, 'tokens are made at apply: not a reviewer decision');
    for (const label of Object.keys(plan.results)) assert.ok(text.includes(`- ${label}`), label);
  });

  it('says the account is still to be read when the plan has none, and shows warnings', () => {
    const plan: Plan = { ...buildVpcResourcePlan(vpcForm, ctx), accountId: undefined, warnings: ['Region is not a ClickPipes region.'] };
    const text = planSummary(plan);
    assert.match(text, /the account is read from STS before apply/);
    assert.match(text, /## Before you apply\n- Region is not a ClickPipes region\./);
  });

  it('shortens a long policy to a pointer at its tab and marks reusable steps', () => {
    const base = buildVpcResourcePlan(vpcForm, ctx);
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 5 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 'rds-db:connect', Resource: '*' })) });
    const plan: Plan = {
      ...base,
      steps: [{ id: 'role', title: 'IAM role', service: 'iam', operation: 'CreateRole', input: { RoleName: 'r', AssumeRolePolicyDocument: policy }, outputs: {}, mutating: true, skipIf: { operation: 'GetRole', input: { RoleName: 'r' } } }],
    };
    const text = planSummary(plan);
    assert.match(text, /AssumeRolePolicyDocument = \(a policy document: see its tab\)/);
    assert.ok(!text.includes('rds-db:connect'));
    assert.match(text, /^\+ IAM role \(will be created, reused if it already exists\)$/m);
  });

  it('lists what the plan leaves as it is as no change, and counts it', () => {
    const plan = buildVpcResourcePlan({ ...vpcForm, gatewayMode: 'existing', gatewayId: 'rgw-0123456789abcdef0' }, ctx);
    assert.deepEqual(plan.unchanged, ['Resource gateway rgw-0123456789abcdef0: existing, used as it is']);
    const text = planSummary(plan);
    assert.match(text, /^ {2}Resource gateway rgw-0123456789abcdef0: existing, used as it is \(no change\)$/m);
    assert.match(text, /, 1 unchanged\./);
    assert.doesNotMatch(planSummary(buildVpcResourcePlan(vpcForm, ctx)), /unchanged|no change/);
  });
});

describe('reviewTabs: at most three tabs, the summary in front', () => {
  const doc = (name: string, language: 'json' | 'sql' | 'shellscript' | 'markdown', editable = false) => ({ name, language, editable });
  const docsOf = (plan: Plan) => documentsFor(plan).map((d) => ({ name: d.name, language: d.language, editable: d.editable }));

  it('summary, plan.json and the CLI script for a VPC-resource plan; summary.md is a document of every plan', () => {
    const docs = docsOf(buildVpcResourcePlan(vpcForm, ctx));
    assert.ok(docs.some((d) => d.name === 'summary.md'));
    assert.deepEqual(reviewTabs(docs), ['summary.md', 'plan.json', 'commands.sh']);
  });

  it('prefers SQL the user runs, then a policy they may edit, over the CLI script', () => {
    const base = [doc('summary.md', 'markdown'), doc('plan.json', 'json', true), doc('commands.sh', 'shellscript')];
    assert.deepEqual(reviewTabs([...base, doc('trust-policy.json', 'json', true), doc('postgres-clickpipes-user.sql', 'sql')]), ['summary.md', 'plan.json', 'postgres-clickpipes-user.sql']);
    assert.deepEqual(reviewTabs([...base, doc('cluster-policy.current.json', 'json'), doc('cluster-policy.json', 'json', true)]), ['summary.md', 'plan.json', 'cluster-policy.json']);
    for (const many of [[...base, doc('a.json', 'json', true), doc('b.sql', 'sql'), doc('c.json', 'json', true)], base]) {
      assert.ok(reviewTabs(many).length <= 3);
    }
  });
});

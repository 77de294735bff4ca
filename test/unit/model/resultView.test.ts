import * as assert from 'node:assert/strict';
import { buildIamDbAuthPlan } from '../../../src/model/builders';
import { createdView, outputLabel } from '../../../src/model/resultView';
import { vpcResourcePlan } from '../plans/fixtures';

describe('model/resultView: what the result says about each thing made', () => {
  const plan = vpcResourcePlan();
  const step = (id: string) => plan.steps.find((s) => s.id === id)!;

  it('names the resource in words with its id, and labels the outputs', () => {
    const view = createdView(step('gateway'), { outputs: { id: 'rgw-1', arn: 'arn:aws:vpc-lattice:us-east-1:1:resourcegateway/rgw-1' }, waiting: false, finalState: 'ACTIVE' });
    assert.deepEqual(view, {
      title: 'Resource gateway rgw-1', state: 'ACTIVE',
      outputs: [{ label: 'ID', value: 'rgw-1' }, { label: 'ARN', value: 'arn:aws:vpc-lattice:us-east-1:1:resourcegateway/rgw-1' }],
    });
  });

  it('shows the settled state instead of the create call\'s status', () => {
    const share = { ...step('share'), waitFor: { operation: 'GetResourceShares', input: {}, statusPath: 'resourceShares.0.status', success: ['ACTIVE'], failure: [], timeoutSeconds: 1 } };
    const view = createdView(share, { outputs: { arn: 'arn:aws:ram:us-east-1:1:resource-share/x', status: 'PENDING' }, waiting: false, finalState: 'ACTIVE' });
    assert.equal(view.title, 'RAM resource share');
    assert.equal(view.state, 'ACTIVE');
    assert.deepEqual(view.outputs.map((o) => o.label), ['ARN']);
  });

  it('a step still waiting says so; a step without a wait keeps its outputs as they are', () => {
    assert.match(createdView(step('configuration'), { outputs: { id: 'rcfg-1' }, waiting: true }).state ?? '', /still settling/);
    const plain = createdView(step('share'), { outputs: { arn: 'a', status: 'ACTIVE' }, waiting: false });
    assert.equal(plain.state, undefined);
    assert.deepEqual(plain.outputs, [{ label: 'ARN', value: 'a' }, { label: 'Status', value: 'ACTIVE' }]);
  });

  it('IAM DB auth reads as enabled, not as the database status "modifying"', () => {
    const iam = buildIamDbAuthPlan({
      databaseKind: 'instance', databaseId: 'db1', resourceId: 'db-ABC', engine: 'postgres', enableIamAuth: true, iamAuthEnabled: false,
      roleName: 'ClickPipesDb', clickhouseRoleArn: 'arn:aws:iam::123456789012:role/CH-Role', dbUser: 'clickpipes', region: 'us-east-1', account: '123456789012',
    }, { planId: 'p', createdAt: '2026-01-01T00:00:00Z', profile: 'x', region: 'us-east-1' });
    const enable = iam.steps.find((s) => s.id === 'enableIamAuth')!;
    const view = createdView(enable, { outputs: { status: 'modifying' }, waiting: false, finalState: 'true' });
    assert.deepEqual([view.title, view.state, view.outputs], ['IAM database authentication', 'enabled', []]);
  });

  it('unknown output keys become words', () => {
    assert.equal(outputLabel('bootstrapBrokerStringSaslIam'), 'Bootstrap broker string sasl iam');
  });
});

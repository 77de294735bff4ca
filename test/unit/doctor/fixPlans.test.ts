// The doctor's fix plans are ordinary plans: valid against the plan schema, rendered as AWS CLI,
// with a default parameter group copied (never modified) and the reboot never implied.
import * as assert from 'node:assert/strict';
import { buildFixPlan, customGroupName } from '../../../src/model/builders/doctorFixes';
import { renderCli } from '../../../src/model/cli';
import type { FixRequest } from '../../../src/model/doctor/types';
import { validatePlan } from '../../../src/model/planSchema';

const ctx = { planId: 'doctor-1', createdAt: '2026-12-06T00:00:00Z', profile: 'p', region: 'us-east-1', accountId: '123456789012' };
const fixes: FixRequest[] = [
  { kind: 'ingressRule', groupId: 'sg-0123456789abcdef0', sourceGroupId: 'sg-0123456789abcdef1', port: 5432, description: 'ClickPipes resource gateway rgw-1' },
  { kind: 'allowPrincipal', serviceId: 'vpce-svc-0123456789abcdef0' },
  { kind: 'acceptConnections', serviceId: 'vpce-svc-0123456789abcdef0', endpointIds: ['vpce-0123456789abcdef1'] },
  { kind: 'addRegion', serviceId: 'vpce-svc-0123456789abcdef0', region: 'eu-west-1' },
  { kind: 'parameters', level: 'instance', dbId: 'ledger', family: 'postgres16', currentGroup: 'default.postgres16', values: { 'rds.logical_replication': '1' }, static: true },
  { kind: 'parameters', level: 'cluster', dbId: 'orders', family: 'aurora-postgresql16', currentGroup: 'orders-custom', values: { 'rds.logical_replication': '1' }, static: true },
  { kind: 'reboot', instanceId: 'ledger', reason: 'apply the parameter group' },
];

describe('doctor: fix plans', () => {
  it('every fix is a valid plan with mutating steps and a CLI rendering', () => {
    for (const fix of fixes) {
      const plan = buildFixPlan(fix, ctx);
      assert.deepEqual(validatePlan(JSON.parse(JSON.stringify(plan))), [], fix.kind);
      assert.ok(plan.steps.some((s) => s.mutating), fix.kind);
      assert.match(renderCli(plan), /\baws (ec2|rds) [a-z-]+ /, fix.kind);
    }
  });

  it('a default group is copied, set and attached, with no reboot step; a custom group is modified in place', () => {
    const copy = buildFixPlan(fixes[4], ctx);
    assert.deepEqual(copy.steps.map((s) => s.operation), ['CreateDBParameterGroup', 'ModifyDBParameterGroup', 'ModifyDBInstance']);
    assert.equal(copy.steps[2].input.DBParameterGroupName, customGroupName('ledger'));
    assert.ok(copy.steps.every((s) => s.operation !== 'RebootDBInstance'));
    assert.match(copy.warnings.join(' '), /reboot, which is not part of this plan/);
    const inPlace = buildFixPlan(fixes[5], ctx);
    assert.deepEqual(inPlace.steps.map((s) => s.operation), ['ModifyDBClusterParameterGroup']);
    assert.deepEqual(buildFixPlan(fixes[6], ctx).steps.map((s) => s.operation), ['RebootDBInstance']);
  });
});

// The connectivity doctor's fix plans, interrupted 'in flight' at each mutating call: AWS acts on
// the call but its answer is lost (the first apply fails there). A resume — a fresh journal store
// on the same directory, as a new window would — must finish, make no second resource, and the
// doctor's check must then pass. The lost answer is simulated in the call itself (the request
// reached the emulator and was acted on; the SDK then sees a dropped connection), which is what
// test/resilience/restart.test.ts gets by stopping the server mid-request, without the restart.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Scope } from '../../src/aws/api';
import { buildFixPlan } from '../../src/model/builders/doctorFixes';
import { checkDatabase } from '../../src/model/doctor/database';
import { checkEndpointService } from '../../src/model/doctor/endpointService';
import { checkMskMultiVpc } from '../../src/model/doctor/mskMultiVpc';
import type { FixRequest, Hop } from '../../src/model/doctor/types';
import { checkVpcResource } from '../../src/model/doctor/vpcResource';
import type { Plan } from '../../src/model/plan';
import type { StepCall } from '../../src/plans/executor';
import { FileJournalStore } from '../../src/plans/journal';
import { applyOnEmulatorClock, control, emulatorSuite, EU, US, type Suite } from '../integration/awsEnv';

const ACCOUNT = '123456789012';
const hop = (hops: Hop[], id: string) => hops.find((h) => h.id === id)!;

/** What the SDK reports when the connection drops after the request went out. */
function answerLost(operation: string): Error {
  return Object.assign(new Error(`socket hang up (${operation}: answer lost)`), { name: 'TimeoutError', code: 'ECONNRESET' });
}

type Case = {
  name: string;
  scope: Scope;
  /** The mutating calls of the plan, each interrupted in its own test. */
  operations: string[];
  /** Brings the world to the failing state (when the demo world is not already there). */
  prepare?: (s: Suite) => Promise<void> | void;
  /** The doctor's hops for the thing being fixed. */
  diagnose: (s: Suite) => Promise<Hop[]>;
  hopId: string;
  /** Resources the fix creates, counted in the world: exactly one after the resume. */
  created?: (s: Suite) => number;
  /** A change that must happen once (a reboot, an outage): the operation reaches AWS exactly once over both applies. */
  once?: boolean;
  /** What the user picks before the plan is built (the SASL/SCRAM secret). */
  choose?: (s: Suite, fix: FixRequest) => FixRequest;
};

/** How long RDS changes stay transitional: 0 lets a reboot finish before the resume; longer, the resume finds it under way. */
const rdsTimings = (s: Suite, update: number) => control(s.url, 'POST', 'timings', { create: 0, update, delete: 0, shareActivate: 0 });
const pendingReboot = (s: Suite, id: string) => { region(s, US).dbInstances.get(id)!.DBParameterGroups[0].ParameterApplyStatus = 'pending-reboot'; };
/** A cluster group with logical replication on, attached and pending the writer's reboot. */
const writerPendingReboot = (s: Suite, id: string) => {
  const name = `cdc-${id}`;
  region(s, US).dbClusterParameterGroups.set(name, {
    group: { DBClusterParameterGroupName: name, DBParameterGroupFamily: 'aurora-postgresql16', Description: 'CDC', DBClusterParameterGroupArn: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster-pg:${name}` },
    values: new Map([['rds.logical_replication', '1'], ['rds.iam_auth_for_replication', '1']]),
  });
  const cluster = region(s, US).dbClusters.get(id)!;
  cluster.DBClusterParameterGroup = name;
  for (const m of cluster.DBClusterMembers) m.DBClusterParameterGroupStatus = 'pending-reboot';
};

const region = (s: Suite, scope: Scope) => s.emu.world.region(ACCOUNT, scope.region);
const configurationId = (s: Suite, name: string) => [...region(s, US).resourceConfigurations.values()].find((c) => c.name === name)!.id as string;
const serviceIdOf = (s: Suite, lbName: string) => [...region(s, US).endpointServices.values()]
  .find((x) => x.NetworkLoadBalancerArns.some((a: string) => a.includes(`/${lbName}/`)))!.ServiceId as string;
const clusterArn = (s: Suite, scope: Scope, name: string) => [...region(s, scope).mskClusters.values()].find((c) => c.ClusterName === name)!.ClusterArn as string;
/** Configurations by name (the name is in the ARN, as AWS forms it). */
const configurationsNamed = (s: Suite, name: string) => [...region(s, US).mskConfigurations.keys()].filter((arn) => arn.split('/')[1] === name).length;

const CASES: Case[] = [
  {
    name: 'security-group ingress rule', scope: US, operations: ['AuthorizeSecurityGroupIngress'], hopId: 'targetIngress',
    diagnose: async (s) => checkVpcResource(await s.layer.doctor.vpcResource(US, configurationId(s, 'crm-postgres'))),
  },
  {
    name: 'RDS instance parameter-group copy', scope: US, operations: ['CreateDBParameterGroup', 'ModifyDBParameterGroup', 'ModifyDBInstance'], hopId: 'parameters',
    diagnose: async (s) => checkDatabase(await s.layer.doctor.database(US, 'instance', 'ledger-postgres')),
    // The emulator keys groups by name, as RDS does: one entry, or none.
    created: (s) => (region(s, US).dbParameterGroups.has('clickpipes-cdc-ledger-postgres') ? 1 : 0),
  },
  {
    name: 'RDS cluster parameter-group copy', scope: US, operations: ['CreateDBClusterParameterGroup', 'ModifyDBClusterParameterGroup', 'ModifyDBCluster'], hopId: 'parameters',
    diagnose: async (s) => checkDatabase(await s.layer.doctor.database(US, 'cluster', 'orders-aurora-pg')),
    created: (s) => (region(s, US).dbClusterParameterGroups.has('clickpipes-cdc-orders-aurora-pg') ? 1 : 0),
  },
  {
    name: 'NLB SetSecurityGroups', scope: US, operations: ['SetSecurityGroups'], hopId: 'nlbSecurityGroups',
    prepare: (s) => {
      const lb = [...region(s, US).loadBalancers.values()].find((l) => l.LoadBalancerName === 'pg-proxy-nlb')!;
      lb.SecurityGroups = [[...region(s, US).securityGroups.values()].find((g) => g.GroupName === 'default' && g.VpcId === lb.VpcId)!.GroupId];
      lb.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic = 'on';
    },
    diagnose: async (s) => checkEndpointService(await s.layer.doctor.endpointService(US, { id: serviceIdOf(s, 'pg-proxy-nlb') })),
  },
  {
    name: 'MSK UpdateConnectivity', scope: US, operations: ['UpdateConnectivity'], hopId: 'auth',
    diagnose: async (s) => checkMskMultiVpc(await s.layer.doctor.mskMultiVpc(US, clusterArn(s, US, 'orders-events'), 'SASL_IAM')),
  },
  {
    name: 'MSK PutClusterPolicy', scope: US, operations: ['PutClusterPolicy'], hopId: 'policy',
    diagnose: async (s) => checkMskMultiVpc(await s.layer.doctor.mskMultiVpc(US, clusterArn(s, US, 'orders-events'), 'SASL_IAM')),
  },
  {
    name: 'MSK ACLs, new configuration', scope: US, operations: ['CreateConfiguration', 'UpdateClusterConfiguration'], hopId: 'acls',
    diagnose: async (s) => checkMskMultiVpc(await s.layer.doctor.mskMultiVpc(US, clusterArn(s, US, 'orders-events'), 'SASL_SCRAM')),
    created: (s) => configurationsNamed(s, 'clickpipes-acls-orders-events'),
  },
  {
    name: 'MSK ACLs, new revision', scope: EU, operations: ['UpdateConfiguration', 'UpdateClusterConfiguration'], hopId: 'acls',
    diagnose: async (s) => checkMskMultiVpc(await s.layer.doctor.mskMultiVpc(EU, clusterArn(s, EU, 'eu-audit-scram'), 'SASL_SCRAM')),
  },
  {
    name: 'MSK SASL/SCRAM secret', scope: US, operations: ['BatchAssociateScramSecret'], hopId: 'scramSecret',
    diagnose: async (s) => checkMskMultiVpc(await s.layer.doctor.mskMultiVpc(US, clusterArn(s, US, 'orders-events'), 'SASL_SCRAM')),
    choose: (s, fix) => ({ ...fix, secretArn: [...region(s, US).secrets.values()].find((x) => x.Name === 'AmazonMSK_orders_clickpipes')!.ARN }) as FixRequest,
    // What MSK answers to a second association of the same secret is not documented: the resume
    // reads the cluster's secrets and never sends it again.
    created: (s) => (region(s, US).mskScramSecrets.get(clusterArn(s, US, 'orders-events')) ?? []).length, once: true,
  },
  {
    name: 'RDS automated backups on (done before the resume)', scope: US, operations: ['ModifyDBInstance'], hopId: 'backups', once: true,
    prepare: (s) => { region(s, US).dbInstances.get('inventory-mysql')!.BackupRetentionPeriod = 0; },
    diagnose: async (s) => checkDatabase(await s.layer.doctor.database(US, 'instance', 'inventory-mysql')),
  },
  {
    name: 'RDS automated backups on (still modifying at the resume)', scope: US, operations: ['ModifyDBInstance'], hopId: 'backups', once: true,
    prepare: async (s) => { region(s, US).dbInstances.get('inventory-mysql')!.BackupRetentionPeriod = 0; await rdsTimings(s, 60_000); },
    diagnose: async (s) => checkDatabase(await s.layer.doctor.database(US, 'instance', 'inventory-mysql')),
  },
  {
    name: 'RDS instance reboot (done before the resume)', scope: US, operations: ['RebootDBInstance'], hopId: 'applied', once: true,
    prepare: (s) => pendingReboot(s, 'crm-postgres'),
    diagnose: async (s) => checkDatabase(await s.layer.doctor.database(US, 'instance', 'crm-postgres')),
  },
  {
    name: 'RDS instance reboot (still rebooting at the resume)', scope: US, operations: ['RebootDBInstance'], hopId: 'applied', once: true,
    prepare: async (s) => { pendingReboot(s, 'crm-postgres'); await rdsTimings(s, 60_000); },
    diagnose: async (s) => checkDatabase(await s.layer.doctor.database(US, 'instance', 'crm-postgres')),
  },
  {
    name: 'Aurora writer reboot (done before the resume)', scope: US, operations: ['RebootDBInstance'], hopId: 'applied', once: true,
    prepare: (s) => writerPendingReboot(s, 'orders-aurora-pg'),
    diagnose: async (s) => checkDatabase(await s.layer.doctor.database(US, 'cluster', 'orders-aurora-pg')),
  },
  {
    name: 'Aurora writer reboot (still rebooting at the resume)', scope: US, operations: ['RebootDBInstance'], hopId: 'applied', once: true,
    prepare: async (s) => { writerPendingReboot(s, 'orders-aurora-pg'); await rdsTimings(s, 60_000); },
    diagnose: async (s) => checkDatabase(await s.layer.doctor.database(US, 'cluster', 'orders-aurora-pg')),
  },
];

describe('resilience: each doctor fix plan, its answer lost at every mutating call, resumes to a green check', function () {
  this.timeout(120_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(() => { journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-doctor-resume-')); });
  afterEach(() => rmSync(journalDir, { recursive: true, force: true }));

  let n = 0;
  const planFor = (fix: FixRequest, scope: Scope): Plan =>
    buildFixPlan(fix, { planId: `doctor-resume-${++n}-${Date.now()}`, createdAt: new Date().toISOString(), profile: scope.profile, region: scope.region, accountId: ACCOUNT });
  /** A fresh journal store each time: a new window reading the same directory. */
  const apply = (plan: Plan, scope: Scope, wrap?: (c: StepCall) => StepCall) => {
    const call: StepCall = (service, operation, input) => suite.layer.call(scope, service, operation, input);
    return applyOnEmulatorClock(suite.emu, plan, wrap ? wrap(call) : call, new FileJournalStore(journalDir));
  };

  for (const c of CASES) {
    for (const operation of c.operations) {
      it(`${c.name}: answer to ${operation} lost, the resume finishes, nothing twice, the check passes`, async () => {
        await c.prepare?.(suite);
        const before = hop(await c.diagnose(suite), c.hopId);
        assert.equal(before.verdict, 'fail', `${c.hopId} fails before the fix`);
        assert.ok(before.fix, 'the failing hop proposes a fix');
        const plan = planFor(c.choose ? c.choose(suite, before.fix) : before.fix, c.scope);
        assert.ok(plan.steps.some((s) => s.operation === operation), `the plan calls ${operation}`);

        let acted = false;
        let reached = 0;
        const counting = (call: StepCall): StepCall => async (service, op, input) => {
          if (op === operation) reached++;
          return call(service, op, input);
        };
        const first = await apply(plan, c.scope, (call) => async (service, op, input) => {
          const answer = await counting(call)(service, op, input);
          if (op !== operation || acted) return answer;
          acted = true;
          throw answerLost(op);
        });
        assert.ok(acted, `${operation} was called and acted on`);
        assert.equal(first.status, 'failed', 'the first apply stops where the answer was lost');
        assert.equal(first.stoppedAt, plan.steps.find((s) => s.operation === operation)!.id);

        const second = await apply(plan, c.scope, counting);
        assert.equal(second.status, 'succeeded', JSON.stringify(second.failure));
        if (c.once) assert.equal(reached, 1, `${operation} reached AWS once, not again on the resume`);
        if (c.created) assert.equal(c.created(suite), 1, 'exactly one resource made by the fix');
        assert.equal(hop(await c.diagnose(suite), c.hopId).verdict, 'pass', `${c.hopId} passes after the resume`);
      });
    }
  }
});

describe('resilience: a Kafka configuration of the same name that the fix did not make is not adopted', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(() => { journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-doctor-resume-')); });
  afterEach(() => rmSync(journalDir, { recursive: true, force: true }));

  it('someone else made it between review and apply with other properties: the apply fails at the field, nothing run on the cluster', async () => {
    const arn = clusterArn(suite, US, 'orders-events');
    const fix = hop(checkMskMultiVpc(await suite.layer.doctor.mskMultiVpc(US, arn, 'SASL_SCRAM')), 'acls').fix;
    assert.ok(fix?.kind === 'mskAcls' && !fix.configuration, 'the fix creates a new configuration');
    const plan = buildFixPlan(fix, { planId: `doctor-resume-foreign-${Date.now()}`, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: ACCOUNT });
    await suite.layer.call(US, 'kafka', 'CreateConfiguration', { Name: 'clickpipes-acls-orders-events', ServerProperties: 'allow.everyone.if.no.acl.found=true\n' });
    const outcome = await applyOnEmulatorClock(suite.emu, plan, (service, operation, input) => suite.layer.call(US, service, operation, input), new FileJournalStore(journalDir));
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.failure?.stepId, 'configuration');
    assert.equal(outcome.failure?.error.code, 'ExistingResourceConflict');
    assert.match(outcome.failure!.error.text, /clickpipes-acls-orders-events already exists with a different ServerProperties/);
    assert.deepEqual(outcome.ran, ['configuration'], 'UpdateClusterConfiguration is not called');
  });
});

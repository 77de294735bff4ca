// The connectivity doctor on the emulator through the real AWS layer: each demo broken setup is
// found, its fix plan applied with the executor turns the check green, failed reads give unknown,
// and each path makes its minimal number of read calls (the request log counts them).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AwsLayer, Scope } from '../../src/aws/api';
import { createAwsLayer } from '../../src/aws/index';
import { buildFixPlan } from '../../src/model/builders/doctorFixes';
import { checkDatabase } from '../../src/model/doctor/database';
import { checkEndpointService } from '../../src/model/doctor/endpointService';
import { checkMskMultiVpc } from '../../src/model/doctor/mskMultiVpc';
import type { FixRequest, Hop } from '../../src/model/doctor/types';
import { checkVpcResource } from '../../src/model/doctor/vpcResource';
import { FileJournalStore } from '../../src/plans/journal';
import { applyOnEmulatorClock, clearLog, control, emulatorSuite, EU, requestCounts, US } from './awsEnv';

const verdicts = (hops: Hop[]) => Object.fromEntries(hops.map((h) => [h.id, h.verdict]));
const hop = (hops: Hop[], id: string) => hops.find((h) => h.id === id)!;

/** Read calls the doctor made: the log's counts for services other than sts (credentials). */
async function reads(url: string): Promise<Record<string, number>> {
  const counts = await requestCounts(url);
  return Object.fromEntries(Object.entries(counts).filter(([k]) => !k.startsWith('sts:')));
}

describe('connectivity doctor against the emulator (real AWS layer, executor-applied fixes)', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(() => { journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-doctor-')); });
  afterEach(async () => {
    rmSync(journalDir, { recursive: true, force: true });
    await control(suite.emu.url, 'POST', 'faults', { mode: 'clear' });
  });

  let n = 0;
  async function applyFix(fix: FixRequest | undefined, scope: Scope = US): Promise<void> {
    assert.ok(fix, 'the failing hop proposes a fix');
    const plan = buildFixPlan(fix, { planId: `doctor-fix-${++n}-${Date.now()}`, createdAt: new Date().toISOString(), profile: scope.profile, region: scope.region, accountId: '123456789012' });
    const outcome = await applyOnEmulatorClock(suite.emu, plan, (service, operation, input) => suite.layer.call(scope, service, operation, input), new FileJournalStore(journalDir));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
  }

  const configurationId = (name: string) => [...suite.emu.world.region('123456789012', 'us-east-1').resourceConfigurations.values()].find((c) => c.name === name)!.id as string;
  const serviceIdOf = (lbName: string) => [...suite.emu.world.region('123456789012', 'us-east-1').endpointServices.values()]
    .find((s) => s.NetworkLoadBalancerArns.some((a: string) => a.includes(`/${lbName}/`)))!.ServiceId as string;
  const clusterArn = (scope: Scope, name: string) => [...suite.emu.world.region('123456789012', scope.region).mskClusters.values()].find((c) => c.ClusterName === name)!.ClusterArn as string;

  it('VPC resource: a database whose security group shuts out the gateway fails; the ingress-rule plan turns it green (5 reads)', async () => {
    const layer: AwsLayer = suite.layer;
    const id = configurationId('crm-postgres');
    await clearLog(suite.emu.url);
    const before = checkVpcResource(await layer.doctor.vpcResource(US, id));
    assert.deepEqual(await reads(suite.emu.url), {
      'vpc-lattice:GetResourceConfiguration': 1, 'vpc-lattice:GetResourceGateway': 1, 'rds:DescribeDBInstances': 1,
      'ec2:DescribeSecurityGroupRules': 1, 'ec2:DescribeSubnets': 1,
    });
    assert.deepEqual(verdicts(before), { configuration: 'pass', gateway: 'pass', gatewayEgress: 'pass', targetIngress: 'fail', targetPlacement: 'pass', targetAvailable: 'pass' });
    await applyFix(hop(before, 'targetIngress').fix);
    const after = checkVpcResource(await layer.doctor.vpcResource(US, id));
    assert.equal(hop(after, 'targetIngress').verdict, 'pass');
    assert.match(hop(after, 'targetIngress').evidence[0], /^sgr-[0-9a-f]{17} /);
    const ledger = checkVpcResource(await layer.doctor.vpcResource(US, configurationId('ledger-postgres')));
    assert.ok(ledger.every((h) => h.verdict === 'pass'), JSON.stringify(verdicts(ledger)));
  });

  it('endpoint service: the unhealthy NLB target fails; a pending connection and a missing principal are fixed by their plans (6 reads)', async () => {
    const layer = suite.layer;
    const mysql = checkEndpointService(await layer.doctor.endpointService(US, { id: serviceIdOf('mysql-nlb') }));
    assert.equal(hop(mysql, 'targets').verdict, 'fail');
    assert.match(hop(mysql, 'targets').evidence[0], /10\.0\.1\.30:3306 unhealthy \(Target\.Timeout/);

    const pg = serviceIdOf('pg-proxy-nlb');
    await clearLog(suite.emu.url);
    const before = checkEndpointService(await layer.doctor.endpointService(US, { id: pg }));
    assert.deepEqual(await reads(suite.emu.url), {
      'ec2:DescribeVpcEndpointServiceConfigurations': 1, 'ec2:DescribeVpcEndpointServicePermissions': 1, 'ec2:DescribeVpcEndpointConnections': 1,
      'elasticloadbalancing:DescribeLoadBalancers': 1, 'elasticloadbalancing:DescribeListeners': 1, 'elasticloadbalancing:DescribeTargetHealth': 1,
    });
    assert.deepEqual(verdicts(before), { service: 'pass', principal: 'pass', connection: 'fail', region: 'pass', listener: 'pass', targets: 'pass', nlbSecurityGroups: 'pass' });
    await applyFix(hop(before, 'connection').fix);
    assert.equal(hop(checkEndpointService(await layer.doctor.endpointService(US, { id: pg })), 'connection').verdict, 'pass');

    const kafka = serviceIdOf('kafka-nlb');
    const k = checkEndpointService(await layer.doctor.endpointService(US, { id: kafka }));
    assert.equal(hop(k, 'principal').verdict, 'fail');
    assert.equal(hop(k, 'listener').verdict, 'fail');
    await applyFix(hop(k, 'principal').fix);
    assert.equal(hop(checkEndpointService(await layer.doctor.endpointService(US, { id: kafka })), 'principal').verdict, 'pass');
  });

  it('endpoint service: a ClickPipes region the service is not offered in is added by its plan; by name also works', async () => {
    const layer = suite.layer;
    const name = suite.emu.world.region('123456789012', 'us-east-1').endpointServices.get(serviceIdOf('pg-proxy-nlb'))!.ServiceName as string;
    const before = checkEndpointService(await layer.doctor.endpointService(US, { name }, { clickPipesRegion: 'eu-west-1' }));
    assert.equal(hop(before, 'region').verdict, 'fail');
    await applyFix(hop(before, 'region').fix);
    const after = checkEndpointService(await layer.doctor.endpointService(US, { name }, { clickPipesRegion: 'eu-west-1' }));
    assert.equal(hop(after, 'region').verdict, 'pass');
  });

  it('MSK multi-VPC: a SCRAM cluster that allows everyone fails on ACLs (5 reads); the IAM cluster passes (3 reads)', async () => {
    const layer = suite.layer;
    await clearLog(suite.emu.url);
    const scram = checkMskMultiVpc(await layer.doctor.mskMultiVpc(EU, clusterArn(EU, 'eu-audit-scram'), 'SASL_SCRAM'));
    assert.deepEqual(await reads(suite.emu.url), {
      'kafka:DescribeClusterV2': 1, 'kafka:GetClusterPolicy': 1, 'kafka:ListScramSecrets': 1, 'kafka:DescribeConfigurationRevision': 1, 'ec2:DescribeSecurityGroupRules': 1,
    });
    assert.deepEqual(verdicts(scram), { cluster: 'pass', auth: 'pass', policy: 'pass', scramSecret: 'pass', acls: 'fail', brokerPorts: 'pass' });
    await clearLog(suite.emu.url);
    const iam = checkMskMultiVpc(await layer.doctor.mskMultiVpc(US, clusterArn(US, 'payments-stream'), 'SASL_IAM'));
    assert.equal(Object.values(await reads(suite.emu.url)).reduce((a, b) => a + b, 0), 3);
    assert.deepEqual(verdicts(iam), { cluster: 'pass', auth: 'pass', policy: 'pass', brokerPorts: 'pass' });
  });

  it('database: Postgres without logical replication is fixed by a copied group, then the reboot plan puts it in effect (2 reads)', async () => {
    const layer = suite.layer;
    await clearLog(suite.emu.url);
    const before = checkDatabase(await layer.doctor.database(US, 'instance', 'ledger-postgres'));
    assert.deepEqual(await reads(suite.emu.url), { 'rds:DescribeDBInstances': 1, 'rds:DescribeDBParameters': 1 });
    assert.equal(hop(before, 'parameters').verdict, 'fail');
    await applyFix(hop(before, 'parameters').fix);
    const pending = checkDatabase(await layer.doctor.database(US, 'instance', 'ledger-postgres'));
    assert.deepEqual(verdicts(pending), { parameters: 'pass', applied: 'fail' });
    assert.deepEqual(hop(pending, 'applied').fix, { kind: 'reboot', instanceId: 'ledger-postgres', reason: 'apply the parameter group clickpipes-cdc-ledger-postgres' });
    await applyFix(hop(pending, 'applied').fix);
    assert.deepEqual(verdicts(checkDatabase(await layer.doctor.database(US, 'instance', 'ledger-postgres'))), { parameters: 'pass', applied: 'pass' });
    const crm = checkDatabase(await layer.doctor.database(US, 'instance', 'crm-postgres'));
    assert.deepEqual(verdicts(crm), { parameters: 'pass', applied: 'pass' });
  });

  it('database: Aurora Postgres gets a cluster parameter group; the writer reboot applies it', async () => {
    const layer = suite.layer;
    const before = checkDatabase(await layer.doctor.database(US, 'cluster', 'orders-aurora-pg'));
    const fix = hop(before, 'parameters').fix;
    assert.equal(fix?.kind === 'parameters' && fix.level, 'cluster');
    await applyFix(fix);
    const pending = checkDatabase(await layer.doctor.database(US, 'cluster', 'orders-aurora-pg'));
    assert.deepEqual(hop(pending, 'applied').fix, { kind: 'reboot', instanceId: 'orders-aurora-pg-1', reason: 'apply the parameter group clickpipes-cdc-orders-aurora-pg', clusterId: 'orders-aurora-pg' });
    await applyFix(hop(pending, 'applied').fix);
    assert.deepEqual(verdicts(checkDatabase(await layer.doctor.database(US, 'cluster', 'orders-aurora-pg'))), { parameters: 'pass', applied: 'pass' });
  });

  it('endpoint service: NLB security groups that shut out PrivateLink traffic fail; the plan turns their evaluation off and the hop passes', async () => {
    const layer = suite.layer;
    const region = suite.emu.world.region('123456789012', 'us-east-1');
    const lb = [...region.loadBalancers.values()].find((l) => l.LoadBalancerName === 'pg-proxy-nlb')!;
    // The demo NLBs have no security groups (all client traffic reaches them): give this one a
    // group with no rule for 5432, evaluated for PrivateLink traffic (the default, on).
    const sg = [...region.securityGroups.values()].find((g) => g.GroupName === 'default' && g.VpcId === lb.VpcId)!.GroupId as string;
    lb.SecurityGroups = [sg];
    lb.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic = 'on';
    const id = serviceIdOf('pg-proxy-nlb');
    const before = hop(checkEndpointService(await layer.doctor.endpointService(US, { id })), 'nlbSecurityGroups');
    assert.equal(before.verdict, 'fail');
    await applyFix(before.fix);
    const after = hop(checkEndpointService(await layer.doctor.endpointService(US, { id })), 'nlbSecurityGroups');
    assert.equal(after.verdict, 'pass');
    assert.deepEqual(lb.SecurityGroups, [sg], 'the groups stay as they were');
  });

  it('faults: AccessDenied on ELBv2 and throttled EC2 rules give unknown for the hops they hide, never pass', async () => {
    await control(suite.emu.url, 'POST', 'faults', { faults: [{ service: 'elasticloadbalancing', accessDenied: true }] });
    const es = verdicts(checkEndpointService(await suite.layer.doctor.endpointService(US, { id: serviceIdOf('pg-proxy-nlb') })));
    assert.deepEqual([es.listener, es.targets, es.nlbSecurityGroups], ['unknown', 'unknown', 'unknown']);
    assert.equal(es.principal, 'pass');
    await control(suite.emu.url, 'POST', 'faults', { mode: 'replace', faults: [{ service: 'ec2', operation: 'DescribeSecurityGroupRules', throttleRate: 1 }] });
    const impatient = createAwsLayer({ maxAttempts: 1 });
    try {
      const vr = verdicts(checkVpcResource(await impatient.doctor.vpcResource(US, configurationId('ledger-postgres'))));
      assert.deepEqual([vr.gatewayEgress, vr.targetIngress], ['unknown', 'unknown']);
      assert.equal(vr.targetAvailable, 'pass');
    } finally {
      impatient.dispose();
    }
  });
});

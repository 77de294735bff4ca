// The doctor's remaining checks on the emulator, each with a failing and a passing case, read
// through the real AWS layer. Where the demo has no broken setup for a check, the test breaks one
// record of the emulator's world (a stopped database, a gateway that lets nothing out, …), so the
// doctor still reads it over the wire. The MySQL fix is applied by the executor.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildFixPlan } from '../../src/model/builders/doctorFixes';
import { checkDatabase } from '../../src/model/doctor/database';
import { checkEndpointService } from '../../src/model/doctor/endpointService';
import { checkMskMultiVpc } from '../../src/model/doctor/mskMultiVpc';
import type { FixRequest, Hop } from '../../src/model/doctor/types';
import { checkVpcResource } from '../../src/model/doctor/vpcResource';
import { FileJournalStore } from '../../src/plans/journal';
import { applyOnEmulatorClock, control, emulatorSuite, EU, US } from './awsEnv';

const verdicts = (hops: Hop[]) => Object.fromEntries(hops.map((h) => [h.id, h.verdict]));
const hop = (hops: Hop[], id: string) => hops.find((h) => h.id === id)!;

describe('connectivity doctor: each remaining check fails and passes on the emulator', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  const us = () => suite.emu.world.region('123456789012', 'us-east-1');
  const configurationId = (name: string) => [...us().resourceConfigurations.values()].find((c) => c.name === name)!.id as string;
  const vpcResource = async (name: string) => checkVpcResource(await suite.layer.doctor.vpcResource(US, configurationId(name)));
  let journalDir: string;
  beforeEach(() => { journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-doctor-cov-')); });
  afterEach(() => rmSync(journalDir, { recursive: true, force: true }));

  async function applyFix(fix: FixRequest | undefined): Promise<void> {
    assert.ok(fix, 'the failing hop proposes a fix');
    const plan = buildFixPlan(fix, { planId: `doctor-cov-${Date.now()}-${Math.random()}`, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: '123456789012' });
    const outcome = await applyOnEmulatorClock(suite.emu, plan, (service, operation, input) => suite.layer.call(US, service, operation, input), new FileJournalStore(journalDir));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
  }

  it('VPC resource: a configuration that failed to create fails, with AWS\'s reason; an active one passes', async () => {
    const failed = hop(await vpcResource('catalog-aurora'), 'configuration');
    assert.equal(failed.verdict, 'fail');
    assert.match(failed.evidence.join(' '), /could not reach the target resource/);
    assert.equal(hop(await vpcResource('ledger-postgres'), 'configuration').verdict, 'pass');
  });

  it('VPC resource: a gateway that is not active, and one that lets nothing out, fail', async () => {
    const gateway = [...us().resourceGateways.values()].find((g) => g.name === 'prod-data-gateway')!;
    assert.equal(hop(await vpcResource('ledger-postgres'), 'gatewayEgress').verdict, 'pass');
    const sg = us().securityGroups.get(gateway.securityGroupIds[0])!;
    sg.IpPermissionsEgress = [];
    const noEgress = await vpcResource('ledger-postgres');
    assert.equal(hop(noEgress, 'gatewayEgress').verdict, 'fail');
    assert.match(hop(noEgress, 'gatewayEgress').evidence[0], /No egress rule .* allows TCP 5432/);
    gateway.status = 'UPDATE_IN_PROGRESS';
    assert.equal(hop(await vpcResource('ledger-postgres'), 'gateway').verdict, 'fail');
  });

  it('VPC resource: a stopped database, and one in another VPC, fail placement and availability', async () => {
    const db = us().dbInstances.get('ledger-postgres')!;
    assert.deepEqual([hop(await vpcResource('ledger-postgres'), 'targetPlacement').verdict, hop(await vpcResource('ledger-postgres'), 'targetAvailable').verdict], ['pass', 'pass']);
    db.DBInstanceStatus = 'stopped';
    db.DBSubnetGroup = { ...db.DBSubnetGroup, VpcId: 'vpc-0bbbbbbbbbbbbbbb9' };
    const hops = await vpcResource('ledger-postgres');
    assert.deepEqual([hop(hops, 'targetPlacement').verdict, hop(hops, 'targetAvailable').verdict], ['fail', 'fail']);
    assert.match(hop(hops, 'targetAvailable').evidence[0], /ledger-postgres is stopped/);
  });

  it('VPC resource: an IP target says its security groups are not known (unknown, never pass)', async () => {
    const hops = await vpcResource('billing-postgres');
    assert.equal(hop(hops, 'targetIngress').verdict, 'unknown');
  });

  it('endpoint service: a service that is not Available fails', async () => {
    const svc = [...us().endpointServices.values()].find((s) => s.NetworkLoadBalancerArns.some((a: string) => a.includes('/pg-proxy-nlb/')))!;
    assert.equal(hop(checkEndpointService(await suite.layer.doctor.endpointService(US, { id: svc.ServiceId })), 'service').verdict, 'pass');
    svc.ServiceState = 'Failed';
    assert.equal(hop(checkEndpointService(await suite.layer.doctor.endpointService(US, { id: svc.ServiceId })), 'service').verdict, 'fail');
  });

  it('MSK: a cluster that is not ACTIVE fails', async () => {
    const cluster = [...suite.emu.world.region('123456789012', 'eu-central-1').mskClusters.values()].find((c) => c.ClusterName === 'eu-audit-scram')!;
    cluster.State = 'MAINTENANCE';
    assert.equal(hop(checkMskMultiVpc(await suite.layer.doctor.mskMultiVpc(EU, cluster.ClusterArn, 'SASL_SCRAM')), 'cluster').verdict, 'fail');
  });

  it('MySQL: MIXED binlog on the default group fails; the copied group with ROW, then the reboot, turn it green; backups off fail', async () => {
    const before = checkDatabase(await suite.layer.doctor.database(US, 'instance', 'inventory-mysql'));
    assert.deepEqual(verdicts(before), { parameters: 'fail', backups: 'pass' });
    const fix = hop(before, 'parameters').fix;
    assert.ok(fix?.kind === 'parameters');
    assert.deepEqual(fix.values, { binlog_format: 'ROW' });
    await applyFix(fix);
    const pending = checkDatabase(await suite.layer.doctor.database(US, 'instance', 'inventory-mysql'));
    assert.equal(hop(pending, 'parameters').verdict, 'pass');
    // A copied group is attached pending a reboot: its own plan.
    assert.equal(hop(pending, 'applied').verdict, 'fail');
    await applyFix(hop(pending, 'applied').fix);
    assert.deepEqual(verdicts(checkDatabase(await suite.layer.doctor.database(US, 'instance', 'inventory-mysql'))), { parameters: 'pass', applied: 'pass', backups: 'pass' });
    us().dbInstances.get('inventory-mysql')!.BackupRetentionPeriod = 0;
    const off = hop(checkDatabase(await suite.layer.doctor.database(US, 'instance', 'inventory-mysql')), 'backups');
    assert.equal(off.verdict, 'fail');
    // The backups plan (ModifyDBInstance, applied now, waited until available) turns it green.
    await applyFix(off.fix);
    assert.deepEqual([us().dbInstances.get('inventory-mysql')!.BackupRetentionPeriod, us().dbInstances.get('inventory-mysql')!.DBInstanceStatus], [7, 'available']);
    assert.equal(hop(checkDatabase(await suite.layer.doctor.database(US, 'instance', 'inventory-mysql')), 'backups').verdict, 'pass');
  });

  it('faults: throttled RDS gives unknown for the database hops, never pass', async () => {
    await control(suite.emu.url, 'POST', 'faults', { faults: [{ service: 'rds', throttleRate: 1 }] });
    try {
      const { createAwsLayer } = await import('../../src/aws/index');
      const impatient = createAwsLayer({ maxAttempts: 1 });
      try {
        const vr = verdicts(checkVpcResource(await impatient.doctor.vpcResource(US, configurationId('ledger-postgres'))));
        assert.deepEqual([vr.targetIngress, vr.targetPlacement, vr.targetAvailable], ['unknown', 'unknown', 'unknown']);
        assert.equal(vr.gateway, 'pass');
        assert.deepEqual(verdicts(checkDatabase(await impatient.doctor.database(US, 'instance', 'inventory-mysql'))), { parameters: 'unknown' });
      } finally {
        impatient.dispose();
      }
    } finally {
      await control(suite.emu.url, 'POST', 'faults', { mode: 'clear' });
    }
  });
});

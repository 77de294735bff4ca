// The doctor's MSK multi-VPC path on the emulator through the real AWS layer: each check fails on
// a demo cluster that lacks it and passes on one that has it, and each fix plan, applied by the
// executor (waiting on the cluster operation it starts), turns its check green.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Scope } from '../../src/aws/api';
import { buildFixPlan } from '../../src/model/builders/doctorFixes';
import { checkMskMultiVpc, propertyValue } from '../../src/model/doctor/mskMultiVpc';
import { mskSecretChoices } from '../../src/model/mskSecrets';
import type { FixRequest, Hop } from '../../src/model/doctor/types';
import { FileJournalStore } from '../../src/plans/journal';
import { applyOnEmulatorClock, clearLog, control, emulatorSuite, EU, requestCounts, US } from './awsEnv';

const verdicts = (hops: Hop[]) => Object.fromEntries(hops.map((h) => [h.id, h.verdict]));
const hop = (hops: Hop[], id: string) => hops.find((h) => h.id === id)!;

describe('connectivity doctor, MSK multi-VPC fixes against the emulator (executor-applied)', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(() => { journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-doctor-msk-')); });
  afterEach(async () => {
    rmSync(journalDir, { recursive: true, force: true });
    await control(suite.emu.url, 'POST', 'faults', { mode: 'clear' });
  });

  let n = 0;
  async function applyFix(fix: FixRequest | undefined, scope: Scope): Promise<void> {
    assert.ok(fix, 'the failing hop proposes a fix');
    const plan = buildFixPlan(fix, { planId: `doctor-msk-fix-${++n}-${Date.now()}`, createdAt: new Date().toISOString(), profile: scope.profile, region: scope.region, accountId: '123456789012' });
    const outcome = await applyOnEmulatorClock(suite.emu, plan, (service, operation, input) => suite.layer.call(scope, service, operation, input), new FileJournalStore(journalDir));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
  }
  const cluster = (scope: Scope, name: string) => [...suite.emu.world.region('123456789012', scope.region).mskClusters.values()].find((c) => c.ClusterName === name)!;
  const diagnose = async (scope: Scope, name: string, auth: 'SASL_IAM' | 'SASL_SCRAM') =>
    checkMskMultiVpc(await suite.layer.doctor.mskMultiVpc(scope, cluster(scope, name).ClusterArn, auth));

  it('IAM: multi-VPC IAM off and no cluster policy fail; UpdateConnectivity and the merged policy turn both green', async () => {
    const before = await diagnose(US, 'orders-events', 'SASL_IAM');
    assert.deepEqual(verdicts(before), { cluster: 'pass', auth: 'fail', policy: 'fail', brokerPorts: 'pass' });
    await applyFix(hop(before, 'auth').fix, US);
    const mid = await diagnose(US, 'orders-events', 'SASL_IAM');
    assert.equal(hop(mid, 'auth').verdict, 'pass');
    await applyFix(hop(mid, 'policy').fix, US);
    assert.deepEqual(verdicts(await diagnose(US, 'orders-events', 'SASL_IAM')), { cluster: 'pass', auth: 'pass', policy: 'pass', brokerPorts: 'pass' });
  });

  it('IAM: a policy with a foreign statement is merged by meaning, the foreign statement kept', async () => {
    const arn = cluster(US, 'orders-events').ClusterArn as string;
    const foreign = { Sid: 'Ops', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kafka:DescribeClusterV2', Resource: arn };
    await suite.layer.call(US, 'kafka', 'PutClusterPolicy', { ClusterArn: arn, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [foreign] }) });
    const before = await diagnose(US, 'orders-events', 'SASL_IAM');
    const fix = hop(before, 'policy').fix;
    assert.ok(fix?.kind === 'mskPolicy' && fix.existing, 'the fix carries the existing policy and its version');
    await applyFix(fix, US);
    assert.equal(hop(await diagnose(US, 'orders-events', 'SASL_IAM'), 'policy').verdict, 'pass');
    const doc = JSON.parse((await suite.layer.call(US, 'kafka', 'GetClusterPolicy', { ClusterArn: arn })).Policy as string) as { Statement: { Sid?: string }[] };
    assert.equal(doc.Statement.filter((s) => s.Sid === 'Ops').length, 1);
  });

  it('SCRAM without the auth on the cluster: fails with no fix, and says to turn SCRAM on first', async () => {
    const hops = await diagnose(EU, 'eu-clickstream', 'SASL_SCRAM');
    const auth = hop(hops, 'auth');
    assert.equal(auth.verdict, 'fail');
    assert.equal(auth.fix, undefined);
    assert.match(auth.evidence.join(' '), /UpdateSecurity/);
    assert.equal(hop(hops, 'scramSecret').verdict, 'fail');
    assert.equal(hop(hops, 'brokerPorts').verdict, 'unknown', 'eu-kafka admits 9098 only, and the multi-VPC port range is unverified');
  });

  it('SCRAM secret: none associated fails; of the listed AmazonMSK_ secrets the usable one, associated by its plan, turns the check green', async () => {
    const before = await diagnose(US, 'orders-events', 'SASL_SCRAM');
    const failing = hop(before, 'scramSecret');
    assert.equal(failing.verdict, 'fail');
    assert.ok(failing.fix?.kind === 'mskScramSecret');
    const choices = mskSecretChoices(await suite.layer.listMskSecrets(US));
    assert.deepEqual(choices.map((c) => [c.name, c.usable]), [['AmazonMSK_orders_clickpipes', true], ['AmazonMSK_orders_default_key', false]]);
    // A secret on the default KMS key: MSK lists it as unprocessed, the apply fails with its words.
    const plan = buildFixPlan({ ...failing.fix, secretArn: choices[1].arn }, { planId: `doctor-msk-secret-${Date.now()}`, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: '123456789012' });
    const refused = await applyOnEmulatorClock(suite.emu, plan, (service, operation, input) => suite.layer.call(US, service, operation, input), new FileJournalStore(journalDir));
    assert.equal(refused.failure?.error.code, 'StepRefused');
    assert.match(refused.failure!.error.text, /default AWS KMS key/);
    assert.equal(hop(await diagnose(US, 'orders-events', 'SASL_SCRAM'), 'scramSecret').verdict, 'fail');
    await applyFix({ ...failing.fix, secretArn: choices[0].arn }, US);
    const after = hop(await diagnose(US, 'orders-events', 'SASL_SCRAM'), 'scramSecret');
    assert.deepEqual([after.verdict, after.evidence], ['pass', [choices[0].arn]]);
  });

  it('SCRAM on the MSK default configuration: a new configuration with ACLs enforced, run by the cluster, turns the ACL check green', async () => {
    const before = await diagnose(US, 'orders-events', 'SASL_SCRAM');
    assert.equal(hop(before, 'acls').verdict, 'fail');
    const fix = hop(before, 'acls').fix;
    assert.ok(fix?.kind === 'mskAcls' && !fix.configuration, 'a default-configuration cluster gets a new configuration');
    await applyFix(fix, US);
    const after = await diagnose(US, 'orders-events', 'SASL_SCRAM');
    assert.equal(hop(after, 'acls').verdict, 'pass');
    assert.equal(hop(after, 'cluster').verdict, 'pass', 'the cluster is ACTIVE again');
    assert.match(cluster(US, 'orders-events').Provisioned.CurrentBrokerSoftwareInfo.ConfigurationArn, /:configuration\/clickpipes-acls-orders-events\//);
  });

  it('SCRAM on the default configuration after an interrupted fix: the configuration it made is revised, not created again', async () => {
    // What an apply cut off right after CreateConfiguration leaves behind: the configuration, not yet run by the cluster.
    const made = await suite.layer.call(US, 'kafka', 'CreateConfiguration', { Name: 'clickpipes-acls-orders-events', ServerProperties: 'allow.everyone.if.no.acl.found=true\n' });
    await clearLog(suite.emu.url);
    const before = await diagnose(US, 'orders-events', 'SASL_SCRAM');
    assert.equal((await requestCounts(suite.emu.url))['kafka:ListConfigurations'], 1, 'the default-configuration path looks for it once');
    const fix = hop(before, 'acls').fix;
    assert.ok(fix?.kind === 'mskAcls' && fix.configuration?.arn === made.Arn, 'the fix revises the configuration the earlier fix made');
    await applyFix(fix, US);
    assert.equal(hop(await diagnose(US, 'orders-events', 'SASL_SCRAM'), 'acls').verdict, 'pass');
    assert.equal(cluster(US, 'orders-events').Provisioned.CurrentBrokerSoftwareInfo.ConfigurationRevision, 2);
  });

  it('SCRAM on the default configuration with ListConfigurations denied: unknown stays out of the way, no fix that could clash', async () => {
    await control(suite.emu.url, 'POST', 'faults', { faults: [{ service: 'kafka', operation: 'ListConfigurations', accessDenied: true }] });
    const acls = hop(await diagnose(US, 'orders-events', 'SASL_SCRAM'), 'acls');
    assert.equal(acls.verdict, 'fail', 'the default configuration does not enforce ACLs, whatever else exists');
    assert.equal(acls.fix, undefined);
  });

  it('SCRAM on a custom configuration: a new revision keeps its other properties and sets ACLs enforced', async () => {
    const before = await diagnose(EU, 'eu-audit-scram', 'SASL_SCRAM');
    assert.deepEqual(verdicts(before), { cluster: 'pass', auth: 'pass', policy: 'pass', scramSecret: 'pass', acls: 'fail', brokerPorts: 'pass' });
    await applyFix(hop(before, 'acls').fix, EU);
    assert.deepEqual(verdicts(await diagnose(EU, 'eu-audit-scram', 'SASL_SCRAM')), { cluster: 'pass', auth: 'pass', policy: 'pass', scramSecret: 'pass', acls: 'pass', brokerPorts: 'pass' });
    const sw = cluster(EU, 'eu-audit-scram').Provisioned.CurrentBrokerSoftwareInfo;
    assert.equal(sw.ConfigurationRevision, 2);
    const text = suite.emu.world.region('123456789012', 'eu-central-1').mskConfigurations.get(sw.ConfigurationArn)![1].ServerProperties as string;
    assert.equal(propertyValue(text, 'auto.create.topics.enable'), 'false');
    assert.equal(propertyValue(text, 'allow.everyone.if.no.acl.found'), 'false');
  });

  it('faults: AccessDenied on Kafka makes every cluster hop unknown, never pass', async () => {
    await control(suite.emu.url, 'POST', 'faults', { faults: [{ service: 'kafka', accessDenied: true }] });
    const hops = await diagnose(EU, 'eu-audit-scram', 'SASL_SCRAM');
    assert.deepEqual(verdicts(hops), { cluster: 'unknown', auth: 'unknown', policy: 'unknown', scramSecret: 'unknown', acls: 'unknown', brokerPorts: 'unknown' });
    assert.ok(hops.every((h) => !h.fix));
  });
});

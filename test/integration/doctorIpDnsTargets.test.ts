// The doctor's VPC-resource path for IP and DNS targets on the emulator, through the real AWS layer:
// the ENI owning an IP (or the RDS database a DNS endpoint names) fronts the target with its
// security groups; a failing one is fixed by the ingress-rule plan, applied with the executor.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildFixPlan } from '../../src/model/builders/doctorFixes';
import type { FixRequest, Hop } from '../../src/model/doctor/types';
import { checkDatabase } from '../../src/model/doctor/database';
import { checkVpcResource } from '../../src/model/doctor/vpcResource';
import { FileJournalStore } from '../../src/plans/journal';
import { applyOnEmulatorClock, clearLog, control, emulatorSuite, requestCounts, US } from './awsEnv';

const verdicts = (hops: Hop[]) => Object.fromEntries(hops.map((h) => [h.id, h.verdict]));
const hop = (hops: Hop[], id: string) => hops.find((h) => h.id === id)!;

describe('connectivity doctor: IP and DNS targets against the emulator', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(() => { journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-doctor-ip-')); });
  afterEach(() => rmSync(journalDir, { recursive: true, force: true }));

  const region = () => suite.emu.world.region('123456789012', 'us-east-1');
  const configurationId = (name: string) => [...region().resourceConfigurations.values()].find((c) => c.name === name)!.id as string;
  const gatewayId = () => [...region().resourceGateways.values()].find((g) => g.name === 'prod-data-gateway')!.id as string;
  const diagnose = async (id: string) => checkVpcResource(await suite.layer.doctor.vpcResource(US, id));
  /** Read counts of one call, STS left out. */
  const readsOf = async (f: () => Promise<unknown>) => {
    await clearLog(suite.emu.url);
    await f();
    return Object.fromEntries(Object.entries(await requestCounts(suite.emu.url)).filter(([k]) => !k.startsWith('sts:')));
  };
  const customEndpoint = () => region().dbClusterEndpoints.get('orders-reports')!.Endpoint as string;

  let n = 0;
  async function applyFix(fix: FixRequest | undefined): Promise<void> {
    assert.ok(fix, 'the failing hop proposes a fix');
    const plan = buildFixPlan(fix, { planId: `doctor-ip-fix-${++n}-${Date.now()}`, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: '123456789012' });
    const outcome = await applyOnEmulatorClock(suite.emu, plan, (service, operation, input) => suite.layer.call(US, service, operation, input), new FileJournalStore(journalDir));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
  }

  /** A SINGLE configuration on the demo gateway, created through Lattice's API. */
  async function single(name: string, definition: Record<string, unknown>, port: string): Promise<string> {
    const out = await suite.layer.call(US, 'vpc-lattice', 'CreateResourceConfiguration', {
      name, type: 'SINGLE', resourceGatewayIdentifier: gatewayId(), portRanges: [port], protocol: 'TCP', resourceConfigurationDefinition: definition,
    }) as { id: string };
    return out.id;
  }

  it('IP target: the ENI\'s group shuts the gateway out (5 reads); the ingress-rule plan on that group turns it green', async () => {
    const id = configurationId('reports-postgres-ec2');
    await clearLog(suite.emu.url);
    const before = await diagnose(id);
    const counts = Object.fromEntries(Object.entries(await requestCounts(suite.emu.url)).filter(([k]) => !k.startsWith('sts:')));
    assert.deepEqual(counts, {
      'vpc-lattice:GetResourceConfiguration': 1, 'vpc-lattice:GetResourceGateway': 1, 'ec2:DescribeNetworkInterfaces': 1,
      'ec2:DescribeSecurityGroupRules': 1, 'ec2:DescribeSubnets': 1,
    });
    assert.deepEqual(verdicts(before), { configuration: 'pass', gateway: 'pass', gatewayEgress: 'pass', targetIngress: 'fail', targetPlacement: 'pass' });
    const reportsSg = [...region().securityGroups.values()].find((g) => g.GroupName === 'reports-ec2')!.GroupId;
    assert.match(hop(before, 'targetIngress').evidence[0], new RegExp(`^eni-[0-9a-f]{17} owns 10\\.0\\.1\\.40 .*${reportsSg}`));
    const fix = hop(before, 'targetIngress').fix;
    assert.equal(fix?.kind === 'ingressRule' && fix.groupId, reportsSg);
    await applyFix(fix);
    const after = await diagnose(id);
    assert.equal(hop(after, 'targetIngress').verdict, 'pass');
    assert.match(hop(after, 'targetIngress').evidence[1], /^sgr-[0-9a-f]{17} /);
  });

  it('IP target: the RDS-managed ENI of inventory-mysql admits the gateway subnets; an address no ENI owns is unknown, never pass or fail', async () => {
    assert.equal(hop(await diagnose(configurationId('inventory-mysql')), 'targetIngress').verdict, 'pass');
    const stray = hop(await diagnose(await single('peered-postgres', { ipResource: { ipAddress: '10.0.2.50' } }, '5432')), 'targetIngress');
    assert.equal(stray.verdict, 'unknown');
    assert.equal(stray.fix, undefined);
    assert.match(stray.evidence[0], /No network interface in vpc-[0-9a-f]{17} owns 10\.0\.2\.50/);
  });

  it('DNS target: the endpoint of crm-postgres is checked with its groups (5 reads), fixed, then passes; another name stays unknown', async () => {
    const address = region().dbInstances.get('crm-postgres')!.Endpoint.Address as string;
    const id = await single('crm-by-dns', { dnsResource: { domainName: address, ipAddressType: 'IPV4' } }, '5432');
    await clearLog(suite.emu.url);
    const before = await diagnose(id);
    const counts = Object.fromEntries(Object.entries(await requestCounts(suite.emu.url)).filter(([k]) => !k.startsWith('sts:')));
    assert.deepEqual(counts, {
      'vpc-lattice:GetResourceConfiguration': 1, 'vpc-lattice:GetResourceGateway': 1, 'rds:DescribeDBInstances': 1,
      'ec2:DescribeSecurityGroupRules': 1, 'ec2:DescribeSubnets': 1,
    });
    assert.equal(hop(before, 'targetIngress').verdict, 'fail');
    await applyFix(hop(before, 'targetIngress').fix);
    assert.equal(hop(await diagnose(id), 'targetIngress').verdict, 'pass');
    const reader = region().dbClusters.get('orders-aurora-pg')!.ReaderEndpoint as string;
    assert.equal(hop(await diagnose(await single('orders-reader', { dnsResource: { domainName: reader, ipAddressType: 'IPV4' } }, '5432')), 'targetIngress').verdict, 'pass');
    const lookalike = address.replace(/^crm-postgres\.[a-z0-9]+\./, 'crm-postgres.zzzzzzzzzzzz.');
    const missing = address.replace(/^crm-postgres\./, 'no-such-db.');
    for (const [name, domainName] of [['billing-postgres', ''], ['crm-lookalike', lookalike], ['no-such-db', missing]]) {
      const cfg = domainName ? await single(name, { dnsResource: { domainName, ipAddressType: 'IPV4' } }, '5432') : configurationId(name);
      const h = hop(await diagnose(cfg), 'targetIngress');
      assert.deepEqual([name, h.verdict], [name, 'unknown']);
      assert.match(h.evidence[0], /is not the endpoint of an RDS database of this region/);
    }
  });

  it('DNS target: an Aurora custom endpoint is resolved to its cluster (DescribeDBClusterEndpoints; 6 reads) and checked with its groups', async () => {
    // The demo's configuration orders-reports-endpoint names the custom endpoint orders-reports of orders-aurora-pg.
    const id = configurationId('orders-reports-endpoint');
    assert.equal(region().resourceConfigurations.get(id)!.resourceConfigurationDefinition.dnsResource.domainName, customEndpoint());
    let facts: Awaited<ReturnType<typeof suite.layer.doctor.vpcResource>> | undefined;
    assert.deepEqual(await readsOf(async () => { facts = await suite.layer.doctor.vpcResource(US, id); }), {
      'vpc-lattice:GetResourceConfiguration': 1, 'vpc-lattice:GetResourceGateway': 1, 'rds:DescribeDBClusterEndpoints': 1, 'rds:DescribeDBClusters': 1,
      'ec2:DescribeSecurityGroupRules': 1, 'ec2:DescribeSubnets': 1,
    });
    assert.equal(facts!.target.ok && facts!.target.value?.id, 'orders-aurora-pg');
    assert.deepEqual(verdicts(checkVpcResource(facts!)), { configuration: 'pass', gateway: 'pass', gatewayEgress: 'pass', targetIngress: 'pass', targetPlacement: 'unknown', targetAvailable: 'pass' });
    // A custom endpoint name of another account's DNS identifier is a look-alike: no database.
    const lookalike = customEndpoint().replace(/cluster-custom-[a-z0-9]+\./, 'cluster-custom-zzzzzzzzzzzz.');
    const h = hop(await diagnose(await single('orders-reports-lookalike', { dnsResource: { domainName: lookalike, ipAddressType: 'IPV4' } }, '5432')), 'targetIngress');
    assert.deepEqual([h.verdict, h.evidence[0]], ['unknown', `${lookalike} is not the endpoint of an RDS database of this region: the security groups in front of it are not known to the doctor.`]);
  });

  it('database for CDC at a DNS name: the database it verifiably is (instance 2 reads; custom endpoint 3; Aurora instance endpoint: its cluster, 3), none for a look-alike', async () => {
    const crm = region().dbInstances.get('crm-postgres')!.Endpoint.Address as string;
    let facts: Awaited<ReturnType<typeof suite.layer.doctor.databaseAtEndpoint>>;
    assert.deepEqual(await readsOf(async () => { facts = await suite.layer.doctor.databaseAtEndpoint(US, crm); }), { 'rds:DescribeDBInstances': 1, 'rds:DescribeDBParameters': 1 });
    assert.deepEqual(facts?.database.ok && [facts.database.value.kind, facts.database.value.id], ['instance', 'crm-postgres']);
    assert.deepEqual(await readsOf(async () => { facts = await suite.layer.doctor.databaseAtEndpoint(US, customEndpoint()); }),
      { 'rds:DescribeDBClusterEndpoints': 1, 'rds:DescribeDBClusters': 1, 'rds:DescribeDBClusterParameters': 1 });
    const cluster = checkDatabase((await suite.layer.doctor.database(US, 'cluster', 'orders-aurora-pg')));
    assert.deepEqual(facts?.database.ok && facts.database.value.id, 'orders-aurora-pg');
    assert.deepEqual(checkDatabase(facts!), cluster);
    assert.equal(hop(cluster, 'parameters').verdict, 'fail', 'the demo\'s orders-aurora-pg has logical replication off');
    const member = region().dbInstances.get('orders-aurora-pg-2')!.Endpoint.Address as string;
    assert.deepEqual(await readsOf(async () => { facts = await suite.layer.doctor.databaseAtEndpoint(US, member); }),
      { 'rds:DescribeDBInstances': 1, 'rds:DescribeDBClusters': 1, 'rds:DescribeDBClusterParameters': 1 });
    assert.deepEqual(checkDatabase(facts!), cluster);
    for (const name of [crm.replace(/^crm-postgres\.[a-z0-9]+\./, 'crm-postgres.zzzzzzzzzzzz.'), crm.replace(/^crm-postgres\./, 'no-such-db.'),
      customEndpoint().replace(/^orders-reports\./, 'no-such-endpoint.'), 'billing-postgres.internal.example.com']) {
      assert.deepEqual([name, await suite.layer.doctor.databaseAtEndpoint(US, name)], [name, undefined]);
    }
  });

  it('database for CDC by ARN of an Aurora member (:db:) is its cluster, as by its row and by its endpoint (3 reads)', async () => {
    let facts: Awaited<ReturnType<typeof suite.layer.doctor.database>>;
    assert.deepEqual(await readsOf(async () => { facts = await suite.layer.doctor.database(US, 'instance', 'orders-aurora-pg-1'); }),
      { 'rds:DescribeDBInstances': 1, 'rds:DescribeDBClusters': 1, 'rds:DescribeDBClusterParameters': 1 });
    assert.deepEqual(facts!.database.ok && [facts!.database.value.kind, facts!.database.value.id], ['cluster', 'orders-aurora-pg']);
    assert.deepEqual(checkDatabase(facts!), checkDatabase(await suite.layer.doctor.database(US, 'cluster', 'orders-aurora-pg')));
  });

  it('faults: a refused DescribeNetworkInterfaces makes the target hop unknown, never pass or fail', async () => {
    await control(suite.emu.url, 'POST', 'faults', { faults: [{ service: 'ec2', operation: 'DescribeNetworkInterfaces', accessDenied: true }] });
    try {
      const hops = await diagnose(configurationId('reports-postgres-ec2'));
      assert.equal(hop(hops, 'targetIngress').verdict, 'unknown');
      assert.match(hop(hops, 'targetIngress').evidence[0], /DescribeNetworkInterfaces/);
      assert.equal(hop(hops, 'gatewayEgress').verdict, 'pass');
    } finally {
      await control(suite.emu.url, 'POST', 'faults', { mode: 'clear' });
    }
  });
});

// The VPC endpoint service flows against the emulator (demo scenario) through the real AWS layer:
// the form session reads ELBv2 (the ALB offered disabled), the pure plan builder (src/model/builders) makes the plan, the
// executor applies it (Pending → Available on the emulator clock, ClickPipes allowed, the TXT
// record in the results, verification on the clock); "Allow ClickPipes" and "Add ClickPipes
// region" on existing services; accept (PendingAcceptance → Pending → Available) and reject;
// the teardown rejecting live connections first; and failed calls that leave everything as it was.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AwsLayer } from '../../src/aws/api';
import { CLICKPIPES_PRINCIPAL_ARN } from '../../src/model/clickpipes';
import type { EndpointServiceForm } from '../../src/model/forms';
import type { Plan } from '../../src/model/plan';
import { endpointServiceReadiness } from '../../src/model/readiness';
import type { EndpointService } from '../../src/model/resources';
import {
  acceptConnections, addClickPipesRegionPlan, allowClickPipesPlan, deleteEndpointService, isLive, isPendingAcceptance, rejectConnections,
  startPrivateDnsVerification,
} from '../../src/commands/endpointServiceActions';
import type { ApplyOutcome } from '../../src/plans/executor';
import { FileJournalStore } from '../../src/plans/journal';
import { startEndpointServiceSession } from '../../src/webviews/forms/endpointService';
import { advance, applyOnEmulatorClock, callThrough, clearLog, control, emulatorSuite, formContext, rejection, requestCounts, US } from './awsEnv';

const ACCOUNT = '123456789012';

describe('VPC endpoint service against the emulator: form session → plan → apply, node actions, teardown', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(async () => {
    journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-vpcesvc-'));
    // Creation and region changes settle on the emulator clock, which the executor's sleep advances.
    await control(suite.emu.url, 'POST', 'timings', { create: 15_000, update: 10_000, delete: 5_000, shareActivate: 0 });
  });
  afterEach(async () => {
    rmSync(journalDir, { recursive: true, force: true });
    await control(suite.emu.url, 'POST', 'faults', { mode: 'clear' });
  });

  const buildCtx = (planId: string) => ({ planId, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: ACCOUNT });

  const apply = (p: Plan, layer: AwsLayer): Promise<ApplyOutcome> =>
    applyOnEmulatorClock(suite.emu, p, callThrough(layer), new FileJournalStore(journalDir));

  const services = (layer: AwsLayer) => layer.listEndpointServices(US);
  const byName = async (layer: AwsLayer, prefix: string): Promise<EndpointService> => {
    const all = await services(layer);
    // Demo services carry their scenario name in the Name tag only; find them by their NLB.
    const lbs = await layer.listLoadBalancers(US);
    const arn = lbs.find((l) => l.name === prefix)!.arn;
    return all.find((s) => s.networkLoadBalancerArns.includes(arn))!;
  };

  it('create: NLB picked from ELBv2 (ALB disabled), service Available on the clock, ClickPipes allowed, TXT record in the results, verification', async () => {
    const layer = suite.layer;
    const session = startEndpointServiceSession(formContext(layer, { type: 'region', scope: US }));
    const init = await session.loadInit();
    assert.equal(init.loadError, undefined);
    assert.equal(init.regionWarning, undefined, 'us-east-1 is a ClickPipes region');
    assert.ok(init.loadBalancers.find((o) => o.name === 'web-alb')?.disabledReason?.includes('Network Load Balancer'));
    // An NLB already behind a service cannot front a second one (AWS PrivateLink guide): offered disabled, refused at its field.
    const used = init.loadBalancers.find((o) => o.name === 'mysql-nlb')!;
    assert.ok(used.usedByService?.startsWith('vpce-svc-'));
    assert.match(used.disabledReason ?? '', new RegExp(`mysql-nlb already fronts endpoint service ${used.usedByService}.*single endpoint service`));
    const nlb = init.loadBalancers.find((o) => o.name === 'reports-nlb')!;
    assert.equal(nlb.disabledReason, undefined);
    assert.equal(init.preset.acceptanceRequired, true);

    const values: EndpointServiceForm = { mode: 'new', networkLoadBalancerArns: [nlb.arn], acceptanceRequired: true, privateDnsName: 'orders.db.example.com', supportedRegions: ['eu-central-1'] };
    assert.deepEqual(session.validate(values), {});
    assert.match(session.validate({ ...values, networkLoadBalancerArns: [init.loadBalancers.find((o) => o.name === 'web-alb')!.arn] }).networkLoadBalancerArns, /Network Load Balancer/);
    assert.match(session.validate({ ...values, networkLoadBalancerArns: [used.arn] }).networkLoadBalancerArns, /single endpoint service/);
    const plan = session.build(values, buildCtx('vpcesvc-int-1'));
    assert.deepEqual(plan.steps.map((s) => s.operation), ['CreateVpcEndpointServiceConfiguration', 'ModifyVpcEndpointServicePermissions']);

    const before = (await services(layer)).length;
    await clearLog(suite.emu.url);
    const outcome = await apply(plan, layer);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    const counts = await requestCounts(suite.emu.url);
    assert.equal(counts['ec2:CreateVpcEndpointServiceConfiguration'], 1);
    assert.ok(counts['ec2:DescribeVpcEndpointServiceConfigurations'] >= 2, 'waited for Available by polling');
    const name = outcome.results.find((r) => r.label === 'Service name')!.value;
    assert.match(name, /^com\.amazonaws\.vpce\.us-east-1\.vpce-svc-[0-9a-f]{17}$/);
    assert.match(outcome.results.find((r) => r.label === 'TXT record name (under orders.db.example.com)')!.value, /^_/);
    assert.match(outcome.results.find((r) => r.label === 'TXT record value')!.value, /^vpce:/);

    const all = await services(layer);
    assert.equal(all.length, before + 1);
    const created = all.find((s) => s.name === name)!;
    assert.equal(created.state, 'Available');
    assert.equal(created.acceptanceRequired, true);
    assert.deepEqual(created.allowedPrincipals, [CLICKPIPES_PRINCIPAL_ARN]);
    assert.deepEqual(created.supportedRegions.map((r) => [r.region, r.state]), [['us-east-1', 'Available'], ['eu-central-1', 'Available']]);
    // The tree's readiness for it: nothing but ok findings.
    assert.deepEqual(endpointServiceReadiness(created, US.region).filter((f) => f.level !== 'ok'), []);

    assert.equal(created.privateDnsVerification?.state, 'pendingVerification');
    await startPrivateDnsVerification(layer, US, created.id);
    await advance(suite.emu, 10_000);
    assert.equal((await services(layer)).find((s) => s.id === created.id)!.privateDnsVerification?.state, 'verified');
  });

  it('Allow ClickPipes on an existing service without it: readiness goes from error to ok', async () => {
    const layer = suite.layer;
    const kafka = await byName(layer, 'kafka-nlb');
    assert.deepEqual(kafka.allowedPrincipals, []);
    assert.ok(endpointServiceReadiness(kafka, US.region).some((f) => f.level === 'error'));
    const built = allowClickPipesPlan(kafka, buildCtx('vpcesvc-int-allow'));
    assert.ok('plan' in built);
    const outcome = await apply(built.plan, layer);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    assert.deepEqual(outcome.results, [{ label: 'Service name', value: kafka.name }]);
    const after = await byName(layer, 'kafka-nlb');
    assert.deepEqual(after.allowedPrincipals, [CLICKPIPES_PRINCIPAL_ARN]);
    assert.ok(!endpointServiceReadiness(after, US.region).some((f) => f.level === 'error'));
    assert.ok('nothingToDo' in allowClickPipesPlan(after, buildCtx('again')));
  });

  it('Add ClickPipes region: AddSupportedRegions, Pending → Available on the clock; no permission step when already allowed', async () => {
    const layer = suite.layer;
    const mysql = await byName(layer, 'mysql-nlb');
    const built = addClickPipesRegionPlan(mysql, ['us-west-2'], buildCtx('vpcesvc-int-region'));
    assert.ok('plan' in built);
    assert.deepEqual(built.plan.steps.map((s) => s.operation), ['DescribeVpcEndpointServiceConfigurations', 'ModifyVpcEndpointServiceConfiguration']);
    const outcome = await apply(built.plan, layer);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.failure));
    assert.equal((await byName(layer, 'mysql-nlb')).supportedRegions.find((r) => r.region === 'us-west-2')?.state, 'Pending');
    await advance(suite.emu, 10_000);
    assert.equal((await byName(layer, 'mysql-nlb')).supportedRegions.find((r) => r.region === 'us-west-2')?.state, 'Available');
  });

  it('accept a pending ClickPipes connection: Pending, then Available on the clock; readiness no longer warns', async () => {
    const layer = suite.layer;
    const pg = await byName(layer, 'pg-proxy-nlb');
    const pending = pg.connections.filter(isPendingAcceptance);
    assert.equal(pending.length, 1);
    assert.equal(pending[0].owner, '072088201116');
    assert.ok(endpointServiceReadiness(pg, US.region).some((f) => f.level === 'warning' && /pending acceptance/.test(f.message)));
    const result = await acceptConnections(layer, US, pg.id, [pending[0].vpcEndpointId]);
    assert.deepEqual(result, { done: [pending[0].vpcEndpointId], failed: [] });
    const state = async () => (await byName(layer, 'pg-proxy-nlb')).connections.find((c) => c.vpcEndpointId === pending[0].vpcEndpointId)!.state;
    assert.equal((await state()).toLowerCase(), 'pending');
    await advance(suite.emu, 10_000);
    assert.equal((await state()).toLowerCase(), 'available');
    assert.ok(!endpointServiceReadiness(await byName(layer, 'pg-proxy-nlb'), US.region).some((f) => f.level !== 'ok'));
    // Accepting it again: EC2 answers with Unsuccessful, which is reported, not swallowed.
    const again = await acceptConnections(layer, US, pg.id, [pending[0].vpcEndpointId]);
    assert.deepEqual(again.done, []);
    assert.equal(again.failed[0].code, 'InvalidState');
  });

  it('reject a pending connection: Rejected at once', async () => {
    const layer = suite.layer;
    const mysql = await byName(layer, 'mysql-nlb');
    const pending = mysql.connections.find(isPendingAcceptance)!;
    assert.equal(pending.region, 'eu-central-1');
    assert.deepEqual((await rejectConnections(layer, US, mysql.id, [pending.vpcEndpointId])).failed, []);
    assert.equal((await byName(layer, 'mysql-nlb')).connections.find((c) => c.vpcEndpointId === pending.vpcEndpointId)!.state.toLowerCase(), 'rejected');
  });

  it('teardown: EC2 refuses while connections are live; rejecting them first lets the delete through', async () => {
    const layer = suite.layer;
    const pg = await byName(layer, 'pg-proxy-nlb');
    const live = pg.connections.filter(isLive);
    assert.equal(live.length, 2);
    const refused = await deleteEndpointService(layer, US, pg.id, []);
    assert.ok(refused.status === 'failed' && refused.stage === 'delete' && /ExistingVpcEndpointConnections/.test(refused.message), JSON.stringify(refused));
    assert.equal((await services(layer)).find((s) => s.id === pg.id)?.state, 'Available', 'nothing changed');

    const done = await deleteEndpointService(layer, US, pg.id, live.map((c) => c.vpcEndpointId));
    assert.deepEqual(done, { status: 'deleted', rejected: live.map((c) => c.vpcEndpointId) });
    assert.equal((await services(layer)).find((s) => s.id === pg.id)?.state, 'Deleting');
    await advance(suite.emu, 10_000);
    assert.equal((await services(layer)).some((s) => s.id === pg.id), false);
  });

  it('failed calls leave things as they were: create refused, permission refused, accept refused', async () => {
    const layer = suite.layer;
    const before = await services(layer);
    const lbs = await layer.listLoadBalancers(US);
    const session = startEndpointServiceSession(formContext(layer));
    await session.loadInit();
    const plan = session.build({ mode: 'new', networkLoadBalancerArns: [lbs.find((l) => l.name === 'kafka-nlb')!.arn], acceptanceRequired: true }, buildCtx('vpcesvc-int-fail'));

    await control(suite.emu.url, 'POST', 'faults', { faults: [{ service: 'ec2', operation: 'CreateVpcEndpointServiceConfiguration', accessDenied: true }] });
    const failed = await apply(plan, layer);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failure?.stepId, 'service');
    assert.deepEqual(failed.created, []);
    assert.equal((await services(layer)).length, before.length, 'no service was created');

    await control(suite.emu.url, 'POST', 'faults', { mode: 'replace', faults: [{ service: 'ec2', operation: 'ModifyVpcEndpointServicePermissions', accessDenied: true }] });
    const kafka = before.find((s) => s.allowedPrincipals.length === 0 && s.connections.length === 0)!;
    const allow = allowClickPipesPlan(kafka, buildCtx('vpcesvc-int-fail-allow'));
    assert.ok('plan' in allow);
    const refused = await apply(allow.plan, layer);
    assert.equal(refused.status, 'failed');
    assert.match(refused.failure!.error.text, /ModifyVpcEndpointServicePermissions/);
    assert.deepEqual((await services(layer)).find((s) => s.id === kafka.id)!.allowedPrincipals, []);

    await control(suite.emu.url, 'POST', 'faults', { mode: 'replace', faults: [{ service: 'ec2', operation: 'AcceptVpcEndpointConnections', accessDenied: true }] });
    const pg = before.find((s) => s.connections.some(isPendingAcceptance) && s.connections.length === 2)!;
    const pending = pg.connections.find(isPendingAcceptance)!;
    const err = await rejection(acceptConnections(layer, US, pg.id, [pending.vpcEndpointId]));
    assert.match(String(err.failure?.name ?? err.name), /AccessDenied|UnauthorizedOperation/);
    assert.ok(isPendingAcceptance((await services(layer)).find((s) => s.id === pg.id)!.connections.find((c) => c.vpcEndpointId === pending.vpcEndpointId)!));
  });
});

// GROUP and CHILD resource configurations through the form session, the builder and the executor
// against the emulator. AWS (VPC Lattice guide, "Resource configurations for VPC resources"): a
// CHILD is shared only as part of its GROUP, so a GROUP plan creates a child and shares the group,
// and a CHILD plan creates the child and reuses the group's share.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { VpcResourceForm } from '../../src/model/forms';
import { FileJournalStore } from '../../src/plans/journal';
import { startVpcResourceSession } from '../../src/webviews/forms/vpcResource';
import { applyOnEmulatorClock, callThrough, emulatorSuite, formContext, US } from './awsEnv';

describe('plans against the emulator: GROUP and CHILD resource configurations', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');
  let journalDir: string;
  beforeEach(() => (journalDir = mkdtempSync(path.join(tmpdir(), 'cpl-groups-'))));
  afterEach(() => rmSync(journalDir, { recursive: true, force: true }));

  async function applyForm(values: VpcResourceForm, planId: string) {
    const session = startVpcResourceSession(formContext(suite.layer));
    await session.loadInit();
    assert.deepEqual(session.validate(values), {});
    const plan = session.build(values, { planId, createdAt: new Date().toISOString(), profile: US.profile, region: US.region, accountId: '123456789012' });
    const outcome = await applyOnEmulatorClock(suite.emu, plan, callThrough(suite.layer), new FileJournalStore(journalDir));
    return { plan, outcome };
  }

  it('a GROUP plan leaves a group with a child, shared with ClickPipes; a CHILD plan adds a child and reuses that share', async () => {
    const init = await startVpcResourceSession(formContext(suite.layer)).loadInit();
    const gateway = init.gateways.find((g) => g.name === 'prod-data-gateway')!;
    const group: VpcResourceForm = {
      gatewayMode: 'existing', gatewayId: gateway.id, configurationName: 'brokers-group', configurationType: 'GROUP',
      definitionKind: 'dns', domainName: 'broker-1.kafka.internal.example.com', portRanges: ['9096'], shareName: 'brokers-share', allowExternalPrincipals: true,
    };
    const first = await applyForm(group, 'vpcres-group');
    assert.equal(first.outcome.status, 'succeeded', JSON.stringify(first.outcome.failure));
    const configs = await suite.layer.listResourceConfigurations(US);
    const made = configs.find((c) => c.name === 'brokers-group')!;
    const children = configs.filter((c) => c.groupId === made.id);
    assert.deepEqual(children.map((c) => [c.name, c.type, c.status]), [['brokers-group-child', 'CHILD', 'ACTIVE']]);
    const share = (await suite.layer.listResourceShares(US)).find((s) => s.name === 'brokers-share')!;
    assert.deepEqual(share.resources.map((r) => r.arn), [made.arn]);
    assert.deepEqual(share.principals.map((p) => p.id), ['072088201116']);

    const child: VpcResourceForm = {
      gatewayMode: 'new', configurationName: 'broker-2', configurationType: 'CHILD', groupId: made.id,
      definitionKind: 'dns', domainName: 'broker-2.kafka.internal.example.com', portRanges: ['9096'], shareName: '',
    };
    const second = await applyForm(child, 'vpcres-child');
    assert.equal(second.outcome.status, 'succeeded', JSON.stringify(second.outcome.failure));
    assert.deepEqual(second.plan.steps.map((s) => s.operation), ['CreateResourceConfiguration']);
    assert.deepEqual(second.outcome.results.find((r) => r.label === 'Resource share ARN')?.value, share.arn);
    const after = (await suite.layer.listResourceConfigurations(US)).filter((c) => c.groupId === made.id).map((c) => c.name).sort();
    assert.deepEqual(after, ['broker-2', 'brokers-group-child']);
    assert.equal((await suite.layer.listResourceShares(US)).filter((s) => s.name === 'brokers-share').length, 1);
  });
});

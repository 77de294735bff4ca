// The doctor's verdict on the explorer's rows: handed over through the explorer hooks, shown on
// every row of the diagnosed resource (icon from the doctor's overall verdict, the failing hop
// first in the tooltip), in its scope only, until that scope is refreshed.
import * as assert from 'node:assert/strict';
import { diagnosedResourceOf, doctorTargets } from '../../../src/commands/doctorTargets';
import type { Diagnosis, Hop, Report } from '../../../src/model/doctor/types';
import { ExplorerModel, type ExplorerSettings } from '../../../src/views/explorer/model';
import type { ExplorerNode, GroupNode } from '../../../src/views/explorer/nodes';
import { DiagnosisStore } from '../../../src/views/explorer/diagnoses';
import { iconSpec } from '../../../src/views/explorer/icons';
import { rowVerdict } from '../../../src/views/explorer/readiness';
import { tooltipOf } from '../../../src/views/explorer/describe';
import { FakeAws } from './fakeAws';

const settings: ExplorerSettings = { profiles: () => [], regions: () => undefined, defaultProfile: () => 'demo' };

async function groups(model: ExplorerModel): Promise<Record<string, GroupNode>> {
  const [profile] = await model.getChildren();
  const [region] = await model.getChildren(profile);
  return Object.fromEntries(((await model.getChildren(region)) as GroupNode[]).map((g) => [g.group, g]));
}

const hop = (id: string, verdict: Hop['verdict'], title = id, evidence: string[] = []): Hop => ({ id, title, verdict, evidence });
const report = (hops: Hop[]): Report => ({ path: 'vpcResource', subject: 'rcfg-0000000000000001', profile: 'demo', region: 'us-east-1', hops });

function diagnosisOf(node: ExplorerNode, hops: Hop[]): Diagnosis[] {
  return doctorTargets(node).flatMap((t) => { const resource = diagnosedResourceOf(t); return resource ? [{ resource, report: report(hops) }] : []; });
}

describe('views/explorer diagnoses (the doctor\'s verdict on the rows)', () => {
  it('a failing hop turns every row of the configuration into an error, the hop first in the tooltip', async () => {
    const aws = new FakeAws();
    const model = new ExplorerModel({ aws: () => aws.layer, settings });
    const g = await groups(model);
    const [cfg] = await model.getChildren(g.resourceConfigurations);
    const [gw] = await model.getChildren(g.resourceGateways);
    const [underGateway] = await model.getChildren(gw);
    const store = new DiagnosisStore();
    const before = rowVerdict(cfg, model, store.of(cfg));
    assert.equal(before.doctor, undefined);
    assert.equal(iconSpec(cfg, before.readiness).icon, 'pass-filled', 'ready by the lists alone');

    assert.ok(cfg.type === 'resourceConfiguration');
    store.record(cfg.scope, diagnosisOf(cfg, [hop('share', 'pass'), hop('targetIngress', 'fail', 'Target admits the gateway on port 5432', ['sg-1 has no rule for sg-2'])]));
    for (const row of [cfg, underGateway]) {
      const v = rowVerdict(row, model, store.of(row));
      assert.equal(v.doctor, 'fail');
      assert.deepEqual(iconSpec(row, v.readiness, v.doctor), { icon: 'error', color: 'list.errorForeground' });
      assert.equal(v.readiness[0].level, 'error');
      assert.match(tooltipOf(row, v.readiness) ?? '', /Diagnosis: Target admits the gateway on port 5432 — sg\\-1 has no rule for sg\\-2/);
    }
  });

  it('all hops pass → a verified icon; an unknown hop → a question icon, never a check', async () => {
    const aws = new FakeAws();
    const model = new ExplorerModel({ aws: () => aws.layer, settings });
    const [svc] = await model.getChildren((await groups(model)).endpointServices);
    assert.ok(svc.type === 'endpointService');
    const store = new DiagnosisStore();
    store.record(svc.scope, diagnosisOf(svc, [hop('a', 'pass'), hop('b', 'pass')]));
    let v = rowVerdict(svc, model, store.of(svc));
    assert.deepEqual(iconSpec(svc, v.readiness, v.doctor), { icon: 'verified-filled', color: 'charts.green' });
    store.record(svc.scope, diagnosisOf(svc, [hop('a', 'pass'), hop('b', 'unknown', 'Load balancer targets')]));
    v = rowVerdict(svc, model, store.of(svc));
    assert.equal(iconSpec(svc, v.readiness, v.doctor).icon, 'question');
  });

  it('only the diagnosed scope and resource; clearing the scope forgets it', async () => {
    const aws = new FakeAws();
    const model = new ExplorerModel({ aws: () => aws.layer, settings });
    const g = await groups(model);
    const [cfg] = await model.getChildren(g.resourceConfigurations);
    const [db] = await model.getChildren(g.databases);
    assert.ok(cfg.type === 'resourceConfiguration');
    const store = new DiagnosisStore();
    store.record({ profile: 'other', region: 'us-east-1' }, diagnosisOf(cfg, [hop('x', 'fail')]));
    assert.equal(store.of(cfg), undefined, 'another profile');
    store.record(cfg.scope, diagnosisOf(cfg, [hop('x', 'fail')]));
    assert.ok(store.of(cfg));
    assert.equal(store.of(db), undefined, 'another resource');
    store.clear(cfg.scope);
    assert.equal(store.of(cfg), undefined);
  });

  it('a member instance of an Aurora cluster shows the cluster\'s diagnosis; targets name their rows', () => {
    assert.deepEqual(diagnosedResourceOf({ path: 'database', kind: 'cluster', id: 'orders' }), { kind: 'database', dbKind: 'cluster', id: 'orders' });
    assert.deepEqual(diagnosedResourceOf({ path: 'mskMultiVpc', clusterArn: 'arn:x', auth: 'SASL_IAM' }), { kind: 'mskCluster', id: 'arn:x' });
    const store = new DiagnosisStore();
    const scope = { profile: 'demo', region: 'us-east-1' };
    store.record(scope, [{ resource: { kind: 'database', dbKind: 'cluster', id: 'orders' }, report: report([hop('p', 'fail')]) }]);
    const member = {
      type: 'database', id: 'x', scope, resource: {
        kind: 'instance', id: 'orders-1', clusterId: 'orders', arn: 'arn:aws:rds:us-east-1:1:db:orders-1', resourceId: 'db-1', engine: 'aurora-postgresql',
        engineVersion: '16', status: 'available', publiclyAccessible: false, iamAuth: true,
      },
    } as ExplorerNode;
    assert.equal(store.of(member)?.length, 1);
  });
});

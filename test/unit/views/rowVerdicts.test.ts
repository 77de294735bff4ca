// A row's verdict (icon, readiness lines) is decided from what loads with its list, before the row
// is drawn: a hover can only build the tooltip, so the icon a person sees never changes under the
// pointer. Where a fact could not be read, the verdict says unknown, never ready.
import * as assert from 'node:assert/strict';
import { ExplorerModel, type ExplorerSettings } from '../../../src/views/explorer/model';
import type { ExplorerNode, GroupNode } from '../../../src/views/explorer/nodes';
import { labelOf } from '../../../src/views/explorer/describe';
import { iconSpec } from '../../../src/views/explorer/icons';
import { readinessOf } from '../../../src/views/explorer/readiness';
import { worstLevel } from '../../../src/model/readiness';
import { FakeAws, configuration, gateway, named, share, subnet } from './fakeAws';

function settings(): ExplorerSettings {
  return { profiles: () => [], regions: () => undefined, defaultProfile: () => 'demo' };
}

async function groups(model: ExplorerModel): Promise<Record<string, GroupNode>> {
  const [profile] = await model.getChildren();
  const [region] = await model.getChildren(profile);
  const gs = (await model.getChildren(region)) as GroupNode[];
  return Object.fromEntries(gs.map((g) => [g.group, g]));
}

const byLabel = (nodes: ExplorerNode[], label: string) => {
  const n = nodes.find((k) => labelOf(k) === label);
  assert.ok(n, `no row ${label} in ${nodes.map(labelOf).join(', ')}`);
  return n;
};

describe('views/explorer row verdicts come with the list', () => {
  it('a gateway with a /28 subnet shows its subnet warning as soon as the group lists', async () => {
    const aws = new FakeAws();
    aws.data.subnets = [subnet('subnet-a'), subnet('subnet-b', '10.0.3.0/27', 27)];
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const gw = byLabel(await model.getChildren((await groups(model)).resourceGateways), 'gw-00000000000000001');
    const findings = readinessOf(gw, model);
    assert.ok(findings.some((f) => f.level === 'warning' && /subnet-b .*smaller than the recommended \/26/.test(f.message)), JSON.stringify(findings));
    assert.deepEqual(iconSpec(gw, findings), { icon: 'warning', color: 'list.warningForeground' });
  });

  it('subnets of every gateway VPC are read in one call per region, not per gateway', async () => {
    const aws = new FakeAws();
    aws.data.gateways.push({ ...gateway('rgw-00000000000000003'), vpcId: 'vpc-0def' });
    aws.data.subnets.push(subnet('subnet-x', '10.9.0.0/24', 200, 'vpc-0def'));
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const g = await groups(model);
    await model.getChildren(g.resourceGateways);
    assert.deepEqual(aws.batches.filter((b) => b.op === 'listSubnetsOfVpcs').map((b) => b.args.sort()), [['vpc-0abc', 'vpc-0def']]);
  });

  it('a configuration no share holds is flagged when its group lists (shares load with configurations)', async () => {
    const aws = new FakeAws();
    aws.data.shares = [];
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const [cfg] = await model.getChildren((await groups(model)).resourceConfigurations);
    const findings = readinessOf(cfg, model);
    assert.ok(findings.some((f) => f.level === 'warning' && /No resource share holds this configuration/.test(f.message)), JSON.stringify(findings));
    assert.equal(iconSpec(cfg, findings).icon, 'warning');
  });

  it('the same under its gateway: shares load before the gateway shows its configurations', async () => {
    const aws = new FakeAws();
    aws.data.shares = [{ ...share('cfg-share', aws.data.configurations[0].arn), principals: [] }];
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const gw = byLabel(await model.getChildren((await groups(model)).resourceGateways), 'gw-00000000000000001');
    const [cfg] = await model.getChildren(gw);
    assert.equal(worstLevel(readinessOf(cfg, model)), 'error', 'not shared with ClickPipes');
  });

  it('an ARN configuration whose target may be public is read with the list (one Get), only then', async () => {
    const aws = new FakeAws();
    const cfg = { ...configuration('rcfg-0000000000000002', 'rgw-00000000000000001'), type: 'ARN', definition: { kind: 'arn' as const, arn: aws.data.databases[0].arn } };
    aws.data.configurations.push(cfg);
    aws.data.shares.push(share('second', cfg.arn));
    aws.data.databases[0] = { ...aws.data.databases[0], publiclyAccessible: true };
    // The list carries no definition (ListResourceConfigurations returns summaries).
    const listed = structuredClone(aws.data.configurations).map((c) => (c.type === 'ARN' ? { ...c, definition: undefined } : c));
    const original = aws.layer.listResourceConfigurations.bind(aws);
    aws.listResourceConfigurations = async (s) => { await original(s); return structuredClone(listed); };
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const rows = await model.getChildren((await groups(model)).resourceConfigurations);
    const arnRow = byLabel(rows, 'cfg-0000000000000002');
    assert.deepEqual(aws.batches.filter((b) => b.op === 'getResourceConfigurations').map((b) => b.args), [['rcfg-0000000000000002']]);
    assert.ok(readinessOf(arnRow, model).some((f) => f.level === 'error' && /publicly accessible/.test(f.message)));
  });

  it('no public database in the region: an ARN configuration needs no Get', async () => {
    const aws = new FakeAws();
    aws.data.configurations[0] = { ...aws.data.configurations[0], type: 'ARN', definition: undefined };
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const [cfg] = await model.getChildren((await groups(model)).resourceConfigurations);
    assert.equal(aws.batches.filter((b) => b.op === 'getResourceConfigurations').length, 0);
    assert.equal(worstLevel(readinessOf(cfg, model)), 'ok');
  });

  it('an MSK cluster with multi-VPC on gets its policy with the list: no policy → warning at once', async () => {
    const aws = new FakeAws();
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const [msk] = await model.getChildren((await groups(model)).mskClusters);
    const findings = readinessOf(msk, model);
    assert.ok(findings.some((f) => f.level === 'warning' && /No cluster policy/.test(f.message)), JSON.stringify(findings));
    assert.equal(iconSpec(msk, findings).icon, 'warning');
  });

  it('a fact that cannot be read gives an unknown verdict and a question icon, never a check', async () => {
    const aws = new FakeAws();
    aws.faults.set('listSubnetsOfVpcs', named('UnauthorizedOperation', 'not authorized to perform ec2:DescribeSubnets'));
    aws.faults.set('listResourceShares', named('AccessDeniedException', 'not authorized to perform ram:GetResourceShares'));
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const g = await groups(model);
    const gw = byLabel(await model.getChildren(g.resourceGateways), 'gw-00000000000000001');
    const gwFindings = readinessOf(gw, model);
    assert.equal(worstLevel(gwFindings), 'unknown');
    assert.ok(gwFindings.some((f) => /Subnets could not be read \(.*DescribeSubnets/.test(f.message)), JSON.stringify(gwFindings));
    assert.equal(iconSpec(gw, gwFindings).icon, 'question');
    const [cfg] = await model.getChildren(g.resourceConfigurations);
    assert.equal(cfg.type, 'resourceConfiguration', 'a share failure does not hide the configurations');
    assert.equal(worstLevel(readinessOf(cfg, model)), 'unknown');
    assert.equal(iconSpec(cfg, readinessOf(cfg, model)).icon, 'question');
  });
});

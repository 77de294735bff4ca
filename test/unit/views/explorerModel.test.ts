import * as assert from 'node:assert/strict';
import { ExplorerModel, type ExplorerSettings } from '../../../src/views/explorer/model';
import type { ExplorerNode, GroupNode } from '../../../src/views/explorer/nodes';
import { labelOf } from '../../../src/views/explorer/describe';
import { Poller } from '../../../src/views/explorer/poller';
import { FakeAws, named } from './fakeAws';
import { FakeClock, flush } from './fakeClock';

function settings(over: Partial<ExplorerSettings> = {}): ExplorerSettings {
  return { profiles: () => [], regions: () => undefined, defaultProfile: () => 'demo', ...over };
}

async function groups(model: ExplorerModel): Promise<Record<string, GroupNode>> {
  const [profile] = await model.getChildren();
  const [region] = await model.getChildren(profile);
  const gs = (await model.getChildren(region)) as GroupNode[];
  return Object.fromEntries(gs.map((g) => [g.group, g]));
}

describe('views/explorerModel', () => {
  it('roots are the default profile, children its region, then the six groups in order', async () => {
    const aws = new FakeAws();
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const roots = await model.getChildren();
    assert.deepEqual(roots.map(labelOf), ['demo']);
    const regions = await model.getChildren(roots[0]);
    assert.deepEqual(regions.map(labelOf), ['us-east-1']);
    const gs = await model.getChildren(regions[0]);
    assert.deepEqual(gs.map(labelOf), [
      'Resource gateways', 'Resource configurations', 'Resource shares', 'MSK clusters', 'VPC endpoint services', 'Databases',
    ]);
    assert.equal(aws.count('listResourceGateways'), 0, 'nothing listed before a group is expanded');
  });

  it('is lazy and caches: a list is fetched once, shared by the gateway children and its group', async () => {
    const aws = new FakeAws();
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const g = await groups(model);
    const gws = await model.getChildren(g.resourceGateways);
    await model.getChildren(g.resourceGateways);
    const cfgsUnderGw = await model.getChildren(gws.find((n) => labelOf(n) === 'gw-00000000000000001'));
    const cfgs = await model.getChildren(g.resourceConfigurations);
    assert.equal(aws.count('listResourceGateways'), 1);
    assert.equal(aws.count('listResourceConfigurations'), 1);
    assert.deepEqual(cfgsUnderGw.map(labelOf), ['cfg-0000000000000001']);
    assert.notEqual(cfgsUnderGw[0].id, cfgs[0].id, 'ids stay unique when a configuration shows twice');
  });

  it('an error in one group becomes an error node there only, with a retry', async () => {
    const aws = new FakeAws();
    aws.faults.set('listMskClusters', named('AccessDeniedException', 'not authorized to perform kafka:ListClustersV2'));
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const g = await groups(model);
    const [err] = await model.getChildren(g.mskClusters);
    assert.equal(err.type, 'error');
    assert.match(labelOf(err), /Access denied loading MSK clusters in us-east-1: not authorized/);
    assert.equal(err.type === 'error' && err.retry, g.mskClusters);
    assert.equal((await model.getChildren(g.databases))[0].type, 'database');
    // Retry: refresh the group, fault gone, data shows.
    aws.faults.clear();
    assert.equal(model.refresh(err), g.mskClusters);
    assert.equal((await model.getChildren(g.mskClusters))[0].type, 'mskCluster');
  });

  it('SSO sign-in needed: the error node names the aws sso login command for the profile', async () => {
    const aws = new FakeAws();
    aws.faults.set('listResourceShares', named('SsoLoginRequired', 'token expired'));
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const [err] = await model.getChildren((await groups(model)).resourceShares);
    assert.ok(err.type === 'error');
    assert.equal(err.ssoProfile, 'demo');
    assert.match(err.message, /^IAM Identity Center \(SSO\) sign-in needed: .*aws sso login --profile demo/);
  });

  it('an empty group says so, naming the region', async () => {
    const aws = new FakeAws();
    aws.data.gateways = [];
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const [msg] = await model.getChildren((await groups(model)).resourceGateways);
    assert.equal(msg.type, 'message');
    assert.equal(labelOf(msg), 'No resource gateways in us-east-1');
  });

  it('no profiles at all: no roots and state noProfiles (the welcome view shows)', async () => {
    const aws = new FakeAws();
    aws.data.profiles = [];
    const states: string[] = [];
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings(), onState: (s) => states.push(s) });
    assert.deepEqual(await model.getChildren(), []);
    assert.deepEqual(states, ['noProfiles']);
  });

  it('a chosen profile missing from the files shows with a message; regions come from settings', async () => {
    const aws = new FakeAws();
    const model = new ExplorerModel({
      aws: () => aws.layer,
      settings: settings({ profiles: () => ['demo', 'gone'], regions: (p) => (p === 'demo' ? ['eu-west-1', 'us-east-2'] : undefined) }),
    });
    const [demo, gone] = await model.getChildren();
    assert.deepEqual((await model.getChildren(demo)).map(labelOf), ['eu-west-1', 'us-east-2']);
    assert.match(labelOf((await model.getChildren(gone))[0]), /not in your AWS config/);
  });

  it('the account id arrives in the background and re-renders the profile node', async () => {
    const aws = new FakeAws();
    const changed: (ExplorerNode | undefined)[] = [];
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings(), onDidChange: (n) => changed.push(n) });
    const [profile] = await model.getChildren();
    await model.getChildren(profile);
    await new Promise((r) => setImmediate(r));
    assert.equal(profile.type === 'profile' && profile.account, '123456789012');
    assert.deepEqual(changed, [profile]);
  });

  it('refresh of a group drops only its lists; ids are stable across the reload', async () => {
    const aws = new FakeAws();
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const g = await groups(model);
    const before = (await model.getChildren(g.resourceGateways)).map((n) => n.id);
    await model.getChildren(g.databases);
    model.refresh(g.resourceGateways);
    const after = (await model.getChildren(g.resourceGateways)).map((n) => n.id);
    await model.getChildren(g.databases);
    assert.deepEqual(after, before);
    assert.equal(aws.count('listResourceGateways'), 2);
    assert.equal(aws.count('listDatabases'), 1);
  });

  it('polls only the gateway in transition, with Get, and stops once it is ACTIVE', async () => {
    const aws = new FakeAws();
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    const changed: (ExplorerNode | undefined)[] = [];
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings(), poller, onDidChange: (n) => changed.push(n) });
    const gws = await model.getChildren((await groups(model)).resourceGateways);
    assert.equal(poller.size, 1);
    await clock.advance(2_000);
    assert.equal(aws.count('getResourceGateway'), 1);
    assert.equal(poller.size, 1, 'still CREATE_IN_PROGRESS');
    aws.data.gateways[1].status = 'ACTIVE';
    await clock.advance(4_000);
    assert.equal(aws.count('getResourceGateway'), 2);
    assert.equal(poller.size, 0);
    assert.equal(poller.armed, false);
    const moved = gws.find((n) => labelOf(n) === 'gw-new')!;
    assert.equal(moved.type === 'resourceGateway' && moved.resource.status, 'ACTIVE');
    assert.ok(changed.includes(moved), 'only the node that changed is re-rendered');
    await clock.advance(120_000);
    assert.equal(aws.count('getResourceGateway'), 2, 'no calls while nothing is in transition');
  });
});

describe('views/explorerModel details on hover', () => {
  it('a tooltip reads a configuration summary\'s definition into a copy: the row stays as drawn', async () => {
    const aws = new FakeAws();
    const full = aws.data.configurations[0];
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const g = await groups(model);
    const [cfg] = await model.getChildren(g.resourceConfigurations);
    assert.ok(cfg.type === 'resourceConfiguration');
    delete cfg.resource.definition; // what ListResourceConfigurations returns
    const shown = await model.tooltipNode(cfg);
    assert.ok(shown.type === 'resourceConfiguration');
    assert.deepEqual(shown.resource.definition, full.definition);
    assert.equal(cfg.resource.definition, undefined, 'the row\'s own resource is not changed');
    assert.equal(aws.count('getResourceConfiguration'), 1);
  });
});

describe('views/explorerModel polling kinds without a Get', () => {
  it('a PENDING share is polled by re-listing its group, until nothing in it moves', async () => {
    const aws = new FakeAws();
    aws.data.shares[0].status = 'PENDING';
    aws.data.gateways = aws.data.gateways.slice(0, 1);
    const clock = new FakeClock();
    const poller = new Poller({ clock });
    const changed: (ExplorerNode | undefined)[] = [];
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings(), poller, onDidChange: (n) => changed.push(n) });
    const g = await groups(model);
    await model.getChildren(g.resourceShares);
    assert.deepEqual(poller.keys(), [g.resourceShares.id]);
    await flush();
    changed.length = 0; // the profile's account id arrived; from here on, only polling
    await clock.advance(2_000);
    assert.equal(aws.count('listResourceShares'), 2);
    aws.data.shares[0].status = 'ACTIVE';
    await clock.advance(4_000);
    assert.equal(aws.count('listResourceShares'), 3);
    assert.equal(poller.size, 0);
    assert.ok(changed.every((n) => n === g.resourceShares), 'only the group re-renders');
    const [share] = await model.getChildren(g.resourceShares);
    assert.equal(share.type === 'resourceShare' && share.resource.status, 'ACTIVE');
  });
});

describe('views/explorerModel: polling a resource in transition', () => {
  async function movingGateway() {
    const aws = new FakeAws();
    const model = new ExplorerModel({ aws: () => aws.layer, settings: settings() });
    const g = await groups(model);
    const node = (await model.getChildren(g.resourceGateways)).find((n) => labelOf(n) === 'gw-new')!;
    return { aws, model, group: g.resourceGateways, target: model.pollTarget(node)! };
  }

  it('a Get that says the resource is gone stops polling and re-lists its group', async () => {
    const { aws, model, group, target } = await movingGateway();
    aws.faults.set('getResourceGateway', named('ResourceNotFoundException'));
    assert.equal(await target.run(), false);
    await model.getChildren(group);
    assert.equal(aws.count('listResourceGateways'), 2, 'the group was not re-listed');
  });

  it('a DNS failure (ENOTFOUND) is not a deleted resource: the poll fails and is retried', async () => {
    const { aws, model, group, target } = await movingGateway();
    aws.faults.set('getResourceGateway', Object.assign(named('Error', 'getaddrinfo ENOTFOUND vpc-lattice.us-east-1.amazonaws.com'), { code: 'ENOTFOUND' }));
    await assert.rejects(target.run(), /ENOTFOUND/);
    await model.getChildren(group);
    assert.equal(aws.count('listResourceGateways'), 1, 'the group was re-listed as if the gateway were deleted');
  });
});

import * as assert from 'node:assert/strict';
import {
  RAMClient, CreateResourceShareCommand, GetResourceSharesCommand, GetResourceShareAssociationsCommand, AssociateResourceShareCommand,
  DisassociateResourceShareCommand, ListResourcesCommand, DeleteResourceShareCommand, paginateGetResourceShares,
  UnknownResourceException, MalformedArnException, OperationNotPermittedException, MissingRequiredParameterException,
  InvalidParameterException, IdempotentParameterMismatchException, InvalidNextTokenException, InvalidMaxResultsException,
  InvalidResourceTypeException, InvalidStateTransitionException,
} from '@aws-sdk/client-ram';
import { VPCLatticeClient, CreateResourceGatewayCommand, CreateResourceConfigurationCommand } from '@aws-sdk/client-vpc-lattice';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control, seedNetwork, NET } from './testHelpers';
import { CLICKPIPES_ACCOUNT, DEMO_ACCOUNT, OTHER_ACCESS_KEY_ID, OTHER_ACCOUNT, OTHER_SECRET_ACCESS_KEY } from './scenarios/accounts';

describe('RAM resource shares', () => {
  let emu: RunningEmulator;
  let ram: RAMClient;
  let configArn: string;
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); ram = new RAMClient({ ...sdkConfig(emu.url), maxAttempts: 1 }); });
  after(async () => { await emu.stop(); });
  beforeEach(async () => {
    await control(emu.url, 'POST', 'reset');
    seedNetwork(emu.world, DEMO_ACCOUNT, 'us-east-1');
    const lattice = new VPCLatticeClient(sdkConfig(emu.url));
    const gw = await lattice.send(new CreateResourceGatewayCommand({ name: 'orders-gw', vpcIdentifier: NET.vpc, subnetIds: [NET.subnetA] }));
    await settle();
    const cfg = await lattice.send(new CreateResourceConfigurationCommand({ name: 'orders', type: 'ARN', resourceGatewayIdentifier: gw.id,
      resourceConfigurationDefinition: { arnResource: { arn: `arn:aws:rds:us-east-1:${DEMO_ACCOUNT}:cluster:${NET.privateCluster}` } } }));
    await settle();
    configArn = cfg.arn!;
  });

  const settle = () => control(emu.url, 'POST', 'clock/advance', { ms: 60_000 });
  const share = (extra: Record<string, unknown> = {}) => ram.send(new CreateResourceShareCommand({
    name: 'clickpipes-orders', resourceArns: [configArn], principals: [CLICKPIPES_ACCOUNT], allowExternalPrincipals: true, ...extra,
  }));

  it('creates a share PENDING → ACTIVE with associations ASSOCIATING → ASSOCIATED (epoch timestamps as Dates)', async () => {
    const out = await share({ tags: [{ key: 'purpose', value: 'clickpipes' }] });
    const s = out.resourceShare!;
    assert.match(s.resourceShareArn!, new RegExp(`^arn:aws:ram:us-east-1:${DEMO_ACCOUNT}:resource-share/[0-9a-f-]{36}$`));
    assert.equal(s.status, 'PENDING');
    assert.equal(s.owningAccountId, DEMO_ACCOUNT);
    assert.equal(s.allowExternalPrincipals, true);
    assert.ok(s.creationTime instanceof Date);
    assert.ok(Math.abs(s.creationTime!.getTime() - emu.world.clock.now()) < 5000);
    const principals = await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [s.resourceShareArn!] }));
    assert.equal(principals.resourceShareAssociations![0].status, 'ASSOCIATING');
    assert.equal(principals.resourceShareAssociations![0].external, true);
    await settle();
    const got = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [s.resourceShareArn!] }));
    assert.equal(got.resourceShares![0].status, 'ACTIVE');
    assert.deepEqual(got.resourceShares![0].tags, [{ key: 'purpose', value: 'clickpipes' }]);
    const resources = await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceArn: configArn }));
    assert.equal(resources.resourceShareAssociations![0].status, 'ASSOCIATED');
    assert.equal(resources.resourceShareAssociations![0].resourceShareName, 'clickpipes-orders');
  });

  it('refuses an external principal when allowExternalPrincipals is false', async () => {
    const err = await share({ allowExternalPrincipals: false }).catch((e) => e);
    assert.ok(err instanceof OperationNotPermittedException, err.name);
    const ok = await share({ allowExternalPrincipals: false, principals: [] });
    const assoc = await ram.send(new AssociateResourceShareCommand({ resourceShareArn: ok.resourceShare!.resourceShareArn, principals: [CLICKPIPES_ACCOUNT] })).catch((e) => e);
    assert.ok(assoc instanceof OperationNotPermittedException);
  });

  it('checks resource ARNs: malformed, unknown, and required parameters', async () => {
    assert.ok(await share({ resourceArns: ['not-an-arn'] }).catch((e) => e) instanceof MalformedArnException);
    const unknown = `arn:aws:vpc-lattice:us-east-1:${DEMO_ACCOUNT}:resourceconfiguration/rcfg-0000000000000000a`;
    assert.ok(await share({ resourceArns: [unknown] }).catch((e) => e) instanceof UnknownResourceException);
    assert.ok(await share({ principals: ['arn:aws:iam::bad'] }).catch((e) => e) instanceof MalformedArnException);
    assert.ok(await share({ principals: [DEMO_ACCOUNT] }).catch((e) => e) instanceof InvalidParameterException);
    assert.ok(await share({ name: undefined }).catch((e) => e) instanceof MissingRequiredParameterException);
    assert.ok(await ram.send(new GetResourceSharesCommand({} as any)).catch((e) => e) instanceof MissingRequiredParameterException);
    assert.ok(await ram.send(new GetResourceSharesCommand({ resourceOwner: 'ME' as any })).catch((e) => e) instanceof InvalidParameterException);
    assert.ok(await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceArn: configArn })).catch((e) => e) instanceof InvalidParameterException);
  });

  it('is idempotent on clientToken', async () => {
    const a = await share({ clientToken: 'plan-7-share' });
    const b = await share({ clientToken: 'plan-7-share' });
    assert.equal(a.resourceShare!.resourceShareArn, b.resourceShare!.resourceShareArn);
    assert.equal(b.clientToken, 'plan-7-share');
    assert.equal((await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares!.length, 1);
    const err = await share({ clientToken: 'plan-7-share', name: 'different' }).catch((e) => e);
    assert.ok(err instanceof IdempotentParameterMismatchException);
  });

  it('associates, disassociates and lists resources for SELF and for the principal account', async () => {
    const s = (await share({ principals: [] })).resourceShare!;
    await settle();
    const out = await ram.send(new AssociateResourceShareCommand({ resourceShareArn: s.resourceShareArn, principals: [OTHER_ACCOUNT] }));
    assert.equal(out.resourceShareAssociations![0].status, 'ASSOCIATING');
    await settle();
    const mine = await ram.send(new ListResourcesCommand({ resourceOwner: 'SELF', resourceType: 'vpc-lattice:ResourceConfiguration' }));
    assert.deepEqual(mine.resources!.map((r) => [r.arn, r.status, r.resourceShareArn]), [[configArn, 'AVAILABLE', s.resourceShareArn]]);
    const byPrincipal = await ram.send(new ListResourcesCommand({ resourceOwner: 'SELF', principal: CLICKPIPES_ACCOUNT }));
    assert.deepEqual(byPrincipal.resources, []);

    const other = new RAMClient({ ...sdkConfig(emu.url, 'us-east-1', OTHER_ACCESS_KEY_ID, OTHER_SECRET_ACCESS_KEY), maxAttempts: 1 });
    const theirs = await other.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    assert.equal(theirs.resources![0].arn, configArn);
    const sharedWithThem = await other.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    assert.equal(sharedWithThem.resourceShares![0].owningAccountId, DEMO_ACCOUNT);

    const dis = await ram.send(new DisassociateResourceShareCommand({ resourceShareArn: s.resourceShareArn, principals: [OTHER_ACCOUNT] }));
    assert.equal(dis.resourceShareAssociations![0].status, 'DISASSOCIATING');
    await settle();
    assert.deepEqual((await other.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }))).resources, []);
    const again = await ram.send(new DisassociateResourceShareCommand({ resourceShareArn: s.resourceShareArn, principals: [OTHER_ACCOUNT] })).catch((e) => e);
    assert.ok(again instanceof InvalidParameterException);
    assert.ok(await ram.send(new ListResourcesCommand({ resourceOwner: 'SELF', resourceType: 'ec2:Subnet' })).catch((e) => e) instanceof InvalidResourceTypeException);
  });

  it('filters shares and associations; org principals are internal, role principals external; CHILD configurations cannot be shared', async () => {
    const a = (await share({ tags: [{ key: 'env', value: 'prod' }] })).resourceShare!;
    await ram.send(new CreateResourceShareCommand({ name: 'other', principals: ['arn:aws:organizations::123456789012:organization/o-abcdefghij'], allowExternalPrincipals: false }));
    const byTag = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', tagFilters: [{ tagKey: 'env', tagValues: ['prod'] }] }));
    assert.deepEqual(byTag.resourceShares!.map((s) => s.name), ['clickpipes-orders']);
    assert.deepEqual((await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: 'other' }))).resourceShares!.map((s) => s.name), ['other']);
    const org = await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', principal: 'arn:aws:organizations::123456789012:organization/o-abcdefghij' }));
    assert.equal(org.resourceShareAssociations![0].external, false);
    const role = await ram.send(new AssociateResourceShareCommand({ resourceShareArn: a.resourceShareArn, principals: [`arn:aws:iam::${OTHER_ACCOUNT}:role/reader`] }));
    assert.equal(role.resourceShareAssociations![0].external, true);
    await settle();
    const associated = await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', associationStatus: 'ASSOCIATED' }));
    assert.equal(associated.resourceShareAssociations!.length, 3);
    const pending = await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', associationStatus: 'ASSOCIATING' }));
    assert.deepEqual(pending.resourceShareAssociations, []);

    const lattice = new VPCLatticeClient(sdkConfig(emu.url));
    const gwId = emu.world.region(DEMO_ACCOUNT, 'us-east-1').resourceConfigurations.get(configArn.split('/')[1])!.resourceGatewayId;
    const group = await lattice.send(new CreateResourceConfigurationCommand({ name: 'grp', type: 'GROUP', portRanges: ['5432'], resourceGatewayIdentifier: gwId }));
    await settle();
    const child = await lattice.send(new CreateResourceConfigurationCommand({ name: 'kid', type: 'CHILD', portRanges: ['5432'], resourceConfigurationGroupIdentifier: group.id,
      resourceConfigurationDefinition: { dnsResource: { domainName: 'db.example.com', ipAddressType: 'IPV4' } } }));
    assert.ok(await share({ name: 'child-share', resourceArns: [child.arn!] }).catch((e) => e) instanceof OperationNotPermittedException);
  });

  it('paginates shares with the SDK paginator and validates maxResults / nextToken', async () => {
    for (let i = 0; i < 5; i++) await ram.send(new CreateResourceShareCommand({ name: `share-${i}` }));
    const sizes: number[] = [];
    for await (const p of paginateGetResourceShares({ client: ram, pageSize: 2 }, { resourceOwner: 'SELF' })) sizes.push(p.resourceShares!.length);
    assert.deepEqual(sizes, [2, 2, 1]);
    assert.ok(await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', maxResults: 501 })).catch((e) => e) instanceof InvalidMaxResultsException);
    assert.ok(await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', nextToken: 'junk' })).catch((e) => e) instanceof InvalidNextTokenException);
  });

  it('deletes a share (DELETE with query parameters): DELETING → DELETED, associations DISASSOCIATED', async () => {
    const s = (await share()).resourceShare!;
    await settle();
    const del = await ram.send(new DeleteResourceShareCommand({ resourceShareArn: s.resourceShareArn, clientToken: 'del-1' }));
    assert.equal(del.returnValue, true);
    assert.equal(del.clientToken, 'del-1');
    assert.equal((await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares![0].status, 'DELETING');
    await settle();
    assert.equal((await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareStatus: 'DELETED' }))).resourceShares!.length, 1);
    const assocs = await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL' }));
    assert.equal(assocs.resourceShareAssociations![0].status, 'DISASSOCIATED');
    assert.ok(await ram.send(new DeleteResourceShareCommand({ resourceShareArn: s.resourceShareArn })).catch((e) => e) instanceof InvalidStateTransitionException);
    const missing = s.resourceShareArn!.replace(/[0-9a-f]{12}$/, '000000000000');
    assert.ok(await ram.send(new DeleteResourceShareCommand({ resourceShareArn: missing })).catch((e) => e) instanceof UnknownResourceException);
    const log = await control(emu.url, 'GET', 'log');
    assert.equal(log.counts['ram:DeleteResourceShare'], 3);
  });
});

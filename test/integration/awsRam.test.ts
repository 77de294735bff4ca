// RAM through the AWS layer: shares with principals and resources from three parallel paginated
// calls, the RAM family of call(), and minimal request counts on 500+ shares.
import * as assert from 'node:assert/strict';
import type { RunningEmulator } from '../emulator/index';
import { CLICKPIPES_ACCOUNT, DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import type { AwsLayer } from '../../src/aws/api';
import { advance, clearLog, control, emulatorSuite, requestCounts, seedNetwork, SUBNETS, US, VPC } from './awsEnv';

/** n shares, each with one principal and one resource association, written into the world. */
function seedShares(emu: RunningEmulator, n: number): void {
  const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < n; i++) {
    const arn = `arn:aws:ram:us-east-1:${DEMO_ACCOUNT}:resource-share/00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    r.resourceShares.set(arn, {
      resourceShareArn: arn, name: `share-${i}`, owningAccountId: DEMO_ACCOUNT, allowExternalPrincipals: true,
      status: 'ACTIVE', tags: [], creationTime: now, lastUpdatedTime: now, featureSet: 'STANDARD',
    });
    const base = { resourceShareArn: arn, resourceShareName: `share-${i}`, status: 'ASSOCIATED', creationTime: now, lastUpdatedTime: now };
    r.shareAssociations.push({ ...base, associatedEntity: CLICKPIPES_ACCOUNT, associationType: 'PRINCIPAL', external: true });
    r.shareAssociations.push({
      ...base, associationType: 'RESOURCE', external: false,
      associatedEntity: `arn:aws:vpc-lattice:us-east-1:${DEMO_ACCOUNT}:resourceconfiguration/rcfg-${String(i).padStart(17, '0')}`,
    });
  }
}

describe('AWS layer against the emulator: RAM', () => {
  const suite = emulatorSuite('empty');
  let emu: RunningEmulator;
  let layer: AwsLayer;
  beforeEach(() => {
    ({ emu, layer } = suite);
    seedNetwork(emu);
  });

  it('shares a resource configuration with ClickPipes through call(), and lists it with principals and resources', async () => {
    const gw = await layer.call(US, 'vpc-lattice', 'CreateResourceGateway', { name: 'demo-gw', vpcIdentifier: VPC, subnetIds: SUBNETS });
    await advance(emu);
    const cfg = await layer.call(US, 'vpc-lattice', 'CreateResourceConfiguration', {
      name: 'demo-cfg', type: 'SINGLE', resourceGatewayIdentifier: gw.id, portRanges: ['5432'],
      resourceConfigurationDefinition: { dnsResource: { domainName: 'db.example.com' } },
    });
    await advance(emu);
    const created = await layer.call(US, 'ram', 'CreateResourceShare', {
      name: 'clickpipes-share', resourceArns: [cfg.arn], principals: [CLICKPIPES_ACCOUNT], allowExternalPrincipals: true, clientToken: 'plan-share',
    });
    const share = created.resourceShare as Record<string, unknown>;
    assert.match(String(share.resourceShareArn), /^arn:aws:ram:us-east-1:123456789012:resource-share\//);
    assert.equal(typeof share.creationTime, 'string', 'epoch-second timestamps come back as ISO strings');
    await advance(emu);

    await clearLog(emu.url);
    const [listed] = await layer.listResourceShares(US);
    assert.deepEqual(listed, {
      arn: share.resourceShareArn, name: 'clickpipes-share', status: 'ACTIVE', owningAccountId: DEMO_ACCOUNT, allowExternalPrincipals: true,
      principals: [{ id: CLICKPIPES_ACCOUNT, status: 'ASSOCIATED' }],
      resources: [{ arn: cfg.arn, status: 'ASSOCIATED' }],
    });
    assert.deepEqual(await requestCounts(emu.url), { 'ram:GetResourceShares': 1, 'ram:GetResourceShareAssociations': 2 });

    const got = await layer.call(US, 'ram', 'GetResourceShares', { resourceOwner: 'SELF', resourceShareArns: [share.resourceShareArn] });
    assert.equal((got.resourceShares as unknown[]).length, 1);
    const extra = await layer.call(US, 'ram', 'AssociateResourceShare', { resourceShareArn: share.resourceShareArn, principals: ['111122223333'] });
    assert.equal((extra.resourceShareAssociations as unknown[]).length, 1);
    await advance(emu);
    assert.deepEqual((await layer.listResourceShares(US))[0].principals.map((p) => p.id).sort(), ['072088201116', '111122223333']);
    const deleted = await layer.call(US, 'ram', 'DeleteResourceShare', { resourceShareArn: share.resourceShareArn });
    assert.equal(deleted.returnValue, true);
  });

  it('loads 520 shares with 2 + 2 + 2 requests (500 per page, associations not per share)', async () => {
    seedShares(emu, 520);
    await clearLog(emu.url);
    const shares = await layer.listResourceShares(US);
    assert.equal(shares.length, 520);
    for (const s of shares) {
      assert.deepEqual(s.principals, [{ id: CLICKPIPES_ACCOUNT, status: 'ASSOCIATED' }], s.name);
      assert.equal(s.resources.length, 1);
    }
    assert.deepEqual(await requestCounts(emu.url), { 'ram:GetResourceShares': 2, 'ram:GetResourceShareAssociations': 4 });
  });

  it('loads completely under 30% throttling', async function () {
    this.timeout(60_000);
    seedShares(emu, 520);
    await control(emu.url, 'POST', 'faults', { faults: [{ service: 'ram', throttleRate: 0.3 }] });
    assert.equal((await layer.listResourceShares(US)).length, 520);
  });
});

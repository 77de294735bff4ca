// The first rows a person sees (profile, region, the six groups) must not wait for the AWS layer:
// loading it evaluates the SDK bundle (dist/aws.js), and its calls need the network.
import * as assert from 'node:assert/strict';
import { ExplorerModel } from '../../../src/views/explorer/model';
import { labelOf } from '../../../src/views/explorer/describe';
import { FakeAws } from './fakeAws';

describe('views/explorerModel: first rows without the AWS layer', () => {
  it('profile, region and group rows are produced without loading the AWS layer; the account id follows', async () => {
    const aws = new FakeAws();
    let layerLoads = 0;
    const deferred: (() => void)[] = [];
    const model = new ExplorerModel({
      aws: () => {
        layerLoads++;
        return aws.layer;
      },
      listProfiles: async () => [{ name: 'demo', kind: 'static', region: 'us-east-1' }],
      defer: (work) => deferred.push(work),
      settings: { profiles: () => [], regions: () => undefined, defaultProfile: () => 'demo' },
    });
    const [profile] = await model.getChildren();
    const [region] = await model.getChildren(profile);
    const groups = await model.getChildren(region);
    assert.deepEqual([labelOf(profile), labelOf(region)], ['demo', 'us-east-1']);
    assert.equal(groups.length, 6);
    assert.equal(layerLoads, 0, 'the AWS layer was asked for before the first rows were out');
    assert.deepEqual(aws.calls, []);

    assert.equal(deferred.length, 1, 'the account id is queued as background work');
    deferred[0]();
    await new Promise((r) => setImmediate(r));
    assert.equal(aws.count('callerIdentity'), 1);
    assert.equal(profile.type === 'profile' && profile.account, '123456789012');
  });
});

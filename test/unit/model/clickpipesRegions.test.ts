import * as assert from 'node:assert/strict';
import { CLICKPIPES_REGIONS_SOURCE, clickPipesRegionsFor } from '../../../src/model/clickpipesRegions';
import { regionWarning, servesRegion } from '../../../src/model/clickhouse';

// ClickHouse "ClickPipes static IPs" page (the source named in the module).
describe('ClickPipes region of a ClickHouse service', () => {
  it('follows the page: own region, creation-date rules, EU and other defaults', () => {
    assert.deepEqual(clickPipesRegionsFor('us-east-1'), ['us-east-1']);
    assert.deepEqual(clickPipesRegionsFor('us-west-1', '2026-01-15T09:05:00Z'), ['us-east-2']);
    assert.deepEqual(clickPipesRegionsFor('eu-west-3'), ['eu-central-1']);
    assert.deepEqual(clickPipesRegionsFor('us-west-2', '2025-06-24T00:00:00Z'), ['us-west-2']);
    assert.deepEqual(clickPipesRegionsFor('us-west-2', '2025-06-23T23:59:59Z'), ['us-east-2']);
    assert.deepEqual(clickPipesRegionsFor('eu-west-1', '2025-12-01T00:00:00Z'), ['eu-central-1']);
    assert.deepEqual(clickPipesRegionsFor('eu-west-1'), ['eu-west-1', 'eu-central-1'], 'no creation date: both candidates');
    // "ap-east-2: For services in AWS ap-east-2 created on or after 4 Aug 2026 (services created before use us-east-2 IPs)."
    assert.deepEqual(clickPipesRegionsFor('ap-east-2', '2026-08-04T00:00:00Z'), ['ap-east-2']);
    assert.deepEqual(clickPipesRegionsFor('ap-east-2', '2026-08-03T23:59:59Z'), ['us-east-2']);
    assert.match(CLICKPIPES_REGIONS_SOURCE.url, /clickhouse\.com\/docs\/.*static-ips/);
  });

  it('regionWarning: a us-west-1 service is served from us-east-2; the advice is dated and never says "will fail"', () => {
    const west = { name: 'west', region: 'us-west-1', provider: 'aws', createdAt: '2026-01-15T09:05:00Z' };
    assert.equal(regionWarning('VPC_RESOURCE', 'us-east-2', west), undefined);
    const warning = regionWarning('VPC_RESOURCE', 'us-west-1', west) ?? '';
    assert.match(warning, new RegExp(`Per ClickHouse docs as of ${CLICKPIPES_REGIONS_SOURCE.asOf}`));
    assert.match(warning, /runs in us-east-2/);
    assert.doesNotMatch(warning, /will fail/);
    assert.equal(servesRegion(west, 'us-east-2'), 'yes');
    assert.equal(servesRegion({ region: 'eu-west-1' }, 'eu-west-1'), 'maybe');
    assert.match(regionWarning('MSK_MULTI_VPC', 'eu-west-1', { name: 'ie', region: 'eu-west-1', provider: 'aws' }) ?? '', /depends on when the service was created/);
  });
});

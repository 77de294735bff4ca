// Region picker items, ClickPipes values, delete calls, error categories: small pure pieces.
import * as assert from 'node:assert/strict';
import { deleteCallFor } from '../../../src/commands/deleteCalls';
import { clickPipesValues, configIdFromArn, formatClickPipesValues } from '../../../src/views/explorer/clickPipesValues';
import { errorCategory, errorNode } from '../../../src/views/explorer/errorNode';
import type { ExplorerNode } from '../../../src/views/explorer/nodes';
import { regionPickItems, withRegion, withoutRegion } from '../../../src/views/explorer/regionPicker';
import { consoleUrlOf } from '../../../src/views/explorer/nodeValues';
import { demoData, named } from './fakeAws';

const scope = { profile: 'demo', region: 'us-east-1' };

describe('views/regionPicker', () => {
  it('lists regions not shown yet, ClickPipes regions first and marked', () => {
    const items = regionPickItems(['us-east-1']);
    assert.ok(!items.some((i) => i.region === 'us-east-1'));
    const firstOther = items.findIndex((i) => !i.clickPipes);
    assert.ok(firstOther > 0 && items.slice(firstOther).every((i) => !i.clickPipes));
    assert.equal(items.find((i) => i.region === 'eu-central-1')?.description, 'Europe (Frankfurt) · ClickPipes region');
    assert.equal(items.find((i) => i.region === 'us-west-1')?.description, 'US West (N. California)');
  });

  it('adds without duplicates; never removes the last region', () => {
    assert.deepEqual(withRegion(['us-east-1'], 'eu-west-1'), ['us-east-1', 'eu-west-1']);
    assert.deepEqual(withRegion(['us-east-1'], 'us-east-1'), ['us-east-1']);
    assert.deepEqual(withoutRegion(['us-east-1', 'eu-west-1'], 'us-east-1'), ['eu-west-1']);
    assert.equal(withoutRegion(['us-east-1'], 'us-east-1'), undefined);
  });
});

describe('views/clickPipesValues', () => {
  const data = demoData();
  it('VPC resource: configuration ID and the share ARN that holds it', () => {
    const cfg: ExplorerNode = { type: 'resourceConfiguration', id: 'c', scope, resource: data.configurations[0] };
    const v = clickPipesValues(cfg, data.shares)!;
    assert.equal(v.type, 'VPC_RESOURCE');
    assert.equal(formatClickPipesValues(v), `Resource configuration ID: rcfg-0000000000000001\nResource share ARN: ${data.shares[0].arn}`);
    assert.match(clickPipesValues(cfg, [])!.note!, /no resource share holds/);
  });
  it('from the share: the configuration id comes from its ARN', () => {
    assert.equal(configIdFromArn(data.configurations[0].arn), 'rcfg-0000000000000001');
    const share: ExplorerNode = { type: 'resourceShare', id: 's', scope, resource: data.shares[0] };
    assert.deepEqual(clickPipesValues(share)!.fields.map((f) => f.value), ['rcfg-0000000000000001', data.shares[0].arn]);
  });
  it('MSK: cluster ARN + the multi-VPC authentication; endpoint service: its name', () => {
    const msk: ExplorerNode = { type: 'mskCluster', id: 'm', scope, resource: data.msk[0] };
    assert.equal(formatClickPipesValues(clickPipesValues(msk)!), `MSK cluster ARN: ${data.msk[0].arn}\nAuthentication: SASL_IAM`);
    const svc: ExplorerNode = { type: 'endpointService', id: 'e', scope, resource: data.endpointServices[0] };
    assert.equal(formatClickPipesValues(clickPipesValues(svc)!), `VPC endpoint service name: ${data.endpointServices[0].name}`);
  });
});

describe('commands/deleteCalls', () => {
  const data = demoData();
  it('maps each deletable kind to its one AWS call', () => {
    assert.deepEqual(deleteCallFor({ type: 'resourceGateway', id: 'g', scope, resource: data.gateways[0] })?.operation, 'DeleteResourceGateway');
    assert.deepEqual(deleteCallFor({ type: 'resourceShare', id: 's', scope, resource: data.shares[0] })?.input, { resourceShareArn: data.shares[0].arn });
    assert.deepEqual(deleteCallFor({ type: 'endpointService', id: 'e', scope, resource: data.endpointServices[0] })?.input, {
      ServiceIds: [data.endpointServices[0].id],
    });
    assert.equal(deleteCallFor({ type: 'database', id: 'd', scope, resource: data.databases[0] }), undefined);
  });
});

describe('views/errors and console URLs', () => {
  it('categorises AWS layer failures by failure.name, others by name/code', () => {
    const layer = (name: string, message = 'x') => Object.assign(new Error(message), { name: 'AwsCallError', failure: { name, message, service: 'kafka', operation: 'ListClustersV2' } });
    assert.equal(errorCategory(layer('SsoLoginRequired')), 'sso');
    assert.equal(errorCategory(layer('AccessDeniedException')), 'accessDenied');
    assert.equal(errorCategory(layer('ECONNREFUSED', 'Network: could not reach')), 'network');
    assert.equal(errorCategory(layer('MfaCancelled')), 'mfa');
    assert.equal(errorCategory(named('ValidationException')), 'other');
    const n = errorNode(layer('ECONNREFUSED', 'Network: could not reach the kafka endpoint'), undefined, 'MSK clusters in us-east-1', 'demo');
    assert.equal(n.message, 'Cannot reach AWS loading MSK clusters in us-east-1: could not reach the kafka endpoint');
    const denied = errorNode(layer('AccessDeniedException', "AccessDenied: your profile 'demo' is not allowed to call kafka:ListClustersV2."), undefined, 'MSK clusters', 'demo');
    assert.equal(denied.message, "Access denied loading MSK clusters: your profile 'demo' is not allowed to call kafka:ListClustersV2.");
  });
  it('console URLs are region-scoped', () => {
    const data = demoData();
    assert.equal(
      consoleUrlOf({ type: 'resourceGateway', id: 'g', scope, resource: data.gateways[0] }),
      'https://us-east-1.console.aws.amazon.com/vpcconsole/home?region=us-east-1#ResourceGatewayDetails:resourceGatewayId=rgw-00000000000000001',
    );
  });
});

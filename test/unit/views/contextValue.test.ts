import * as assert from 'node:assert/strict';
import { capabilities, contextValueOf, formatContextValue } from '../../../src/views/explorer/contextValue';
import type { ExplorerNode } from '../../../src/views/explorer/nodes';
import { errorNode } from '../../../src/views/explorer/errorNode';
import { iconSpec } from '../../../src/views/explorer/icons';
import { demoData, named } from './fakeAws';

const scope = { profile: 'demo', region: 'us-east-1' };

describe('views/contextValue', () => {
  const data = demoData();
  const gw: ExplorerNode = { type: 'resourceGateway', id: 'g', scope, resource: data.gateways[0] };
  const moving: ExplorerNode = { type: 'resourceGateway', id: 'g2', scope, resource: data.gateways[1] };

  it('formats kind;sorted flags;status and drops duplicates', () => {
    assert.equal(formatContextValue('resourceConfiguration', ['hasId', 'hasArn', 'hasId'], 'active'), 'resourceConfiguration;hasArn;hasId;status:active');
    assert.equal(formatContextValue('region', []), 'region');
  });

  it('a gateway: id, ARN, console, deletable, status active', () => {
    assert.equal(contextValueOf(gw), 'resourceGateway;canDelete;hasArn;hasConsoleUrl;hasId;status:active');
  });

  it('a gateway in transition is flagged and its status is pending', () => {
    assert.equal(contextValueOf(moving), 'resourceGateway;canDelete;hasArn;hasConsoleUrl;hasId;transitional;status:pending');
  });

  it('a profile copies its account id only once STS answered, and can add regions', () => {
    const p: ExplorerNode = { type: 'profile', id: 'profile:demo', profile: 'demo', info: { name: 'demo', kind: 'static' } };
    assert.equal(contextValueOf(p), 'profile;canAddRegion');
    p.account = '123456789012';
    assert.equal(contextValueOf(p), 'profile;canAddRegion;hasAccountId');
    assert.ok(!capabilities(p).includes('hasId'), 'profile uses hasAccountId (menu title "Copy Account ID")');
  });

  it('ClickPipes values, DNS and service name flags follow the data', () => {
    const cfg: ExplorerNode = { type: 'resourceConfiguration', id: 'c', scope, resource: data.configurations[0] };
    assert.ok(capabilities(cfg).includes('hasClickPipesValues'));
    assert.ok(capabilities(cfg).includes('hasDns'), 'a DNS resource configuration has a DNS name');
    const svc: ExplorerNode = { type: 'endpointService', id: 's', scope, resource: data.endpointServices[0] };
    assert.deepEqual(
      capabilities(svc).filter((f) => f.startsWith('has')).sort(),
      ['hasClickPipesValues', 'hasConsoleUrl', 'hasDns', 'hasId', 'hasPendingConnection', 'hasServiceName'],
    );
    const db: ExplorerNode = { type: 'database', id: 'd', scope, resource: data.databases[0] };
    assert.ok(!capabilities(db).includes('canDelete'), 'databases are not deleted from the explorer');
  });

  it('an endpoint service is flagged hasPendingConnection only while a connection waits for acceptance', () => {
    const svc = data.endpointServices[0];
    const node = (states: string[]): ExplorerNode => ({
      type: 'endpointService', id: 's', scope,
      resource: { ...svc, connections: states.map((state, i) => ({ vpcEndpointId: `vpce-${i}`, owner: '072088201116', state })) },
    });
    assert.ok(capabilities(node(['PendingAcceptance'])).includes('hasPendingConnection'));
    // Real EC2 answers lowerCamel states although the SDK enum is PascalCase.
    assert.ok(capabilities(node(['Available', 'pendingAcceptance'])).includes('hasPendingConnection'));
    assert.ok(!capabilities(node(['Available', 'Rejected'])).includes('hasPendingConnection'));
    assert.ok(!capabilities(node([])).includes('hasPendingConnection'));
    const gateway = capabilities(gw);
    assert.ok(!gateway.includes('hasPendingConnection'));
  });

  it('an endpoint connection is flagged pendingAcceptance only in that state (not Pending, Deleting or Partial)', () => {
    const svc = data.endpointServices[0];
    const connection = (state: string): ExplorerNode => ({
      type: 'endpointConnection', id: 'c', scope, service: svc, connection: { vpcEndpointId: 'vpce-1', owner: '072088201116', state },
    });
    assert.ok(capabilities(connection('PendingAcceptance')).includes('pendingAcceptance'));
    // Real EC2 answers lowerCamel states although the SDK enum is PascalCase.
    assert.ok(capabilities(connection('pendingAcceptance')).includes('pendingAcceptance'));
    for (const state of ['Pending', 'Deleting', 'Partial', 'Available', 'Rejected']) {
      assert.ok(!capabilities(connection(state)).includes('pendingAcceptance'), state);
    }
    assert.ok(!capabilities({ type: 'endpointService', id: 's', scope, resource: svc }).includes('pendingAcceptance'), 'the service row says hasPendingConnection');
  });

  it('error nodes: retry always, SSO sign-in only for SSO failures', () => {
    const group: ExplorerNode = { type: 'group', id: 'demo/us-east-1/mskClusters', scope, group: 'mskClusters' };
    assert.equal(contextValueOf(errorNode(named('AccessDeniedException'), group, 'MSK clusters', 'demo')), 'error;canRetry');
    assert.equal(contextValueOf(errorNode(named('SsoLoginRequired'), group, 'MSK clusters', 'demo')), 'error;canRetry;canSsoLogin');
  });
});

describe('views/icons', () => {
  const data = demoData();
  const node = (status: string): ExplorerNode => ({ type: 'resourceGateway', id: 'g', scope, resource: { ...data.gateways[0], status } });
  const warn = [{ level: 'warning' as const, message: 'small subnet' }];

  it('status icons: spinning while in progress, green active, red failed', () => {
    assert.deepEqual(iconSpec(node('CREATE_IN_PROGRESS')), { icon: 'sync~spin', color: 'charts.yellow' });
    assert.deepEqual(iconSpec(node('ACTIVE')), { icon: 'pass-filled', color: 'charts.green' });
    assert.deepEqual(iconSpec(node('CREATE_FAILED')), { icon: 'error', color: 'charts.red' });
  });

  it('a readiness warning replaces the icon of a healthy resource only', () => {
    assert.deepEqual(iconSpec(node('ACTIVE'), warn), { icon: 'warning', color: 'list.warningForeground' });
    assert.deepEqual(iconSpec(node('ACTIVE'), [{ level: 'error', message: 'x' }]), { icon: 'warning', color: 'list.errorForeground' });
    assert.deepEqual(iconSpec(node('CREATE_FAILED'), warn), { icon: 'error', color: 'charts.red' });
    assert.equal(iconSpec(node('CREATE_IN_PROGRESS'), warn).icon, 'sync~spin');
    assert.deepEqual(iconSpec(node('ACTIVE'), [{ level: 'ok', message: 'fine' }]).icon, 'pass-filled');
  });

  it('SSO error nodes show a key', () => {
    assert.equal(iconSpec({ type: 'error', id: 'e', errorName: 'SsoLoginRequired', message: 'm', ssoProfile: 'demo' }).icon, 'key');
  });
});

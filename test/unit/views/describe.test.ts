import * as assert from 'node:assert/strict';
import { accessibilityLabelOf, descriptionOf, escapeMarkdown, labelOf, tooltipOf } from '../../../src/views/explorer/describe';
import type { ExplorerNode } from '../../../src/views/explorer/nodes';
import { demoData } from './fakeAws';

const scope = { profile: 'demo', region: 'us-east-1' };

describe('views/describe', () => {
  const data = demoData();

  it('gateway: name label, status · VPC · subnets description', () => {
    const n: ExplorerNode = { type: 'resourceGateway', id: 'g', scope, resource: data.gateways[0] };
    assert.equal(labelOf(n), 'gw-00000000000000001');
    assert.equal(descriptionOf(n), 'ACTIVE · vpc-0abc · 2 subnets');
  });

  it('configuration, share, MSK, endpoint service and database descriptions name the key facts', () => {
    const cfg: ExplorerNode = { type: 'resourceConfiguration', id: 'c', scope, resource: data.configurations[0] };
    assert.equal(descriptionOf(cfg), 'ACTIVE · SINGLE · db.internal.example.com · ports 5432');
    const share: ExplorerNode = { type: 'resourceShare', id: 's', scope, resource: data.shares[0] };
    assert.equal(descriptionOf(share), 'ACTIVE · 1 principal · 1 resource');
    const msk: ExplorerNode = { type: 'mskCluster', id: 'm', scope, resource: data.msk[0] };
    assert.equal(descriptionOf(msk), 'ACTIVE · Kafka 3.6.0 · kafka.m5.large · multi-VPC: IAM');
    const svc: ExplorerNode = { type: 'endpointService', id: 'e', scope, resource: data.endpointServices[0] };
    assert.equal(descriptionOf(svc), 'Available · acceptance required · 1 principal · 1 pending');
    const db: ExplorerNode = { type: 'database', id: 'd', scope, resource: data.databases[0] };
    assert.equal(descriptionOf(db), 'available · aurora-postgresql 15.4 · IAM auth on');
  });

  it('profile description is the account id, or why it is missing', () => {
    const p: ExplorerNode = { type: 'profile', id: 'p', profile: 'demo', info: { name: 'demo', kind: 'sso' } };
    assert.equal(descriptionOf(p), undefined);
    p.identityError = { name: 'SsoLoginRequired', message: 'expired' };
    assert.equal(descriptionOf(p), 'IAM Identity Center (SSO) sign-in needed');
    p.identityError = undefined;
    p.account = '123456789012';
    assert.equal(descriptionOf(p), '123456789012');
  });

  it('region description marks regions ClickPipes does not run in', () => {
    assert.equal(descriptionOf({ type: 'region', id: 'r', scope }), 'US East (N. Virginia)');
    assert.equal(descriptionOf({ type: 'region', id: 'r', scope: { profile: 'demo', region: 'us-west-1' } }), 'US West (N. California) · not a ClickPipes region');
  });

  it('tooltip: title, status, ids and ARN as code, readiness lines with icons', () => {
    const n: ExplorerNode = { type: 'resourceGateway', id: 'g', scope, resource: data.gateways[0] };
    const md = tooltipOf(n, [{ level: 'warning', message: 'Subnet subnet-a (10.0.3.0/28) is smaller than the recommended /26.' }])!;
    assert.match(md, /^\*\*Resource gateway\*\* gw\\-00000000000000001/);
    assert.match(md, /- Status: ACTIVE/);
    assert.match(md, /- ID: `rgw-00000000000000001`/);
    assert.match(md, /- ARN: `arn:aws:vpc-lattice:us-east-1:123456789012:resourcegateway\/rgw-00000000000000001`/);
    assert.match(md, /\*\*ClickPipes readiness\*\*\n\n- \$\(warning\) Subnet subnet\\-a \\\(10\\\.0\\\.3\\\.0\/28\\\)/);
  });

  it('escapes Markdown in free text', () => {
    assert.equal(escapeMarkdown('a_b*c[d](e)'), 'a\\_b\\*c\\[d\\]\\(e\\)');
  });

  it('accessibility label: kind, name, facts and the worst readiness problem', () => {
    const n: ExplorerNode = { type: 'resourceShare', id: 's', scope, resource: data.shares[0] };
    assert.equal(
      accessibilityLabelOf(n, [{ level: 'ok', message: 'fine' }, { level: 'error', message: 'Not shared with ClickPipes' }]),
      'Resource share, cfg-share, ACTIVE, 1 principal, 1 resource, 1 readiness problem: Not shared with ClickPipes',
    );
  });
});

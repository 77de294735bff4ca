// What each tree row asks the doctor to diagnose, and the report's markdown (verdicts, evidence,
// fix links only on failing hops with a fix).
import * as assert from 'node:assert/strict';
import { doctorTargets, regionOf, rpeRegion } from '../../../src/commands/doctorTargets';
import { renderReports } from '../../../src/model/doctor/report';
import type { Report } from '../../../src/model/doctor/types';

const scope = { profile: 'p', region: 'us-east-1' };
const CLUSTER = 'arn:aws:kafka:eu-central-1:123456789012:cluster/audit/abc-1';

describe('doctor: targets of a row', () => {
  it('a configuration with an RDS target is also a database; a share is its configurations', () => {
    assert.deepEqual(doctorTargets({ type: 'resourceConfiguration', scope, resource: { id: 'rcfg-1', definition: { kind: 'arn', arn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders' } } }),
      [{ path: 'vpcResource', configurationId: 'rcfg-1' }, { path: 'database', kind: 'cluster', id: 'orders' }]);
    // A DNS name of RDS's shape is a database to resolve by reads; any other name is not.
    const dns = (domainName: string) => doctorTargets({ type: 'resourceConfiguration', scope, resource: { id: 'rcfg-2', definition: { kind: 'dns', domainName } } });
    assert.deepEqual(dns('reports.cluster-custom-abc123.us-east-1.rds.amazonaws.com'),
      [{ path: 'vpcResource', configurationId: 'rcfg-2' }, { path: 'database', endpoint: 'reports.cluster-custom-abc123.us-east-1.rds.amazonaws.com' }]);
    assert.deepEqual(dns('billing.internal.example.com'), [{ path: 'vpcResource', configurationId: 'rcfg-2' }]);
    assert.deepEqual(doctorTargets({ type: 'resourceShare', scope, resource: { resources: [{ arn: 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-abc' }] } }),
      [{ path: 'vpcResource', configurationId: 'rcfg-abc' }]);
  });

  it('services, connections, clusters (per multi-VPC auth) and cluster members map to their endpoint', () => {
    assert.deepEqual(doctorTargets({ type: 'endpointConnection', scope, service: { id: 'vpce-svc-1' } }), [{ path: 'endpointService', serviceId: 'vpce-svc-1' }]);
    assert.deepEqual(doctorTargets({ type: 'mskCluster', scope, resource: { arn: CLUSTER, multiVpc: { iam: true, scram: true }, auth: {} } }).map((t) => (t as { auth: string }).auth), ['SASL_IAM', 'SASL_SCRAM']);
    assert.deepEqual(doctorTargets({ type: 'database', scope, resource: { kind: 'instance', id: 'orders-1', clusterId: 'orders' } }), [{ path: 'database', kind: 'cluster', id: 'orders' }]);
    assert.deepEqual(doctorTargets({ type: 'region', scope }), []);
  });

  it('a ClickHouse endpoint row diagnoses the AWS side it points to, in its region', () => {
    const row = { kind: 'rpe', service: { region: 'us-west-1' }, rpe: { type: 'MSK_MULTI_VPC', mskClusterArn: CLUSTER, mskAuthentication: 'SASL_SCRAM' } };
    assert.deepEqual(doctorTargets(row), [{ path: 'mskMultiVpc', clusterArn: CLUSTER, auth: 'SASL_SCRAM' }]);
    assert.equal(rpeRegion(row), 'eu-central-1');
    assert.equal(regionOf('com.amazonaws.vpce.ap-southeast-2.vpce-svc-0123'), 'ap-southeast-2');
    assert.deepEqual(doctorTargets({ kind: 'rpe', rpe: { type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1' } }),
      [{ path: 'endpointService', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1' }]);
  });
});

describe('doctor: report markdown', () => {
  const report: Report = {
    path: 'database', subject: 'ledger', profile: 'p', region: 'us-east-1',
    hops: [
      { id: 'parameters', title: 'CDC parameters are set', verdict: 'fail', evidence: ['rds.logical_replication=0 in default.postgres16 (needs 1)'],
        fix: { kind: 'reboot', instanceId: 'ledger', reason: 'x' }, source: 'https://example.com/doc' },
      { id: 'backups', title: 'Automated backups', verdict: 'unknown', evidence: ['AccessDenied'] },
    ],
  };

  it('shows each hop with its verdict and evidence, and a fix link only for a failing hop with a fix', () => {
    const md = renderReports([report], (_r, h) => `command:x?${h.id}`, '2026-12-06T00:00:00Z');
    assert.match(md, /^# ClickPipes connectivity: ledger$/m);
    assert.match(md, /Overall: fail/);
    assert.match(md, /^- ❌ \*\*CDC parameters are set\*\* — fail$/m);
    assert.match(md, /rds\.logical\\_replication=0/);
    assert.match(md, /\[Review the fix plan\]\(command:x\?parameters\)/);
    assert.doesNotMatch(md, /command:x\?backups/);
    assert.match(md, /^- ❔ \*\*Automated backups\*\* — unknown$/m);
  });
});

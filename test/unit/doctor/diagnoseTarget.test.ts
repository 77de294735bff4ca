// diagnoseTarget's database path on a fake AWS layer: a DNS target gets the report of the database it
// resolves to (an Aurora member's: its cluster), a name that is no RDS endpoint gets none, and a read
// that fails gives an unknown report about the name, marking no explorer row.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { DatabaseFacts } from '../../../src/model/doctor/database';
import { known, unknownFact, type DatabaseDetail } from '../../../src/model/doctor/types';
import type { DoctorTarget } from '../../../src/commands/doctorTargets';
import { fakeVscode, withFakeVscode } from '../fakeVscode';

const outSrc = path.resolve(__dirname, '../../../src');
const scope = { profile: 'p', region: 'us-east-1' };
const ORDERS: DatabaseDetail = {
  kind: 'cluster', id: 'orders', engine: 'aurora-postgresql', engineVersion: '16.4', status: 'available', securityGroupIds: [], iamAuth: false,
  parameterGroup: 'default.aurora-postgresql16', parameterApplyStatus: 'in-sync', writerInstanceId: 'orders-1',
};
const ordersFacts: DatabaseFacts = { database: known(ORDERS), parameters: known({ 'rds.logical_replication': '0' }), family: 'aurora-postgresql16' };
const MEMBER = 'orders-1.abc123.us-east-1.rds.amazonaws.com';
const DENIED = 'denied.abc123.us-east-1.rds.amazonaws.com';

// The layer resolves the member's endpoint and ARN to the cluster, as src/aws/doctor.ts does.
const aws = {
  doctor: {
    databaseAtEndpoint: async (_s: unknown, name: string): Promise<DatabaseFacts | undefined> => (name === MEMBER ? ordersFacts
      : name === DENIED ? { database: unknownFact('AccessDenied: rds:DescribeDBInstances'), parameters: unknownFact('AccessDenied: rds:DescribeDBInstances') } : undefined),
    database: async (_s: unknown, kind: string, id: string): Promise<DatabaseFacts> => {
      assert.deepEqual([kind, id], ['instance', 'orders-1']);
      return ordersFacts;
    },
  },
};

describe('doctor: diagnoseTarget, database targets', () => {
  it('a DNS name: the database it resolves to, none for a look-alike, an unknown report (no row) for a refused read; an Aurora member ARN: its cluster', async () => {
    await withFakeVscode(fakeVscode(), async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, loaded under the fake vscode
      const { diagnoseTarget } = require(path.join(outSrc, 'commands', 'doctor.js')) as typeof import('../../../src/commands/doctor');
      const run = (t: DoctorTarget) => diagnoseTarget(aws as never, scope, t);
      const byName = await run({ path: 'database', endpoint: MEMBER });
      assert.deepEqual([byName?.report.path, byName?.report.subject, byName?.resource], ['database', 'orders', { kind: 'database', dbKind: 'cluster', id: 'orders' }]);
      assert.equal(byName?.report.hops.find((h) => h.id === 'parameters')?.verdict, 'fail');
      assert.equal(await run({ path: 'database', endpoint: 'orders-1.zzzzzz.us-east-1.rds.amazonaws.com' }), undefined);
      const denied = await run({ path: 'database', endpoint: DENIED });
      assert.deepEqual([denied?.report.subject, denied?.resource, denied?.report.hops.map((h) => h.verdict)], [DENIED, undefined, ['unknown']]);
      const byArn = await run({ path: 'database', kind: 'instance', id: 'orders-1' });
      assert.deepEqual([byArn?.report.subject, byArn?.resource], ['orders', { kind: 'database', dbKind: 'cluster', id: 'orders' }]);
      assert.deepEqual(byArn?.report.hops, byName?.report.hops);
    });
  });
});

import * as assert from 'node:assert/strict';
import { buildIamDbAuthPlan } from '../../../src/model/builders';
import type { Database, Role } from '../../../src/model/resources';
import { appliedRoles, confirmRoles } from '../../../src/commands/iamDbAuthRoles';
import { MemoryJournalStore, type Journal } from '../../../src/plans/journal';
import { ExplorerModel } from '../../../src/views/explorer/model';
import { labelOf, descriptionOf } from '../../../src/views/explorer/describe';
import { contextValueOf } from '../../../src/views/explorer/contextValue';
import type { DatabaseNode, ExplorerNode } from '../../../src/views/explorer/nodes';

const scope = { profile: 'dev', region: 'us-east-1' };
const db = { id: 'pg1', resourceId: 'db-PG1' };

function planFor(planId: string, resourceId: string) {
  return buildIamDbAuthPlan({
    databaseKind: 'instance', databaseId: 'pg1', resourceId, engine: 'postgres', region: 'us-east-1', account: '123456789012',
    clickhouseRoleArn: 'arn:aws:iam::999999999999:role/CH', dbUser: 'clickpipes_iam_user', roleName: `role-${planId}`, enableIamAuth: false, iamAuthEnabled: true,
  }, { planId, createdAt: '2026-01-01T00:00:00Z', profile: scope.profile, region: scope.region });
}

const journal = (planId: string, over: Partial<Journal> = {}, roleDone = true): Journal => ({
  planId, title: 't', profile: 'dev', region: 'us-east-1', startedAt: '2026-01-01T00:00:00Z', updatedAt: `2026-01-01T00:00:0${planId.slice(-1)}Z`,
  steps: roleDone ? { role: { state: 'done', outputs: { name: `role-${planId}`, arn: `arn:aws:iam::123456789012:role/role-${planId}` }, at: 'x' } } : {}, ...over,
});

describe('iamDbAuth: roles made for a database (journals + one GetRole each)', () => {
  it('candidates: finished role steps of IAM DB auth plans for this database, scope and resource id only', async () => {
    const journals = new MemoryJournalStore();
    const plans: Record<string, string> = {
      'iamdb-1': JSON.stringify(planFor('iamdb-1', 'db-PG1')),
      'iamdb-2': JSON.stringify(planFor('iamdb-2', 'db-OTHER')),
      'iamdb-3': JSON.stringify(planFor('iamdb-3', 'db-PG1')),
      'iamdb-4': JSON.stringify(planFor('iamdb-4', 'db-PG1')),
      'iamdb-5': 'not json',
    };
    await journals.save(journal('iamdb-1'));
    await journals.save(journal('iamdb-2'));
    await journals.save(journal('iamdb-3', { region: 'eu-west-1' }));
    await journals.save(journal('iamdb-4', {}, false));
    await journals.save(journal('iamdb-5'));
    await journals.save(journal('vpcres-6'));
    const read: string[] = [];
    const roles = await appliedRoles(journals, async (id) => { read.push(id); return plans[id]; }, scope, db);
    assert.deepEqual(roles, [{ name: 'role-iamdb-1', arn: 'arn:aws:iam::123456789012:role/role-iamdb-1', dbUser: 'clickpipes_iam_user', clickhouseRoleArn: 'arn:aws:iam::999999999999:role/CH' }]);
    assert.deepEqual(read.sort(), ['iamdb-1', 'iamdb-2', 'iamdb-5'], 'plans of other kinds, scopes or unfinished applies are not read');
  });

  it('confirmed with one GetRole each: deleted or foreign re-tagged roles are dropped, ours reused for another database kept', async () => {
    const tagged = (name: string, rid: string): Role => ({ name, arn: `arn:aws:iam::123456789012:role/${name}`, tags: { 'clickpipes:database': rid, 'clickpipes:db-user': 'u1' } });
    const reused = tagged('c', 'db-FIRST');
    reused.tags['managed-by'] = 'clickpipes-privatelink-vscode';
    const existing: Record<string, Role> = { a: tagged('a', 'db-PG1'), b: tagged('b', 'db-OTHER'), c: reused };
    const calls: string[] = [];
    const roles = await confirmRoles(['a', 'b', 'c', 'gone'].map((n) => ({ name: n, arn: 'x' })), async (n) => { calls.push(n); return existing[n]; }, db);
    assert.deepEqual(roles.map((r) => r.name), ['a', 'c']);
    assert.deepEqual(roles[0], { name: 'a', arn: 'arn:aws:iam::123456789012:role/a', dbUser: 'u1' });
    assert.deepEqual(calls, ['a', 'b', 'c', 'gone']);
  });

  it('the explorer shows them under the database node, with a Copy ARN flag', async () => {
    const database = { kind: 'instance', id: 'pg1', arn: 'arn:aws:rds:us-east-1:123456789012:db:pg1', resourceId: 'db-PG1', engine: 'postgres', engineVersion: '16', status: 'available', publiclyAccessible: false, iamAuth: true } as Database;
    const model = new ExplorerModel({
      aws: () => ({}) as never,
      settings: { profiles: () => [], defaultProfile: () => 'dev', regions: () => ({}), affects: () => false } as never,
      databaseRoles: async () => [{ name: 'cp-role', arn: 'arn:aws:iam::123456789012:role/cp-role', dbUser: 'clickpipes_iam_user' }],
    });
    const node: DatabaseNode = { type: 'database', id: 'dev|db', scope, resource: database };
    const [role] = await model.getChildren(node as ExplorerNode);
    assert.equal(role.type, 'iamRole');
    assert.equal(labelOf(role), 'cp-role');
    assert.match(descriptionOf(role) ?? '', /as clickpipes_iam_user/);
    assert.match(contextValueOf(role), /^iamRole;.*\bhasArn\b/);
    const empty = new ExplorerModel({ aws: () => ({}) as never, settings: {} as never, databaseRoles: async () => [] });
    const [msg] = await empty.getChildren({ ...node, id: 'dev|db2' } as ExplorerNode);
    assert.equal(msg.type, 'message');
  });
});

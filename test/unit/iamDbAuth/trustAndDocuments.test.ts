import * as assert from 'node:assert/strict';
import { buildIamDbAuthPlan, documentsFor } from '../../../src/model/builders';
import { trustPolicy } from '../../../src/model/policies';
import { renderCli } from '../../../src/model/cli';
import { applyPlan } from '../../../src/plans/executor';
import { existingResourceConflict, sameTrust, trustedPrincipals } from '../../../src/model/iamDbAuthTrust';
import { MemoryJournalStore } from '../../../src/plans/journal';

const CH = 'arn:aws:iam::999999999999:role/CH-Service';
const ctx = { planId: 'iamdb-t', createdAt: '2026-01-01T00:00:00.000Z', profile: 'dev', region: 'eu-central-1', accountId: '123456789012' };
const form = (engine: string, kind: 'instance' | 'cluster', resourceId: string) => ({
  databaseKind: kind, databaseId: 'src', resourceId, engine, region: 'eu-central-1', account: '123456789012',
  clickhouseRoleArn: CH, dbUser: 'clickpipes_iam_user', roleName: 'cp-role', enableIamAuth: true,
});

describe('iamDbAuth: trust comparison', () => {
  const planned = trustPolicy(CH);
  it('same grants whatever the formatting, order or Sid', () => {
    const doc = JSON.parse(planned);
    doc.Statement[0].Sid = 'Whatever';
    doc.Statement[0].Action = ['sts:TagSession', 'sts:AssumeRole'];
    assert.ok(sameTrust(planned, JSON.stringify(doc)));
    assert.ok(sameTrust(planned, encodeURIComponent(JSON.stringify(doc))), 'URL-encoded, as GetRole returns it');
    assert.ok(sameTrust(planned, JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: [CH] }, Action: ['sts:assumerole', 'sts:TagSession'] } })));
  });
  it('different: another principal, an extra principal, a missing action, a condition, a Deny, garbage', () => {
    const variants = [
      trustPolicy('arn:aws:iam::999999999999:role/Other'),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [CH, 'arn:aws:iam::111111111111:root'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] }),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: CH }, Action: 'sts:AssumeRole' }] }),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: CH }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }] }),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: CH }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] }),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      'not json',
    ];
    for (const v of variants) assert.equal(sameTrust(planned, v), false, v);
    assert.deepEqual(trustedPrincipals(variants[1]), [CH, 'arn:aws:iam::111111111111:root']);
  });
  it('existingResourceConflict judges CreateRole only', () => {
    const step = { operation: 'CreateRole', input: { RoleName: 'cp-role', AssumeRolePolicyDocument: planned } };
    assert.equal(existingResourceConflict(step, { Role: { RoleName: 'cp-role', AssumeRolePolicyDocument: planned } }), undefined);
    assert.match(existingResourceConflict(step, { Role: { RoleName: 'cp-role', AssumeRolePolicyDocument: trustPolicy('arn:aws:iam::1:role/x') } }) ?? '', /cp-role already exists with a different trust policy/);
    assert.equal(existingResourceConflict({ operation: 'CreateResourceShare', input: {} }, { anything: 1 }), undefined);
  });
  it('the executor stops at the role step and never calls PutRolePolicy on a foreign role', async () => {
    const plan = buildIamDbAuthPlan({ ...form('postgres', 'instance', 'db-ABC'), iamAuthEnabled: true }, ctx);
    const calls: string[] = [];
    const outcome = await applyPlan(plan, {
      journal: new MemoryJournalStore(),
      call: async (_s, op) => {
        calls.push(op);
        if (op === 'GetRole') return { Role: { RoleName: 'cp-role', Arn: 'arn:aws:iam::123456789012:role/cp-role', AssumeRolePolicyDocument: trustPolicy('arn:aws:iam::1:role/x') } };
        return {};
      },
    });
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.failure?.error.code, 'ExistingResourceConflict');
    assert.match(outcome.failure?.error.text ?? '', /It was not changed/);
    assert.deepEqual(calls, ['GetRole']);
  });
});

describe('iamDbAuth: review documents per engine', () => {
  const cases: [string, 'instance' | 'cluster', string, RegExp[], RegExp[]][] = [
    ['postgres', 'instance', 'db-PG', [/CREATE USER clickpipes_iam_user;/, /GRANT rds_iam TO clickpipes_iam_user;/, /GRANT rds_replication TO clickpipes_iam_user;/, /CREATE PUBLICATION clickpipes/], [/AWSAuthenticationPlugin/, /writer endpoint/]],
    ['aurora-postgresql', 'cluster', 'cluster-APG', [/GRANT rds_iam/, /writer endpoint/], [/AWSAuthenticationPlugin/]],
    ['mysql', 'instance', 'db-MY', [/IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS';/, /GRANT REPLICATION SLAVE ON \*\.\* TO 'clickpipes_iam_user'@'%';/, /binlog retention hours', 72/], [/rds_iam/]],
    ['aurora-mysql', 'cluster', 'cluster-AMY', [/AWSAuthenticationPlugin/, /GRANT REPLICATION CLIENT/], [/rds_iam/]],
    ['mariadb', 'instance', 'db-MA', [/AWSAuthenticationPlugin/, /binlog retention hours', 24/], [/rds_iam/]],
  ];
  for (const [engine, kind, rid, sqlHas, sqlNot] of cases) {
    it(`${engine}: trust, rds-db:connect on ${rid}, SQL, CLI, notes`, () => {
      const plan = buildIamDbAuthPlan(form(engine, kind, rid), ctx);
      assert.equal(plan.steps[0].operation, kind === 'cluster' ? 'ModifyDBCluster' : 'ModifyDBInstance');
      assert.equal(plan.steps[0].input.ApplyImmediately, true);
      const docs = Object.fromEntries(documentsFor(plan).map((d) => [d.name, d.content]));
      const trust = JSON.parse(docs['trust-policy.json']);
      assert.deepEqual(trust.Statement, [{ Effect: 'Allow', Principal: { AWS: CH }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]);
      const perm = JSON.parse(docs['rds-db-connect-policy.json']);
      assert.deepEqual(perm.Statement, [{ Effect: 'Allow', Action: ['rds-db:connect'], Resource: [`arn:aws:rds-db:eu-central-1:123456789012:dbuser:${rid}/clickpipes_iam_user`] }]);
      const sql = docs[`${engine}-clickpipes-user.sql`];
      for (const re of sqlHas) assert.match(sql, re);
      for (const re of sqlNot) assert.doesNotMatch(sql, re);
      const cli = renderCli(plan);
      assert.match(cli, kind === 'cluster' ? /aws rds modify-db-cluster/ : /aws rds modify-db-instance/);
      assert.match(cli, /--apply-immediately/);
      assert.match(cli, /aws iam create-role/);
      assert.match(cli, /aws iam put-role-policy/);
      const notes = docs['summary.md'];
      if (engine.includes('postgres')) {
        assert.match(notes, /rds\.iam_auth_for_replication = 1/);
        assert.match(notes, /rds\.logical_replication = 1/);
        assert.match(notes, /initial load only/);
      } else {
        assert.match(notes, /binlog_format = ROW/);
      }
      assert.match(notes, /Service role ID \(IAM\)/);
    });
  }
});

// The SASL/SCRAM secret fix: which secrets MSK can use (AmazonMSK_ name, customer managed KMS key),
// the plan that associates the chosen one, and its refusal when MSK lists the secret as unprocessed.
import * as assert from 'node:assert/strict';
import { buildFixPlan } from '../../../src/model/builders/doctorFixes';
import { renderCli } from '../../../src/model/cli';
import { mskSecretChoices, mskSecretHowTo } from '../../../src/model/mskSecrets';
import { validatePlan } from '../../../src/model/planSchema';
import { applyPlan } from '../../../src/plans/executor';
import { MemoryJournalStore } from '../../../src/plans/journal';

const ctx = { planId: 'doctor-secret', createdAt: '2026-12-06T00:00:00Z', profile: 'p', region: 'us-east-1', accountId: '123456789012' };
const MSK = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-1';
const secret = (name: string) => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`;
const CMK = 'arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

describe('doctor: SASL/SCRAM secret fix', () => {
  it('choices: usable first; the default KMS key (no KmsKeyId, or the aws/secretsmanager alias) and a name without AmazonMSK_ say why not', () => {
    const got = mskSecretChoices([
      { arn: secret('AmazonMSK_b'), name: 'AmazonMSK_b' },
      { arn: secret('AmazonMSK_a'), name: 'AmazonMSK_a', kmsKeyId: CMK },
      { arn: secret('AmazonMSK_alias'), name: 'AmazonMSK_alias', kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:alias/aws/secretsmanager' },
      { arn: secret('app'), name: 'app', kmsKeyId: CMK },
    ]);
    assert.deepEqual(got.map((c) => [c.name, c.usable]), [['AmazonMSK_a', true], ['AmazonMSK_alias', false], ['AmazonMSK_b', false], ['app', false]]);
    assert.match(got[1].reason!, /default AWS KMS key/);
    assert.match(got[3].reason!, /does not begin with AmazonMSK_/);
    assert.deepEqual(mskSecretChoices([]), []);
    assert.match(mskSecretHowTo(), /never creates a secret/);
  });

  it('the plan: one BatchAssociateScramSecret of the chosen secret, valid, no value in it; without a choice it is not built', () => {
    const plan = buildFixPlan({ kind: 'mskScramSecret', clusterArn: MSK, clusterName: 'orders', secretArn: secret('AmazonMSK_a') }, ctx);
    assert.deepEqual(validatePlan(JSON.parse(JSON.stringify(plan))), []);
    assert.deepEqual(plan.steps.map((s) => [s.service, s.operation, s.input]), [['kafka', 'BatchAssociateScramSecret', { ClusterArn: MSK, SecretArnList: [secret('AmazonMSK_a')] }]]);
    assert.deepEqual(plan.steps[0].failWhen, { path: 'UnprocessedScramSecrets.0.ErrorMessage' });
    assert.doesNotMatch(JSON.stringify(plan), /password"|SecretString/);
    const cli = renderCli(plan);
    assert.match(cli, /refused=\$\(aws kafka batch-associate-scram-secret [^]*?--query 'to_string\(UnprocessedScramSecrets\[0\]\.ErrorMessage\)' \\\n {4}--output text\)\n {2}if \[ "\$refused" != null \]; then echo '[^']*: '"\$refused" >&2; exit 1; fi\nfi\n/);
    // Sent only when the cluster's secrets do not already hold it (a re-run after a lost answer).
    assert.deepEqual(plan.steps[0].skipIf, { operation: 'ListScramSecrets', input: { ClusterArn: MSK }, when: [{ path: 'SecretArnList', in: [secret('AmazonMSK_a')], any: true }] });
    assert.match(cli, /if case "\$\(aws kafka list-scram-secrets [^]*?length\(SecretArnList\[\?@==[^]*?AmazonMSK_a-AbCdEf[^]*?\] \|\| `\[\]`\)\)' [^]*?\)" in \[1-9\]\*\) true ;; \*\) false ;; esac; then echo '[^']*: already done'; else\n/);
    assert.throws(() => buildFixPlan({ kind: 'mskScramSecret', clusterArn: MSK, clusterName: 'orders' }, ctx), /Choose the secret/);
  });

  it('apply: an unprocessed secret in the 200 answer fails the step with MSK\'s words; an empty list succeeds', async () => {
    const plan = buildFixPlan({ kind: 'mskScramSecret', clusterArn: MSK, clusterName: 'orders', secretArn: secret('AmazonMSK_b') }, ctx);
    const answer = (unprocessed: unknown[]) => async () => ({ ClusterArn: MSK, UnprocessedScramSecrets: unprocessed });
    const refused = await applyPlan(plan, { call: answer([{ SecretArn: secret('AmazonMSK_b'), ErrorCode: 'BadRequestException', ErrorMessage: 'default KMS key' }]), journal: new MemoryJournalStore() });
    assert.equal(refused.status, 'failed');
    assert.equal(refused.failure?.error.code, 'StepRefused');
    assert.match(refused.failure!.error.text, /default KMS key/);
    const ok = await applyPlan({ ...plan, id: 'doctor-secret-2' }, { call: answer([]), journal: new MemoryJournalStore() });
    assert.equal(ok.status, 'succeeded');
  });
});

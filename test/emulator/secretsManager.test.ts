// Secrets Manager ListSecrets (awsJson 1.1) and Kafka BatchAssociateScramSecret through the real SDK
// clients, on the demo scenario: the SASL/SCRAM secret fix's read and write.
import * as assert from 'node:assert/strict';
import { ListSecretsCommand, paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { BatchAssociateScramSecretCommand, KafkaClient, ListClustersV2Command, ListScramSecretsCommand } from '@aws-sdk/client-kafka';
import { startEmulator, RunningEmulator } from './index';
import { control, sdkConfig } from './testHelpers';

describe('emulator Secrets Manager and MSK SCRAM secret association', () => {
  let emu: RunningEmulator;
  let sm: SecretsManagerClient;
  let kafka: KafkaClient;
  before(async () => { emu = await startEmulator({ scenario: 'demo' }); });
  after(async () => { await emu.stop(); });
  beforeEach(async () => {
    await control(emu.url, 'POST', 'reset', { scenario: 'demo' });
    sm = new SecretsManagerClient(sdkConfig(emu.url));
    kafka = new KafkaClient(sdkConfig(emu.url));
  });
  const arnOf = async (name: string) => (await sm.send(new ListSecretsCommand({}))).SecretList!.find((s) => s.Name === name)!.ARN!;
  const cluster = async (name: string) => (await kafka.send(new ListClustersV2Command({}))).ClusterInfoList!.find((c) => c.ClusterName === name)!.ClusterArn!;

  it('ListSecrets: name filter is a case-sensitive prefix; KmsKeyId only for a customer managed key; no value; pages and bad input', async () => {
    const msk = (await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['AmazonMSK_'] }] }))).SecretList!;
    assert.deepEqual(msk.map((s) => [s.Name, !!s.KmsKeyId]), [['AmazonMSK_orders_clickpipes', true], ['AmazonMSK_orders_default_key', false]]);
    assert.match(msk[0].ARN!, /^arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_orders_clickpipes-[a-z0-9]{6}$/);
    assert.ok(msk[0].LastChangedDate instanceof Date);
    assert.ok(!JSON.stringify(msk).includes('SecretString'));
    assert.equal((await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['amazonmsk_'] }] }))).SecretList!.length, 0);
    const pages: number[] = [];
    for await (const p of paginateListSecrets({ client: sm, pageSize: 1 }, {})) pages.push(p.SecretList!.length);
    assert.deepEqual(pages, [1, 1, 1]);
    await assert.rejects(sm.send(new ListSecretsCommand({ MaxResults: 101 })), { name: 'InvalidParameterException' });
    await assert.rejects(sm.send(new ListSecretsCommand({ Filters: Array.from({ length: 11 }, () => ({ Key: 'name' as const, Values: ['a'] })) })), { name: 'InvalidParameterException' });
    await assert.rejects(sm.send(new ListSecretsCommand({ NextToken: 'bogus' })), { name: 'InvalidNextTokenException' });
  });

  it('BatchAssociateScramSecret: an AmazonMSK_ secret on a customer key is associated (once); others come back unprocessed; SCRAM off is refused', async () => {
    const orders = await cluster('orders-events');
    const good = await arnOf('AmazonMSK_orders_clickpipes');
    const defaultKey = await arnOf('AmazonMSK_orders_default_key');
    const noPrefix = await arnOf('prod/app/db-password');
    const out = await kafka.send(new BatchAssociateScramSecretCommand({ ClusterArn: orders, SecretArnList: [good, defaultKey, noPrefix] }));
    assert.equal(out.ClusterArn, orders);
    assert.deepEqual(out.UnprocessedScramSecrets!.map((u) => u.SecretArn), [defaultKey, noPrefix]);
    assert.match(out.UnprocessedScramSecrets![0].ErrorMessage!, /default AWS KMS key/);
    await kafka.send(new BatchAssociateScramSecretCommand({ ClusterArn: orders, SecretArnList: [good] }));
    assert.deepEqual((await kafka.send(new ListScramSecretsCommand({ ClusterArn: orders }))).SecretArnList, [good]);
    await assert.rejects(kafka.send(new BatchAssociateScramSecretCommand({ ClusterArn: await cluster('dev-sandbox'), SecretArnList: [good] })), { name: 'BadRequestException' });
  });
});

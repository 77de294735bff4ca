// The IAM DB auth form prefills the ClickHouse service role ARN from the service's `iamRole` in
// the ClickHouse Cloud API when signed in (the emulator's ClickHouse stand-in), and leaves it
// empty, with the console directions, when signed out.
import * as assert from 'node:assert/strict';
import { ClickHouseApi } from '../../src/clickhouse/api';
import { startIamDbAuthSession } from '../../src/webviews/forms/iamDbAuth';
import { DEMO_CH_KEY_ID, DEMO_CH_KEY_SECRET, DEMO_CH_ORG_ID } from '../emulator/services/clickhouse';
import { emulatorSuite, formContext } from './awsEnv';

describe('IAM DB auth form: the ClickHouse service role ARN from ClickHouse Cloud', function () {
  this.timeout(60_000);
  const suite = emulatorSuite('demo');

  it('signed in: prefilled with the iamRole of the service in the database region; signed out: empty', async () => {
    const api = new ClickHouseApi({ baseUrl: suite.emu.url, key: { keyId: DEMO_CH_KEY_ID, keySecret: DEMO_CH_KEY_SECRET } });
    const services = await api.listServices(DEMO_CH_ORG_ID);
    const us = services.find((s) => s.region === 'us-east-1')!;
    assert.match(us.iamRole ?? '', /^arn:aws:iam::\d{12}:role\//, 'the emulator returns iamRole on the service');
    const ctx = formContext(suite.layer, { type: 'database', resource: { kind: 'instance', id: 'billing-postgres' } });
    const signedIn = await startIamDbAuthSession({ ...ctx, deps: { ...ctx.deps, clickhouseRoleServices: async () => services } }).loadInit();
    assert.equal(signedIn.preset.clickhouseRoleArn, us.iamRole);
    assert.match(signedIn.roleArnHelp, /Prefilled from ClickHouse Cloud/);
    const signedOut = await startIamDbAuthSession({ ...ctx, deps: { ...ctx.deps, clickhouseRoleServices: async () => undefined } }).loadInit();
    assert.equal(signedOut.preset.clickhouseRoleArn, undefined);
    assert.match(signedOut.roleArnHelp, /Service role ID \(IAM\)/);
  });
});

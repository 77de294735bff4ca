import * as assert from 'node:assert/strict';
import { VPCLatticeClient, ListResourceGatewaysCommand } from '@aws-sdk/client-vpc-lattice';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control } from './testHelpers';

describe('emulator core', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); });
  after(async () => { await emu.stop(); });

  it('answers a real SDK call routed by the SigV4 credential scope', async () => {
    const lattice = new VPCLatticeClient(sdkConfig(emu.url));
    const out = await lattice.send(new ListResourceGatewaysCommand({}));
    assert.deepEqual(out.items, []);
    const log = await control(emu.url, 'GET', 'log');
    assert.equal(log.counts['vpc-lattice:ListResourceGateways'], 1);
    assert.equal(log.entries[0].region, 'us-east-1');
    assert.equal(log.entries[0].accountId, '123456789012');
  });
});

import * as assert from 'node:assert/strict';
import { commandLink, commandLinkArgs } from '../../../src/model/commandLink';

describe('model/commandLink', () => {
  const args = [{ report: 'report-2', fix: 'mskMultiVpc/orders-events (SASL_SCRAM)/scramSecret' }];

  it('a link whose arguments hold parentheses reads back whole from a Markdown line', () => {
    const link = commandLink('clickpipes.doctor.reviewFix', args);
    assert.doesNotMatch(link, /[()\s]/, 'no character that ends a Markdown link destination');
    assert.deepEqual(commandLinkArgs(`  - [Review the fix plan](${link})`, 'clickpipes.doctor.reviewFix'), args);
  });

  it('a line without a link of that command reads as none', () => {
    assert.equal(commandLinkArgs('  - [Other](command:clickpipes.other?%5B%5D)', 'clickpipes.doctor.reviewFix'), undefined);
    assert.equal(commandLinkArgs('- ❌ **A SASL/SCRAM secret is associated** — fail', 'clickpipes.doctor.reviewFix'), undefined);
  });
});

// UI layer: clicks in the real VS Code. Opens the fixture workspace, opens the ClickPipes
// PrivateLink container, finds the profile node of the emulator's `clickpipes-demo` profile,
// runs "Copy Account ID" from its context menu and reads the clipboard (demo account 123456789012).
import assert from 'node:assert/strict';
import {
  assertNoExternalRequests, contextMenu, expandRow, findRow, openView, primeClipboard, useWorkbench, waitForClipboard,
} from './helpers.mjs';

const PROFILE = 'clickpipes-demo';
const ACCOUNT_ID = '123456789012';

describe('ClickPipes PrivateLink explorer (real VS Code)', function () {
  this.timeout(120_000);
  const wb = useWorkbench();

  it('shows the activity-bar container and the explorer view', async () => {
    await openView(wb.page, 'ClickPipes PrivateLink');
    // With a single view its header is hidden (the title shows "ClickPipes PrivateLink: AWS Explorer").
    await wb.page.locator('.pane-header[aria-label^="AWS Explorer"]').first().waitFor({ state: 'attached' });
  });

  it(`shows the ${PROFILE} profile node`, async () => {
    await findRow(wb.page, PROFILE, { timeout: 45_000 });
  });

  it('expands the profile node to its region', async () => {
    await expandRow(wb.page, PROFILE);
    await findRow(wb.page, 'us-east-1');
  });

  it('Copy Account ID from the context menu puts the account id on the clipboard', async () => {
    // The account id arrives in the background after expansion (STS), then the item shows.
    await primeClipboard(wb.page);
    await contextMenu(wb.page, PROFILE, 'Copy Account ID');
    const text = await waitForClipboard(wb.page, (t) => t.includes(ACCOUNT_ID));
    assert.match(text, new RegExp(ACCOUNT_ID));
  });

  it('made no request to a non-loopback host', () => {
    assertNoExternalRequests(wb.browser);
  });
});

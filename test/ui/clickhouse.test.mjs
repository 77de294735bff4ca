// UI layer for the ClickHouse Cloud view: sign in through the welcome button and the two input
// boxes (the secret in a password box), expand the demo service, and copy the Ready endpoint's
// connection address from its context menu, choosing PostgreSQL: DNS name + ":5432".
import assert from 'node:assert/strict';
import {
  assertNoExternalRequests, contextMenu, expandRow, findRow, openView, primeClipboard, useWorkbench, waitForClipboard,
} from './helpers.mjs';

const KEY_ID = 'demo-key-id';
const KEY_SECRET = 'demo-key-secret';
const SERVICE = 'orders-analytics';
const ENDPOINT = 'orders-db (RDS PostgreSQL)';

/** The harness emulator must seed ClickHouse (scenario demo calls seedClickhouse). */
async function demoKeyWorks() {
  const url = process.env.CPL_EMULATOR_URL;
  if (!url) return false;
  const res = await fetch(`${url}/v1/organizations`, {
    headers: { authorization: `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}` },
  }).catch(() => undefined);
  return res?.status === 200;
}

describe('ClickHouse Cloud view (real VS Code)', function () {
  this.timeout(120_000);
  before(async () => {
    assert.ok(await demoKeyWorks(), 'the emulator does not serve the ClickHouse demo key');
  });
  const wb = useWorkbench();

  it('signs in from the welcome view with the two input boxes', async () => {
    const { page } = wb;
    await openView(page, 'ClickPipes PrivateLink');
    const header = page.locator('.pane-header[aria-label^="ClickHouse Cloud"]').first();
    await header.waitFor({ state: 'visible', timeout: 45_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await page.getByRole('button', { name: 'Sign in with an API key' }).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(KEY_ID);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible' });
    await input.fill(KEY_SECRET);
    await page.keyboard.press('Enter');
    await findRow(page, SERVICE, { timeout: 45_000 });
  });

  it('copies the Ready endpoint\'s connection address with the PostgreSQL port', async () => {
    const { page } = wb;
    await expandRow(page, SERVICE);
    await findRow(page, ENDPOINT);
    await primeClipboard(page);
    await contextMenu(page, ENDPOINT, 'Copy Connection Address (DNS Name + Port)');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'PostgreSQL' }).first().click();
    const text = await waitForClipboard(page, (t) => t.endsWith(':5432'));
    assert.match(text, /^vpce-[0-9a-f]{17}-[0-9a-z]{8}\.rcfg-[0-9a-z]{17}\.[0-9a-z]{4}\.vpc-lattice-rsc\.us-east-1\.on\.aws:5432$/);
  });

  it('copies the bare DNS name too', async () => {
    const { page } = wb;
    await primeClipboard(page);
    await contextMenu(page, ENDPOINT, 'Copy DNS Name');
    const text = await waitForClipboard(page, (t) => t.endsWith('.on.aws'));
    assert.ok(!text.includes(':'), text);
  });

  it('made no request to a non-loopback host', () => {
    assertNoExternalRequests(wb.browser);
  });
});

// UI layer: the walkthrough in the real VS Code. Opened from the palette (Welcome: Open
// Walkthrough…), its title and steps come from package.nls.json, and a step shows its picture
// (media/walkthrough/*.svg), loaded.
import assert from 'node:assert/strict';
import { assertNoExternalRequests, runCommand, useWorkbench, waitUntil } from './helpers.mjs';

const TITLE = 'Get started with ClickPipes PrivateLink';

describe('walkthrough (real VS Code)', function () {
  this.timeout(120_000);
  const wb = useWorkbench();

  it('opens from the palette with its localized title, and a step shows its picture', async () => {
    const { page } = wb;
    await page.locator('.activitybar [aria-label^="ClickPipes PrivateLink"]').first().waitFor({ state: 'visible', timeout: 45_000 });
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: TITLE }).first();
    await pick.waitFor({ state: 'visible', timeout: 30_000 });
    await pick.click();
    const container = page.locator('.gettingStartedContainer');
    await container.locator('h2', { hasText: TITLE }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await container.locator('button.getting-started-step', { hasText: 'VPC resource: RDS, Aurora or any TCP service' }).first().click();
    // VS Code sets the step's image as srcset (1.5x).
    const image = container.locator('.getting-started-media img[srcset*="vpc-resource.svg"]').first();
    await image.waitFor({ state: 'attached', timeout: 30_000 });
    await waitUntil('the picture to load', () => image.evaluate((img) => img.complete && img.naturalWidth > 0), 30_000,
      () => 'the image did not load');
    // Whether the media column shows depends on the editor's width (VS Code hides it when narrow).
    assert.match(await image.getAttribute('alt'), /^Diagram: database or TCP service, resource gateway/);
  });

  it('made no request to a non-loopback host', () => {
    assertNoExternalRequests(wb.browser);
  });
});

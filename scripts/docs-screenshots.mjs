#!/usr/bin/env node
// `npm run docs:screenshots`: the README's pictures, taken from the real VS Code (code-server) with
// the extension loaded against the emulator's demo scenario, by the UI harness's own helpers
// (test/ui/helpers.mjs, scripts/lib/session.mjs → scripts/lib/server.mjs). Writes small PNGs to
// media/screenshots/: the explorer tree, each flow's form, and the ClickHouse Cloud view.
// When pngquant is on the PATH (Debian: apt-get install pngquant) the PNGs are quantized.
// Expects `npm run build` and `npm run compile-tests` (the npm script runs both).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './lib/emulator.mjs';
import { startSession } from './lib/session.mjs';

const OUT = path.join(REPO_ROOT, 'media', 'screenshots');
const PROFILE = 'clickpipes-demo';
const REGION = 'us-east-1';
const NLS = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
// Menu titles come from the manifest, so a renamed command does not break the pictures.
const title = (id) => NLS[`${id}.title`] ?? id;

/** Each flow: the tree row it is opened on, the command, and an element its form always shows. */
const FLOWS = [
  { file: 'flow-vpc-resource.png', row: REGION, command: 'clickpipes.createVpcResourceEndpoint', ready: '#field-gatewayName' },
  { file: 'flow-msk-multi-vpc.png', row: 'orders-events', command: 'clickpipes.createMskMultiVpcEndpoint', ready: '#prerequisites' },
  { file: 'flow-endpoint-service.png', row: REGION, command: 'clickpipes.createEndpointServiceEndpoint', ready: '#field-networkLoadBalancerArns' },
  { file: 'flow-iam-db-auth.png', row: 'legacy-mariadb', command: 'clickpipes.createIamDbAuthRole', ready: '#field-clickhouseRoleArn', underDatabases: true },
];

function hasPngquant() {
  try {
    execFileSync('pngquant', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const session = await startSession({ name: 'docs' });
process.env.CPL_UI_URL = session.server.url;
process.env.CPL_UI_EXT_PATH = REPO_ROOT;
if (session.emulator) process.env.CPL_EMULATOR_URL = session.emulator.url;
const { contextMenu, expandRow, findRow, findWebviewFrame, openView, openWorkbench, runCommand } = await import('../test/ui/helpers.mjs');

const written = [];
let wb;
let failed = false;
try {
  mkdirSync(OUT, { recursive: true });
  wb = await openWorkbench({ folder: path.join(REPO_ROOT, 'demo', 'workspace') });
  const { page } = wb;
  await page.setViewportSize({ width: 1280, height: 760 });
  const shot = async (file, clip) => {
    const target = path.join(OUT, file);
    await page.mouse.move(700, 748); // the empty middle of the status bar: no hover highlight or tooltip
    await page.waitForTimeout(800);
    await page.screenshot({ path: target, ...(clip ? { clip } : {}) });
    written.push(target);
  };
  const sidebar = async () => page.locator('.part.sidebar').boundingBox();
  const pane = (name) => page.locator(`.pane-header[aria-label^="${name}"]`).first();
  const setPane = async (name, expanded) => {
    const header = pane(name);
    await header.waitFor({ state: 'visible', timeout: 45_000 });
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  };

  // The explorer: profile → region → the groups that show every kind of status.
  await openView(page, 'ClickPipes PrivateLink');
  // No secondary side bar (Ctrl+Alt+B toggles it), and a wider side bar (drag its sash).
  if (await page.locator('.part.auxiliarybar').isVisible().catch(() => false)) await page.keyboard.press('Control+Alt+B');
  const narrow = await sidebar();
  await page.mouse.move(narrow.x + narrow.width + 1, 400);
  await page.mouse.down();
  await page.mouse.move(narrow.x + narrow.width + 90, 400, { steps: 5 });
  await page.mouse.up();
  await setPane('ClickHouse Cloud', false);
  await expandRow(page, PROFILE);
  await expandRow(page, REGION);
  for (const group of ['Resource configurations', 'MSK clusters', 'VPC endpoint services']) await expandRow(page, group);
  await findRow(page, 'orders-events');
  const side = await sidebar();
  await shot('explorer.png', { x: 0, y: 0, width: Math.round(side.x + side.width), height: 760 });

  for (const flow of FLOWS) {
    if (flow.underDatabases) {
      // The tree lists only the rows it draws: fold the groups shown above so the databases fit.
      for (const group of ['Resource configurations', 'MSK clusters', 'VPC endpoint services']) {
        const row = await findRow(page, group);
        if ((await row.getAttribute('aria-expanded')) === 'true') await row.click();
      }
      await expandRow(page, 'Databases');
    }
    await contextMenu(page, flow.row, [NLS['submenu.explorer.create.label'], title(flow.command)]);
    const frame = await findWebviewFrame(page, flow.ready, 45_000);
    await frame.locator(flow.ready).waitFor({ state: 'visible' });
    await shot(flow.file);
    await runCommand(page, 'View: Close All Editors');
  }

  // The ClickHouse Cloud view, signed in with the emulator's demo key.
  await setPane('AWS Explorer', false);
  await setPane('ClickHouse Cloud', true);
  await page.getByRole('button', { name: 'Sign in with an API key' }).click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('demo-key-id');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible' });
  await input.fill('demo-key-secret');
  await page.keyboard.press('Enter');
  await expandRow(page, 'orders-analytics');
  await expandRow(page, 'orders-db');
  await expandRow(page, 'events-eu');
  const side2 = await sidebar();
  await shot('clickhouse.png', { x: 0, y: 0, width: Math.round(side2.x + side2.width), height: 340 });
} catch (e) {
  failed = true;
  console.error(`[docs] ${e.stack || e.message}`);
  await wb?.page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'docs-screenshots-failure.png') }).catch(() => {});
} finally {
  await wb?.close();
  await session.stop();
}

const quantize = hasPngquant();
for (const file of written) {
  // pngquant exits non-zero when it keeps the original (already smaller, or quality not reached).
  if (quantize) try { execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-90', '--ext', '.png', file], { stdio: 'ignore' }); } catch { /* kept */ }
  console.log(`${path.relative(REPO_ROOT, file)}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
}
if (!quantize) console.log('[docs] pngquant not found: PNGs left as taken (apt-get install pngquant makes them smaller)');
process.exit(failed ? 1 : 0);

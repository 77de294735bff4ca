// UI layer: a row's status icon must not change when a person points at it. Expands every row of
// the demo tree, records each row's icon (codicon class and colour) and label, hovers every row
// until its tooltip shows, then checks every icon is the one it had before the hovers. Rows that
// were spinning (a resource in transition) are left out: their icon moves on the emulator's clock.
import assert from 'node:assert/strict';
import { assertNoExternalRequests, findRow, openView, pointerOffTree, useWorkbench, waitUntil } from './helpers.mjs';

const PROFILE = 'clickpipes-demo';

/** Every rendered row of the AWS Explorer view, in order: index, depth, label, icon, expanded state. */
function readRows(page) {
  return page.evaluate(() => {
    const header = [...document.querySelectorAll('.pane-header')].find((h) => /AWS Explorer/i.test(h.textContent ?? ''));
    const pane = header?.closest('.pane');
    if (!pane) return [];
    return [...pane.querySelectorAll('.monaco-list-row')]
      .map((row) => {
        const icon = row.querySelector('.custom-view-tree-node-item-icon');
        return {
          index: Number(row.getAttribute('data-index')),
          level: Number(row.getAttribute('aria-level')),
          expanded: row.getAttribute('aria-expanded'),
          label: row.querySelector('.label-name')?.textContent ?? '',
          icon: icon ? `${[...icon.classList].filter((c) => c.startsWith('codicon')).sort().join(' ')} | ${getComputedStyle(icon).color}` : '',
        };
      })
      .sort((a, b) => a.index - b.index);
  });
}

/** Rows keyed by their label path (a configuration shows under its gateway and in its group). */
function byPath(rows) {
  const stack = [];
  const out = new Map();
  for (const r of rows) {
    stack.length = r.level - 1;
    stack.push(r.label);
    out.set(stack.join(' / '), r);
  }
  return out;
}

const rowAt = (page, index) => page.locator(`.pane:has(.pane-header:has-text("AWS Explorer")) .monaco-list-row[data-index="${index}"]`);

describe('explorer: hovering never changes a row\'s icon (real VS Code)', function () {
  this.timeout(900_000);
  const wb = useWorkbench();

  before(async () => {
    // Tall enough that the tree renders every row of the demo at once (the list is virtual).
    await wb.page.setViewportSize({ width: 1280, height: 6000 });
    await openView(wb.page, 'ClickPipes PrivateLink');
    await findRow(wb.page, PROFILE, { timeout: 45_000 });
  });

  let recorded;

  it('expands every row of the demo tree and records each icon', async () => {
    for (;;) {
      const rows = await readRows(wb.page);
      const next = rows.find((r) => r.expanded === 'false');
      if (!next) break;
      await pointerOffTree(wb.page);
      await rowAt(wb.page, next.index).click();
      // Its children are there: the row after it is one level deeper (a message row when empty).
      await waitUntil(`children of ${next.label}`, async () => {
        const now = await readRows(wb.page);
        const at = now.findIndex((r) => r.index === next.index);
        return now[at]?.expanded === 'true' && now[at + 1]?.level > next.level;
      }, 60_000);
    }
    recorded = byPath(await readRows(wb.page));
    for (const label of ['billing-postgres', 'prod-data-gateway', 'orders-events']) {
      assert.ok([...recorded.values()].some((r) => r.label === label), `${label} in the tree`);
    }
    assert.ok(recorded.size > 40, `the whole demo tree is shown (${recorded.size} rows)`);
  });

  it('hovers every row until its tooltip shows; every icon stays as it was', async () => {
    const hover = wb.page.locator('.workbench-hover, .monaco-hover:not(.hidden)');
    const changed = [];
    const noTooltip = [];
    for (const [path, r] of recorded) {
      if (r.icon.includes('codicon-info')) continue; // message rows have no tooltip
      const row = rowAt(wb.page, r.index);
      await row.locator('.label-name').hover();
      try {
        await waitUntil(`the tooltip of ${path}`, async () => (await hover.filter({ hasText: r.label }).count()) > 0, 10_000);
      } catch {
        // A row re-rendered under the pointer can drop its own tooltip: report it, go on to the next row.
        noTooltip.push(path);
      }
      // Move away and let the tooltip close, so the next one is the next row's.
      await wb.page.mouse.move(1200, 5900);
      await waitUntil(`the tooltip of ${path} to close`, async () => (await hover.filter({ hasText: r.label }).count()) === 0, 20_000);
    }
    // One more hover round trip: a re-render the last hovers started has reached the tree.
    const first = [...recorded.values()][0];
    await rowAt(wb.page, first.index).locator('.label-name').hover();
    await waitUntil('the first row\'s tooltip again', async () => (await hover.filter({ hasText: first.label }).count()) > 0, 20_000);
    const after = byPath(await readRows(wb.page));
    for (const [path, r] of recorded) {
      if (r.icon.includes('codicon-sync')) continue; // in transition: moves on its own
      const now = after.get(path);
      if (!now || now.icon !== r.icon) changed.push(`${path}: ${r.icon} → ${now?.icon ?? 'row gone'}`);
    }
    assert.deepEqual(changed, [], `icons changed after a hover:\n${changed.join('\n')}`);
    assert.deepEqual(noTooltip, [], `rows whose tooltip never showed:\n${noTooltip.join('\n')}`);
  });

  it('made no request to a non-loopback host', () => {
    assertNoExternalRequests(wb.browser);
  });
});

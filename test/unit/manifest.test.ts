// What a new user and a Marketplace reviewer see of the manifest: palette titles that can be told
// apart, the create commands grouped in one "Create for ClickPipes" submenu, accept/reject only
// where a connection waits, a walkthrough that is localized, illustrated and reachable from the
// welcome views of the explorer and the ClickHouse Cloud view.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextValueOf } from '../../src/views/explorer/contextValue';
import type { ExplorerNode } from '../../src/views/explorer/nodes';
import { demoData } from './views/fakeAws';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const contributes = manifest.contributes;

type MenuItem = { command?: string; submenu?: string; when?: string; group?: string };
type ManifestCommand = { command: string; title: string; category?: string };

/** A `%key%` placeholder's words, as VS Code shows them; a missing key fails the test that reads it. */
function words(value: string): string {
  const m = /^%(.+)%$/.exec(value);
  if (!m) return value;
  assert.ok(typeof nls[m[1]] === 'string', `package.nls.json has no "${m[1]}"`);
  return nls[m[1]];
}

function paletteTitle(c: ManifestCommand): string {
  return c.category ? `${words(c.category)}: ${words(c.title)}` : words(c.title);
}

const menus = contributes.menus as Record<string, MenuItem[]>;
const explorerContext = menus['view/item/context'].filter((m) => /\bview == clickpipes\.explorer\b/.test(m.when ?? ''));
const CREATE_SUBMENU = 'clickpipes.explorer.create';
const FORM_CREATES = ['clickpipes.createVpcResourceEndpoint', 'clickpipes.createMskMultiVpcEndpoint', 'clickpipes.createEndpointServiceEndpoint', 'clickpipes.createIamDbAuthRole'];
const STEP_BY_STEP = FORM_CREATES.map((id) => `${id}Quick`);

/** Whether a menu's `when` holds on an explorer row with this contextValue. */
function when(expression: string, viewItem: string): boolean {
  // The menus here use `view == X`, `viewItem =~ /re/` and `&&` only: evaluate those, refuse the rest.
  return expression.split('&&').map((p) => p.trim()).every((part) => {
    const view = /^view == ([\w.]+)$/.exec(part);
    if (view) return view[1] === 'clickpipes.explorer';
    const re = /^viewItem =~ \/(.*)\/$/.exec(part);
    if (re) return new RegExp(re[1]).test(viewItem);
    assert.fail(`the test cannot evaluate "${part}"`);
  });
}

describe('manifest: what the palette and the menus show', () => {
  it('no two commands visible in the palette share a title', () => {
    const hidden = new Set(menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const c of contributes.commands as ManifestCommand[]) {
      if (hidden.has(c.command)) continue;
      const title = paletteTitle(c).toLowerCase();
      if (seen.has(title)) duplicates.push(`"${paletteTitle(c)}": ${seen.get(title)} and ${c.command}`);
      seen.set(title, c.command);
    }
    assert.deepEqual(duplicates, []);
  });

  it('the IAM Identity Center sign-in says so (not only "SSO")', () => {
    const sso = (contributes.commands as ManifestCommand[]).find((c) => c.command === 'clickpipes.ssoLogin')!;
    assert.match(words(sso.title), /IAM Identity Center/);
  });

  it('no message of the extension calls the sign-in "AWS SSO" (the bundle holds every message)', () => {
    const bundle: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8'));
    const texts = [...Object.keys(bundle), ...Object.values(nls)];
    assert.deepEqual(texts.filter((m) => /\bAWS SSO\b/.test(m)), []);
  });

  it('no manifest text ties ClickPipes to the ClickHouse service\'s own region (ClickHouse maps regions, sometimes to another)', () => {
    assert.deepEqual(Object.values(nls).filter((m) => /same region as the ClickHouse service/i.test(m)), []);
  });

  it('ClickPipes: Show Logs is a command of the palette', () => {
    const show = (contributes.commands as ManifestCommand[]).find((c) => c.command === 'clickpipes.showLogs');
    assert.ok(show, 'no clickpipes.showLogs command');
    assert.equal(paletteTitle(show), 'ClickPipes: Show Logs');
  });

  it('the create commands sit in one "Create for ClickPipes" submenu of the explorer, not at its top level', () => {
    const submenu = (contributes.submenus as { id: string; label: string }[] | undefined)?.find((s) => s.id === CREATE_SUBMENU);
    assert.ok(submenu, `no submenu ${CREATE_SUBMENU}`);
    assert.equal(words(submenu.label), 'Create for ClickPipes');
    const topLevel = explorerContext.filter((m) => m.command && [...FORM_CREATES, ...STEP_BY_STEP, 'clickpipes.clickhouse.createEndpoint'].includes(m.command));
    assert.deepEqual(topLevel.map((m) => m.command), [], 'create commands at the top level of the explorer context menu');
    assert.ok(explorerContext.some((m) => m.submenu === CREATE_SUBMENU), 'the submenu is not in the explorer context menu');
    const inside = (menus[CREATE_SUBMENU] ?? []).map((m) => m.command);
    for (const id of [...FORM_CREATES, ...STEP_BY_STEP, 'clickpipes.clickhouse.createEndpoint']) assert.ok(inside.includes(id), `${id} is not in the submenu`);
  });

  it('each create applies where it makes sense, and the submenu shows only on such rows', () => {
    const items = menus[CREATE_SUBMENU] ?? [];
    const shown = (viewItem: string) => items.filter((m) => when(m.when ?? '', viewItem)).map((m) => m.command);
    assert.deepEqual(shown('region').sort(), [...FORM_CREATES, ...STEP_BY_STEP].sort(), 'a region offers every AWS create');
    assert.ok(shown('database;hasArn;hasId;status:active').includes('clickpipes.createIamDbAuthRole'));
    assert.ok(!shown('mskCluster;hasArn').includes('clickpipes.createIamDbAuthRole'));
    assert.ok(shown('mskCluster;hasArn;hasClickPipesValues').includes('clickpipes.createMskMultiVpcEndpoint'));
    assert.ok(shown('resourceConfiguration;hasClickPipesValues;hasId').includes('clickpipes.clickhouse.createEndpoint'));
    assert.ok(!shown('region').includes('clickpipes.clickhouse.createEndpoint'));
    const entry = explorerContext.find((m) => m.submenu === CREATE_SUBMENU)!;
    assert.ok(when(entry.when!, 'region'));
    assert.ok(when(entry.when!, 'resourceConfiguration;hasClickPipesValues;hasId'));
    assert.ok(!when(entry.when!, 'sharePrincipal;hasId'), 'the submenu would be empty on a share principal');
    assert.ok(!when(entry.when!, 'profile;canAddRegion'), 'the submenu would be empty on a profile');
  });

  it('the step-by-step variants are in the palette and the submenu only', () => {
    const hidden = new Set(menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
    for (const id of STEP_BY_STEP) {
      assert.ok(!hidden.has(id), `${id} is hidden from the palette`);
      const places = Object.entries(menus).filter(([name, list]) => name !== 'commandPalette' && list.some((m) => m.command === id)).map(([name]) => name);
      assert.deepEqual(places, [CREATE_SUBMENU], `${id} is in ${places.join(', ')}`);
    }
  });

  it('accept / reject endpoint connection show on an endpoint service only when a connection waits', () => {
    for (const id of ['clickpipes.acceptEndpointConnection', 'clickpipes.rejectEndpointConnection']) {
      const items = explorerContext.filter((m) => m.command === id);
      assert.ok(items.length > 0, `${id} is in no explorer menu`);
      assert.ok(!items.some((m) => when(m.when!, 'endpointService;hasId;hasServiceName;status:active')), `${id} on any endpoint service`);
      assert.ok(items.some((m) => when(m.when!, 'endpointService;hasId;hasPendingConnection;hasServiceName;status:active')), `${id} not on a service with a pending connection`);
    }
  });

  it('accept shows on an endpoint connection only while it awaits acceptance; reject also on an available one', () => {
    const service = demoData().endpointServices[0];
    const row = (state: string) => contextValueOf({
      type: 'endpointConnection', id: 'c', scope: { profile: 'demo', region: 'us-east-1' }, service,
      connection: { vpcEndpointId: 'vpce-1', owner: '072088201116', state },
    } satisfies ExplorerNode);
    const shows = (id: string, state: string) => explorerContext.some((m) => m.command === id && when(m.when!, row(state)));
    for (const state of ['PendingAcceptance', 'pendingAcceptance']) {
      assert.ok(shows('clickpipes.acceptEndpointConnection', state), `accept on ${state}`);
      assert.ok(shows('clickpipes.rejectEndpointConnection', state), `reject on ${state}`);
    }
    assert.ok(shows('clickpipes.rejectEndpointConnection', 'Available'), 'reject on Available');
    assert.ok(!shows('clickpipes.acceptEndpointConnection', 'Available'), 'accept on Available');
    // These states share the pending status with PendingAcceptance, but there is nothing to accept or reject.
    for (const state of ['Pending', 'Deleting', 'Partial', 'Rejected', 'Expired']) {
      for (const id of ['clickpipes.acceptEndpointConnection', 'clickpipes.rejectEndpointConnection']) assert.ok(!shows(id, state), `${id} on ${state}`);
    }
  });
});

describe('manifest: the walkthrough', () => {
  const walkthroughs = contributes.walkthroughs as { id: string; title: string; description: string; steps: { id: string; title: string; description: string; media: Record<string, string> }[] }[];

  it('titles and descriptions come from package.nls.json', () => {
    for (const w of walkthroughs) {
      for (const text of [w.title, w.description, ...w.steps.flatMap((s) => [s.title, s.description])]) {
        assert.match(text, /^%[\w.-]+%$/, `"${text.slice(0, 40)}…" is not localized`);
        words(text);
      }
    }
  });

  it('each step shows a small picture that exists under media/walkthrough, with localized alt text', () => {
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      const image = step.media.image;
      assert.ok(image, `step ${step.id} has no image`);
      assert.match(image, /^media\/walkthrough\/[\w-]+\.(svg|png)$/);
      const file = path.join(root, image);
      assert.ok(fs.existsSync(file), `${image} is missing`);
      assert.ok(fs.statSync(file).size < 60 * 1024, `${image} is ${fs.statSync(file).size} bytes`);
      assert.match(step.media.altText ?? '', /^%[\w.-]+%$/, `step ${step.id}: alt text not localized`);
      assert.ok(words(step.media.altText).length > 10);
    }
  });

  for (const view of ['clickpipes.explorer', 'clickpipes.clickhouse']) {
    it(`the welcome view of ${view} opens it`, () => {
      const ids = walkthroughs.map((w) => `${manifest.publisher}.${manifest.name}#${w.id}`);
      const welcome = (contributes.viewsWelcome as { view: string; contents: string }[]).filter((v) => v.view === view);
      const links = welcome.flatMap((v) => [...words(v.contents).matchAll(/\(command:workbench\.action\.openWalkthrough\?([^)]+)\)/g)].map((m) => JSON.parse(decodeURIComponent(m[1]))));
      assert.ok(links.length > 0, `no openWalkthrough link in the ${view} welcome`);
      for (const arg of links) assert.ok(ids.includes(arg), `${arg} is not a walkthrough (${ids.join(', ')})`);
    });
  }
});

// What the extension-host suites that drive the emulator share: its control API, a poll-until
// helper, the extension activated, an AWS layer from its bundle, the plans test API with its
// confirmation recorded, and the tree walked by label. Not a *.test.ts file, so index.ts does not load it as a suite.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsLayer, CreateAwsLayer } from '../../src/aws/api';
import type { ClickPipesTestApi } from '../../src/extension';
import type { PlansTestApi } from '../../src/commands/plans';
import { describeNode } from '../../src/views/explorer/describe';
import type { ExplorerNode } from '../../src/views/explorer/nodes';
import type { WebviewHost } from '../../src/webviews/panelHost';

export const EXTENSION_ID = 'clickpipes-tools.clickpipes-privatelink';
export const EMULATOR = process.env.CPL_EMULATOR_URL;
export const PROFILE = process.env.AWS_PROFILE || 'clickpipes-demo';

/** The emulator's URL. These suites always run beside it (test:suite and test:electron start one): without it they fail, never skip. */
export function requireEmulator(): string {
  if (!EMULATOR) throw new Error('CPL_EMULATOR_URL is not set: run the suite through npm run test:suite (or test:electron), which start the local emulator');
  return EMULATOR;
}

/** Calls the emulator's control API (`/_emulator/<path>`). */
export async function control(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${requireEmulator()}/_emulator/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
/** How many times each AWS operation was called since the last reset, e.g. `ec2:CreateVpc`. */
export const counts = async (): Promise<Record<string, number>> => (await control('GET', 'log')).counts;

/** The demo scenario with no faults; `instantChanges` also makes creates/updates/deletes/share activation finish at once. */
export async function resetToDemo({ instantChanges }: { instantChanges: boolean }): Promise<void> {
  await control('POST', 'reset', { scenario: 'demo' });
  await control('POST', 'faults', { mode: 'clear' });
  if (instantChanges) await control('POST', 'timings', { create: 0, update: 0, delete: 0, shareActivate: 0 });
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The review tabs open now. */
export const planDocs = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'clickpipes-plan');

/** The plan.json of the plan a review document belongs to, once it is loaded. */
export function planDocOf(uri: string | vscode.Uri): Promise<vscode.TextDocument> {
  const dir = path.posix.dirname((typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).path);
  return waitFor('the plan tab', () => planDocs().find((d) => d.uri.path === `${dir}/plan.json`));
}

/**
 * Submits a form and returns the plan.json of the plan it built, named by the form's own
 * "submitted" message rather than guessed from which plan.json appeared last.
 */
export async function submitForm(host: WebviewHost, method: string, values: unknown): Promise<vscode.TextDocument> {
  const sentBefore = host.sent.length;
  await host.receive({ method, params: { values } });
  const submitted = await waitFor('the form\'s submitted message', () => host.sent.slice(sentBefore).find((m) => m.method === 'form/submitted'));
  return planDocOf((submitted.params as { planUri: string }).planUri);
}

export async function activateExtension(): Promise<ClickPipesTestApi> {
  const ext = vscode.extensions.getExtension<ClickPipesTestApi>(EXTENSION_ID);
  assert.ok(ext);
  return ext.activate();
}

/** A new AWS layer made by the extension's own bundle (dist/aws.js), as the extension makes its own. */
export function bundledAwsLayer(): AwsLayer {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createAwsLayer } = require(path.join(ext.extensionPath, 'dist', 'aws.js')) as { createAwsLayer: CreateAwsLayer };
  return createAwsLayer({});
}

/** The plans test API, its apply confirmation answered "yes" after handing the text to `record`. */
export async function plansTestApi(record: (message: string, detail: string) => void): Promise<PlansTestApi> {
  const api = (await vscode.commands.executeCommand<PlansTestApi>('clickpipes.plans._testApi'))!;
  assert.ok(api, 'the plans test API is registered outside production mode');
  api.applier.confirm = async (message, detail) => {
    record(message, detail);
    return true;
  };
  return api;
}

export const label = (n: ExplorerNode) => describeNode(n).label;

/** The child of `parent` (the root when undefined) whose label is `name` or matches it. */
export async function childNode(explorer: ClickPipesTestApi['explorer'], parent: ExplorerNode | undefined, name: string | RegExp): Promise<ExplorerNode> {
  const kids = await explorer.getChildren(parent);
  const found = kids.find((k) => (typeof name === 'string' ? label(k) === name : name.test(label(k))));
  assert.ok(found, `no child ${String(name)} under ${parent ? label(parent) : 'root'}: ${kids.map(label).join(', ')}`);
  return found;
}

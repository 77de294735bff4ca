// The VPC-resource flow as a multi-step QuickPick, in the extension host against the emulator,
// answered by a script standing in for the person (same session, validators and builder as the
// webview form): it checks the step order, Back, the refused public database, the validators the
// prompts use, and that the answers end in a plan tab.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { AwsLayer } from '../../src/aws/api';
import type { PlansTestApi } from '../../src/commands/plans';
import { BACK, type PickItem, type Prompter, type StepIo } from '../../src/commands/stepByStep/steps';
import { runVpcResourceQuickPick } from '../../src/commands/stepByStep/vpcResource';
import { activateExtension, bundledAwsLayer, EXTENSION_ID, PROFILE, requireEmulator } from './emulatorHost';

const SCOPE = { profile: PROFILE, region: 'us-east-1' };

describe('plans: the VPC-resource QuickPick flow (extension host, emulator)', function () {
  this.timeout(60_000);
  let api: PlansTestApi;
  let layer: AwsLayer;

  before(async function () {
    requireEmulator();
    await activateExtension();
    api = (await vscode.commands.executeCommand<PlansTestApi>('clickpipes.plans._testApi'))!;
    layer = bundledAwsLayer();
  });
  after(() => layer?.dispose());

  it('walks type → gateway → network → database → names → share, with Back and a refused public database', async () => {
    const asked: string[] = [];
    let dbAnswers = 0;
    let ipTypeAnswers = 0;
    const pickOne = async <T>(io: StepIo, placeholder: string, items: PickItem<T>[]): Promise<T | typeof BACK | undefined> => {
      asked.push(`${io.step}/${io.total} ${placeholder}`);
      const by = (f: (i: PickItem<T>) => boolean) => {
        const item = items.find(f);
        assert.ok(item, `no item for "${placeholder}" in ${items.map((i) => i.label).join(', ')}`);
        return item.value;
      };
      if (placeholder.startsWith('Resource configuration type')) return by((i) => i.label === 'ARN');
      if (placeholder.startsWith('Resource gateway')) return by((i) => /Create a new/.test(i.label));
      if (placeholder.startsWith('VPC for the gateway')) return by((i) => i.label.startsWith('prod-data'));
      if (placeholder.startsWith('Gateway IP address type')) {
        ipTypeAnswers++;
        return by((i) => i.label === 'IPv4');
      }
      if (placeholder.startsWith('RDS database')) {
        dbAnswers++;
        if (dbAnswers === 1) return BACK; // one step back, then forward again
        if (dbAnswers === 2) return by((i) => /publicly accessible/i.test(i.detail ?? '')); // refused: asked again
        return by((i) => i.label.includes('orders-aurora-pg'));
      }
      if (placeholder.startsWith('Share with')) return by((i) => i.value === (true as unknown as T));
      throw new Error(`unexpected pick: ${placeholder}`);
    };
    const pickMany = async <T>(io: StepIo, placeholder: string, items: PickItem<T>[], _selected: T[], validate: (v: T[]) => string | undefined): Promise<T[] | typeof BACK | undefined> => {
      asked.push(`${io.step}/${io.total} ${placeholder}`);
      if (placeholder.startsWith('Subnets')) {
        const tiny = items.find((i) => i.label.includes('prod-data-tiny-a'));
        assert.ok(tiny && /no free \/28/.test(tiny.detail ?? ''), 'the /28 check is shown');
        assert.match(validate([tiny.value]) ?? '', /\/28/);
        assert.match(validate([]) ?? '', /Subnets/);
        return items.filter((i) => /prod-data-[ab] /.test(`${i.label} `) || /^prod-data-[ab] \(/.test(i.label)).map((i) => i.value).slice(0, 2);
      }
      if (placeholder.startsWith('Security groups')) return items.slice(0, 1).map((i) => i.value);
      throw new Error(`unexpected multi-pick: ${placeholder}`);
    };
    const inputText = async (io: StepIo, prompt: string, _value: string, validate: (v: string) => string | undefined): Promise<string | typeof BACK | undefined> => {
      asked.push(`${io.step}/${io.total} ${prompt}`);
      if (prompt.startsWith('Gateway name')) {
        assert.match(validate('Bad Name') ?? '', /lowercase/);
        return 'quick-gateway';
      }
      if (prompt.startsWith('Resource configuration name')) {
        assert.match(validate('rcfg-x') ?? '', /rcfg-/);
        return 'quick-config';
      }
      if (prompt.startsWith('Resource share name')) return 'quick-share';
      throw new Error(`unexpected input: ${prompt}`);
    };
    const prompter: Prompter = { pickOne: pickOne as Prompter['pickOne'], pickMany: pickMany as Prompter['pickMany'], inputText };

    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const uri = await runVpcResourceQuickPick({
      deps: { aws: () => layer, log: { info: () => undefined, warn: () => undefined, error: () => undefined } },
      extensionUri: ext.extensionUri, scope: SCOPE, node: { type: 'region', scope: SCOPE }, review: api.openReview,
    }, prompter);
    assert.ok(uri, `the flow ended without a plan; asked: ${asked.join(' | ')}`);
    assert.strictEqual(ipTypeAnswers, 2, 'Back from the database step returned to the IP type step');
    assert.strictEqual(dbAnswers, 3, 'the public database was refused and the question asked again');
    assert.ok(asked[0].startsWith('1/'), asked[0]);
    const plan = JSON.parse((await vscode.workspace.openTextDocument(uri)).getText());
    const gateway = plan.steps.find((s: { id: string }) => s.id === 'gateway');
    assert.strictEqual(gateway.input.name, 'quick-gateway');
    assert.strictEqual(gateway.input.subnetIds.length, 2);
    const configuration = plan.steps.find((s: { id: string }) => s.id === 'configuration');
    assert.match(configuration.input.resourceConfigurationDefinition.arnResource.arn, /cluster:orders-aurora-pg$/);
    assert.deepStrictEqual(plan.steps.find((s: { id: string }) => s.id === 'share').input.principals, ['072088201116']);
  });
});

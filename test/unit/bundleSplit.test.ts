// What dist/extension.js is made of. Activation parses the whole bundle before the first tree row
// (VS Code's "load code" time), so modules that only commands need are in dist/features.js,
// loaded by src/featureLoader.ts on first use. Built here with esbuild's metafile, as esbuild.mjs
// builds it, so a module that comes back into the eager bundle fails with its name.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(__dirname, '../../..');

/** The bundle of `entry`: its source files (relative to the repository) and its code. */
function bundle(entry: string): { inputs: string[]; code: string } {
  const result = buildSync({
    entryPoints: [path.join(root, entry)],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As esbuild.mjs: the lazily loaded bundles are required at run time, never bundled.
    external: ['vscode', './aws.js', './features.js', './profiles.js'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { inputs: Object.keys(result.metafile.inputs), code: result.outputFiles[0].text };
}

/** Only commands (or a tooltip) use these: none may be parsed at activation. */
const COMMAND_ONLY = [
  'src/model/iamPermissions.ts',
  'src/commands/iamPolicy.ts',
  'src/commands/copy.ts',
  'src/commands/deleteResource.ts',
  'src/commands/deleteCalls.ts',
  'src/commands/external.ts',
  'src/commands/pickNode.ts',
  'src/commands/profilesAndRegions.ts',
  'src/views/explorer/regionPicker.ts',
];

describe('bundle split: dist/extension.js holds what draws the tree', () => {
  let eager: string[];
  let eagerCode: string;
  let features: string[];
  let featuresCode: string;
  before(() => {
    ({ inputs: eager, code: eagerCode } = bundle('src/extension.ts'));
    ({ inputs: features, code: featuresCode } = bundle('src/features.ts'));
  });

  it('reads the bundle (the explorer and the loader are in it)', () => {
    assert.ok(eager.includes('src/views/explorer/model.ts') && eager.includes('src/featureLoader.ts'), eager.join('\n'));
  });

  it('command-only modules, the IAM permissions table first, are not in the eager bundle', () => {
    assert.deepEqual(COMMAND_ONLY.filter((f) => eager.includes(f)), []);
  });

  it('they are in dist/features.js instead', () => {
    assert.deepEqual(COMMAND_ONLY.filter((f) => !features.includes(f)), []);
  });

  // describe.ts stays (labels, descriptions); esbuild drops its tooltip builder when nothing in
  // the eager bundle calls it. The heading of the tooltip's readiness section marks it.
  it('the rows\' Markdown tooltips are built by dist/features.js, on hover', () => {
    const tooltipMark = '**ClickPipes readiness**';
    assert.ok(featuresCode.includes(tooltipMark), 'the tooltip builder is not in dist/features.js');
    assert.ok(!eagerCode.includes(tooltipMark), 'the tooltip builder is back in dist/extension.js');
  });
});

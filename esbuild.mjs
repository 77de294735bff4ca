// Three bundles: the extension (no AWS SDK inside, so activation stays cheap), the AWS layer
// (loaded lazily the first time the tree needs AWS), and the browser side of the webviews.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', './aws.js'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const webviewEntries = readdirSync('src/webviews/app')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
  .map((f) => `src/webviews/app/${f}`);

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  // ESM-first resolution lets esbuild tree-shake the SDK: about half the minified size.
  { ...node, entryPoints: { aws: 'src/aws/index.ts' }, outdir: 'dist', mainFields: ['module', 'main'] },
  {
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022',
    entryPoints: webviewEntries, outdir: 'dist/webviews',
    minify: production, sourcemap: !production, sourcesContent: false, logLevel: 'warning',
  },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

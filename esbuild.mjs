// Four bundles: the extension (only what draws the explorer tree, so activation stays cheap), the
// AWS layer (loaded lazily the first time the tree needs AWS), the features (plans, forms,
// ClickHouse Cloud: loaded lazily on first use, src/featureLoader.ts) and the browser side of the
// webviews.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// `import * as vscode from 'vscode'` in N modules makes esbuild emit N `__toESM(require('vscode'))`,
// each copying every export of the API (~200 getters): about 5 ms of a 31-module activation.
// Routing the imports through one ESM re-export copies it once per bundle. require('vscode')
// (src/l10n.ts) stays a plain require.
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' || args.kind === 'require-call'
        ? { path: 'vscode', external: true }
        : { path: 'vscode', namespace: 'vscode-once' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', './aws.js', './features.js', './profiles.js'],
  plugins: [vscodeOnce],
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
  { ...node, entryPoints: { features: 'src/features.ts' }, outdir: 'dist' },
  // ESM-first resolution lets esbuild tree-shake the SDK: about half the minified size.
  { ...node, entryPoints: { aws: 'src/aws/index.ts' }, outdir: 'dist', mainFields: ['module', 'main'] },
  // The explorer's profile rows: the config-file reader alone, without the SDK (src/aws/profileReader.ts).
  { ...node, entryPoints: { profiles: 'src/aws/profileReader.ts' }, outdir: 'dist', mainFields: ['module', 'main'] },
  {
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022',
    entryPoints: webviewEntries, outdir: 'dist/webviews',
    minify: production, sourcemap: !production, sourcesContent: false, logLevel: 'warning',
  },
];

// In watch mode, lines the background task of .vscode/tasks.json matches (as the VS Code
// extension samples do), so F5 waits for the first build and lists its errors in Problems.
// One start/finish pair for the four bundles: "finished" only once none is still building.
let building = 0;
const watchReport = {
  name: 'watch-report',
  setup(build) {
    build.onStart(() => { if (building++ === 0) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (--building === 0) console.log('[watch] build finished');
    });
  },
};

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...b, plugins: [...(b.plugins ?? []), watchReport] })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

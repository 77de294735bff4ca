// `npm run package` without a public repository keeps the README's links relative (VS Code's
// extension page finds the pictures in the VSIX); given CPL_BASE_URL it has vsce make them absolute,
// as the Marketplace needs.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const script = pathToFileURL(path.resolve(__dirname, '../../../scripts/lib/vsceArgs.mjs')).href;

/** vsceArgs(env, 'out.vsix') in a child Node (the script is an ES module; the tests are CommonJS). */
function vsceArgs(env: Record<string, string>): string[] {
  const code = `import { vsceArgs } from ${JSON.stringify(script)};\nprocess.stdout.write(JSON.stringify(vsceArgs(${JSON.stringify(env)}, 'out.vsix')));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
}

const value = (args: string[], flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);

describe('npm run package: the vsce arguments', () => {
  it('without CPL_BASE_URL, the README\'s links stay relative and no repository is required', () => {
    const args = vsceArgs({});
    assert.deepEqual(args, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', 'out.vsix']);
  });

  it('with CPL_BASE_URL, images and links are made absolute under it', () => {
    const args = vsceArgs({ CPL_BASE_URL: 'https://git.example/team/clickpipes/raw/main' });
    assert.ok(!args.includes('--no-rewrite-relative-links'));
    assert.equal(value(args, '--baseImagesUrl'), 'https://git.example/team/clickpipes/raw/main');
    assert.equal(value(args, '--baseContentUrl'), 'https://git.example/team/clickpipes/raw/main');
    assert.ok(args.includes('--allow-missing-repository'), 'package.json still names no repository');
    assert.equal(value(args, '--out'), 'out.vsix');
  });

  it('CPL_BASE_CONTENT_URL sends the links where files are shown rather than served raw', () => {
    const args = vsceArgs({ CPL_BASE_URL: 'https://git.example/team/clickpipes/raw/main', CPL_BASE_CONTENT_URL: 'https://git.example/team/clickpipes/blob/main' });
    assert.equal(value(args, '--baseImagesUrl'), 'https://git.example/team/clickpipes/raw/main');
    assert.equal(value(args, '--baseContentUrl'), 'https://git.example/team/clickpipes/blob/main');
  });

  it('refuses a base that is not an https URL, and a content URL without an image base', () => {
    const refused: Record<string, string>[] = [{ CPL_BASE_URL: 'http://git.example/raw/main' }, { CPL_BASE_URL: 'git.example/raw/main' }, { CPL_BASE_CONTENT_URL: 'https://git.example/blob/main' }];
    for (const env of refused) {
      assert.throws(() => vsceArgs(env), (e: { stderr?: string }) => /CPL_BASE/.test(e.stderr ?? ''), JSON.stringify(env));
    }
  });
});

// The README is the Marketplace page: its pictures must exist and stay small, its relative links
// must point at files, the two set-up commands it gives must be scripts that exist, and what only
// a developer needs lives in CONTRIBUTING.md; its IAM permissions are the extension's own table.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AWS_OPERATIONS, POLICY_FLOWS, actionsFor, flowLabel, iamAction } from '../../src/model/iamPermissions';
import { iamBlock, readmeIamBlock } from '../docs/iamReadme';

const root = path.resolve(__dirname, '../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

describe('README (the product page)', () => {
  it('shows pictures that exist, each under 150 KB', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 6, `only ${images.length} pictures`);
    for (const image of images) {
      const file = path.join(root, image);
      assert.ok(fs.existsSync(file), `${image} is missing (npm run docs:screenshots)`);
      assert.ok(fs.statSync(file).size < 150 * 1024, `${image} is ${fs.statSync(file).size} bytes`);
    }
  });

  it('links only to files that exist (relative links)', () => {
    for (const [, target] of readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)#]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      assert.ok(fs.existsSync(path.join(root, target)), `${target} does not exist`);
    }
  });

  it('gives the two set-up commands, and both are npm scripts', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
    assert.match(readme, /npm ci && npm run demo/);
    assert.match(readme, /npm ci && npm test/);
    assert.ok(scripts.demo && scripts.test);
  });

  it('says the set-up commands run in a clone of the source, without a made-up repository URL', () => {
    const section = /## Try it without AWS\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    assert.match(section, /clone of the extension's source/);
    // No public repository exists yet; a URL here would be invented.
    assert.doesNotMatch(section, /git clone|https?:\/\//);
  });

  it('keeps developer sections out (the web-component choice is in CONTRIBUTING.md)', () => {
    assert.doesNotMatch(readme, /^#+ .*@vscode-elements/m);
    const contributing = fs.readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8');
    assert.match(contributing, /^#+ .*@vscode-elements\/elements/m);
  });

  it('lists the IAM permissions that src/model/iamPermissions.ts generates (npm run docs:iam)', () => {
    assert.equal(readmeIamBlock(readme), iamBlock(), 'the README\'s IAM block is stale: run npm run docs:iam');
  });

  it('its IAM block names every action of every policy the extension copies, and each documented extra', () => {
    const block = iamBlock();
    for (const flow of POLICY_FLOWS) {
      const row = block.split('\n').find((line) => line.startsWith(`| ${flowLabel(flow)} |`));
      assert.ok(row, `no line for the ${flow} policy`);
      assert.deepEqual([...row.matchAll(/`([^`]+)`/g)].map((m) => m[1]), actionsFor(flow), `the ${flow} line`);
    }
    for (const op of AWS_OPERATIONS.filter((o) => o.extra)) {
      // A call may sit in several rows, one per set of extras it shares with other calls.
      const rows = block.split('\n').filter((line) => line.startsWith('| `') && line.split(' | ')[0].includes(`\`${iamAction(op)}\``));
      assert.ok(rows.length, `${iamAction(op)}'s documented extras are not listed`);
      for (const extra of op.extra!) for (const a of extra.actions) assert.ok(rows.some((row) => row.split(' | ')[1].includes(`\`${a}\``)), `${iamAction(op)}: ${a} is missing`);
    }
  });
});

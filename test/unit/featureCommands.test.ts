// The commands of the lazily loaded features bundle are registered at activation from a list
// (src/featureCommands.ts, stubs in src/featureLoader.ts): the list must cover every contributed
// command the explorer's own table (src/commands/index.ts) does not, and name nothing else.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURE_COMMANDS, FEATURE_TEST_COMMANDS } from '../../src/featureCommands';

const root = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

describe('feature commands (registered at activation, handled by dist/features.js)', () => {
  const contributed: string[] = JSON.parse(read('package.json')).contributes.commands.map((c: { command: string }) => c.command);
  const explorer = [...read('src/commands/index.ts').matchAll(/\{ id: '([^']+)', handler:/g)].map((m) => m[1]);

  it('every contributed command is either the explorer\'s or the features bundle\'s, not both', () => {
    assert.ok(explorer.includes('clickpipes.refresh'), 'could not read the explorer command table');
    const features = new Set(FEATURE_COMMANDS);
    for (const id of explorer) assert.ok(!features.has(id), `${id} is in both lists`);
    const missing = contributed.filter((id) => !features.has(id) && !explorer.includes(id));
    assert.deepEqual(missing, [], 'contributed commands registered by neither extension.js nor the stubs');
  });

  it('names no command twice and nothing unknown (only contributed ids and the test/debug ones)', () => {
    const all = [...FEATURE_COMMANDS, ...FEATURE_TEST_COMMANDS];
    assert.equal(new Set(all).size, all.length);
    for (const id of FEATURE_COMMANDS) {
      assert.ok(contributed.includes(id) || id.startsWith('clickpipes.clickhouse.debug.'), `${id} is not contributed`);
    }
    for (const id of FEATURE_TEST_COMMANDS) assert.ok(!contributed.includes(id) && /\._test\w+$/.test(id), id);
  });

  it('each id is registered by the features side of the source', () => {
    const sources = ['src/plans', 'src/commands', 'src/commands/stepByStep', 'src/clickhouse', 'src/views/clickhouse']
      .flatMap((dir) => fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => read(path.join(dir, f))))
      .join('\n');
    for (const id of [...FEATURE_COMMANDS, ...FEATURE_TEST_COMMANDS]) assert.ok(sources.includes(`'${id}'`), `${id} appears nowhere in the features' source`);
  });
});

import * as assert from 'node:assert/strict';
import { findNode, parseJsonTree, pathAt } from '../../../src/plans/jsonTree';

describe('plans/jsonTree', () => {
  const samples = ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"x\\n\\u00e9"],"b":{"c":{}}}', '  "s"  ', '0', '[[[]]]'];
  for (const s of samples) {
    it(`parses ${s} to the same value as JSON.parse`, () => {
      const { root, error } = parseJsonTree(s);
      assert.equal(error, undefined);
      const rebuild = (n: any): unknown => n.type === 'object' ? Object.fromEntries(n.children.map((p: any) => [p.children[0].value, rebuild(p.children[1])])) : n.type === 'array' ? n.children.map(rebuild) : n.value;
      assert.deepEqual(rebuild(root), JSON.parse(s));
    });
  }

  const bad: [string, RegExp, number][] = [
    ['{"a":1,}', /Trailing comma/, 7],
    ['{"a" 1}', /Colon expected/, 5],
    ['{"a":1', /Comma or \}/, 6],
    ['[1 2]', /Comma or \]/, 3],
    ['{a:1}', /Property name/, 1],
    ['"abc', /Unterminated/, 0],
    ['{"a":1} x', /End of text/, 8],
    ['', /end of text/i, 0],
    ['// c\n{}', /Value expected/, 0],
    ['"\\x"', /Invalid escape/, 1],
  ];
  for (const [s, message, offset] of bad) {
    it(`reports ${JSON.stringify(s)} with its position`, () => {
      const { error } = parseJsonTree(s);
      assert.ok(error);
      assert.match(error.message, message);
      assert.equal(error.offset, offset);
    });
  }

  it('finds nodes by path and the path at an offset', () => {
    const t = '{"steps":[{"id":"gateway","input":{"name":"x"}}]}';
    const { root } = parseJsonTree(t);
    const n = findNode(root!, ['steps', 0, 'input', 'name'])!;
    assert.equal(t.slice(n.offset, n.offset + n.length), '"x"');
    assert.equal(findNode(root!, ['steps', 3]), undefined);
    assert.deepEqual(pathAt(root!, t.indexOf('"x"') + 1), ['steps', 0, 'input', 'name']);
    assert.deepEqual(pathAt(root!, t.indexOf('"id"') + 1), ['steps', 0, 'id']);
  });
});

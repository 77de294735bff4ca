// A small JSON parser that keeps where each value sits in the text, so plan problems can be
// underlined and hovers can find the path under the cursor. (jsonc-parser's UMD build does not
// bundle with esbuild and is not a declared dependency; strict JSON is all the plan tab needs.)

export type JsonNode = {
  type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';
  offset: number;
  length: number;
  value?: unknown;
  /** object → property nodes; property → [key, value]; array → items. */
  children?: JsonNode[];
  parent?: JsonNode;
};

export type JsonSyntaxError = { message: string; offset: number; length: number };

class Failure extends Error {
  constructor(readonly detail: JsonSyntaxError) {
    super(detail.message);
  }
}

export function parseJsonTree(text: string): { root?: JsonNode; error?: JsonSyntaxError } {
  let i = 0;
  const fail = (message: string, at = i, length = 1): never => {
    throw new Failure({ message, offset: Math.min(at, text.length), length });
  };
  const ws = () => {
    while (i < text.length && /[ \t\n\r]/.test(text[i])) i++;
  };
  const str = (): JsonNode => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string', start, text.length - start);
      const c = text[i];
      if (c === '"') break;
      if (c === '\n' || c === '\r') fail('Line break in a string', i);
      if (c === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid unicode escape', i, 6);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        if (!(e in map)) fail('Invalid escape', i, 2);
        out += map[e];
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    i++;
    return { type: 'string', offset: start, length: i - start, value: out };
  };
  const value = (): JsonNode => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const node: JsonNode = { type: 'object', offset: start, length: 0, children: [] };
      ws();
      if (text[i] === '}') {
        i++;
      } else {
        for (;;) {
          ws();
          if (text[i] !== '"') fail('Property name expected');
          const key = str();
          ws();
          if (text[i] !== ':') fail('Colon expected');
          i++;
          const v = value();
          const prop: JsonNode = { type: 'property', offset: key.offset, length: v.offset + v.length - key.offset, children: [key, v], parent: node };
          key.parent = prop;
          v.parent = prop;
          node.children!.push(prop);
          ws();
          if (text[i] === ',') {
            i++;
            ws();
            if (text[i] === '}') fail('Trailing comma');
            continue;
          }
          if (text[i] === '}') {
            i++;
            break;
          }
          fail('Comma or } expected');
        }
      }
      node.length = i - start;
      return node;
    }
    if (c === '[') {
      i++;
      const node: JsonNode = { type: 'array', offset: start, length: 0, children: [] };
      ws();
      if (text[i] === ']') {
        i++;
      } else {
        for (;;) {
          const v = value();
          v.parent = node;
          node.children!.push(v);
          ws();
          if (text[i] === ',') {
            i++;
            ws();
            if (text[i] === ']') fail('Trailing comma');
            continue;
          }
          if (text[i] === ']') {
            i++;
            break;
          }
          fail('Comma or ] expected');
        }
      }
      node.length = i - start;
      return node;
    }
    if (c === '"') return str();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail(i >= text.length ? 'Unexpected end of text' : 'Value expected');
    i += m![0].length;
    const word = m![0];
    if (word === 'true' || word === 'false') return { type: 'boolean', offset: start, length: word.length, value: word === 'true' };
    if (word === 'null') return { type: 'null', offset: start, length: 4, value: null };
    return { type: 'number', offset: start, length: word.length, value: Number(word) };
  };
  try {
    const root = value();
    ws();
    if (i < text.length) fail('End of text expected', i, text.length - i);
    return { root };
  } catch (err) {
    if (err instanceof Failure) return { error: err.detail };
    throw err;
  }
}

/** The value node at a path ('a', 0, 'b'), or undefined. */
export function findNode(root: JsonNode, path: readonly (string | number)[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof seg === 'string') {
      node = node.children!.find((p) => p.children![0].value === seg)?.children![1];
    } else if (node.type === 'array' && typeof seg === 'number') {
      node = node.children![seg];
    } else return undefined;
  }
  return node;
}

/** The path of the innermost value (or property key) containing `offset`. */
export function pathAt(root: JsonNode, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: JsonNode = root;
  for (;;) {
    const inside = (n: JsonNode) => offset >= n.offset && offset <= n.offset + n.length;
    if (node.type === 'object') {
      const prop = node.children!.find(inside);
      if (!prop) return path;
      path.push(prop.children![0].value as string);
      const v = prop.children![1];
      if (!inside(v)) return path;
      node = v;
    } else if (node.type === 'array') {
      const idx = node.children!.findIndex(inside);
      if (idx < 0) return path;
      path.push(idx);
      node = node.children![idx];
    } else return path;
  }
}

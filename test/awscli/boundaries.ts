// Boundary cases generated from botocore's service model for one input member: what the model
// says about required, length, pattern, enum and numeric range, turned into values the model
// accepts or refuses. The model is the reference; nothing here encodes an AWS rule by hand.

export type Case = { label: string; value: unknown; omit?: boolean; modelAccepts: boolean };

type Shape = { type: string; min?: number; max?: number; pattern?: string; enum?: string[]; member?: { shape: string } };

/** The model's pattern as a JS regex (Java-style patterns are anchored as a whole), or undefined if JS can't read it. */
export function patternOf(shape: Shape): RegExp | undefined {
  if (!shape.pattern) return undefined;
  // Unicode mode first (\p{…} classes); it refuses identity escapes like `\-`, plain mode reads those.
  for (const flags of ['u', '']) {
    try {
      return new RegExp(`^(?:${shape.pattern})$`, flags);
    } catch {
      // try the next mode
    }
  }
  return undefined;
}

/** Does the model accept `value` for a (non-structure) shape? Strings, numbers and lists of them. */
export function modelAccepts(model: any, shapeName: string, value: unknown): boolean {
  const shape: Shape = model.shapes[shapeName];
  if (shape.type === 'string') {
    if (typeof value !== 'string') return false;
    if (shape.min !== undefined && value.length < shape.min) return false;
    if (shape.max !== undefined && value.length > shape.max) return false;
    if (shape.enum && !shape.enum.includes(value)) return false;
    const re = patternOf(shape);
    return !re || re.test(value);
  }
  if (shape.type === 'integer' || shape.type === 'long') {
    if (typeof value !== 'number') return false;
    return !(shape.min !== undefined && value < shape.min) && !(shape.max !== undefined && value > shape.max);
  }
  if (shape.type === 'list') {
    if (!Array.isArray(value)) return false;
    if (shape.min !== undefined && value.length < shape.min) return false;
    if (shape.max !== undefined && value.length > shape.max) return false;
    const item = model.shapes[shape.member!.shape] as Shape;
    return item.type === 'structure' || value.every((v) => modelAccepts(model, shape.member!.shape, v));
  }
  return true;
}

function stringCases(model: any, shapeName: string, base: string): Case[] {
  const shape: Shape = model.shapes[shapeName];
  const out: Case[] = [];
  const re = patternOf(shape);
  const fill = (n: number) => {
    // Grow or cut the base value to n characters, keeping the pattern if some filler can.
    if (n <= base.length) return base.slice(0, n);
    for (const c of ['a', '0', '-', '.', 'A']) {
      const v = base + c.repeat(n - base.length);
      if (!re || re.test(v)) return v;
    }
    return base + 'a'.repeat(n - base.length);
  };
  if (shape.min !== undefined && shape.min > 0) out.push({ label: `length ${shape.min - 1} (min ${shape.min})`, value: fill(shape.min - 1), modelAccepts: false });
  if (shape.max !== undefined && shape.max < 4096) {
    out.push({ label: `length ${shape.max} (max)`, value: fill(shape.max), modelAccepts: modelAccepts(model, shapeName, fill(shape.max)) });
    out.push({ label: `length ${shape.max + 1} (max ${shape.max})`, value: fill(shape.max + 1), modelAccepts: false });
  }
  if (re) {
    const bad = ['!', `${base} `, `#${base}`, base.toUpperCase(), `${base}/x`].find((v) => !re.test(v) && modelAccepts({ shapes: { s: { ...shape, pattern: undefined } } }, 's', v));
    if (bad !== undefined) out.push({ label: `off pattern ${JSON.stringify(bad.slice(0, 24))}`, value: bad, modelAccepts: false });
  }
  if (shape.enum) out.push({ label: 'not in enum', value: 'NOT_A_MODEL_VALUE', modelAccepts: false });
  return out;
}

/** The cases for one top-level member whose valid value (sent by the extension) is `base`. */
export function memberCases(model: any, shapeName: string, base: unknown, required: boolean): Case[] {
  const shape: Shape = model.shapes[shapeName];
  const out: Case[] = [];
  if (required) out.push({ label: 'missing (required)', value: undefined, omit: true, modelAccepts: false });
  if (shape.type === 'string' && typeof base === 'string') out.push(...stringCases(model, shapeName, base));
  if ((shape.type === 'integer' || shape.type === 'long') && typeof base === 'number') {
    if (shape.min !== undefined) out.push({ label: `${shape.min - 1} (min ${shape.min})`, value: shape.min - 1, modelAccepts: false });
    if (shape.max !== undefined) out.push({ label: `${shape.max + 1} (max ${shape.max})`, value: shape.max + 1, modelAccepts: false });
  }
  if (shape.type === 'list' && Array.isArray(base) && base.length) {
    if (shape.min !== undefined && shape.min > 0) out.push({ label: `${shape.min - 1} items (min ${shape.min})`, value: base.slice(0, shape.min - 1), modelAccepts: false });
    if (shape.max !== undefined && shape.max < 1000) {
      out.push({ label: `${shape.max + 1} items (max ${shape.max})`, value: Array.from({ length: shape.max + 1 }, (_, i) => base[i % base.length]), modelAccepts: false });
    }
    const item: Shape = model.shapes[shape.member!.shape];
    if (item.type === 'string' && typeof base[0] === 'string') {
      for (const c of stringCases(model, shape.member!.shape, base[0])) {
        out.push({ ...c, label: `item ${c.label}`, value: [c.value, ...base.slice(1)], modelAccepts: c.modelAccepts && modelAccepts(model, shapeName, [c.value, ...base.slice(1)]) });
      }
    }
  }
  return out;
}

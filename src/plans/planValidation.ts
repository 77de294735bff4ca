// The plan tab's text checked with validatePlan (src/model/planSchema.ts) (the JSON Schema rules) plus the executor's
// own structural and reference checks, each problem located in the text. Pure.
import type { Plan } from '../model/plan';
import { PLAN_JSON_SCHEMA, validatePlan } from '../model/planSchema';
import { parsePlanText, type ParsedPlan } from './planText';

/** `steps.1.input.name` → ['steps', 1, 'input', 'name']. */
export function dotPathToSegments(path: string): (string | number)[] {
  if (!path) return [];
  return path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function checkPlanText(text: string): ParsedPlan {
  return parsePlanText(text, (value) => validatePlan(value).map((p) => ({ path: dotPathToSegments(p.path), message: p.message })));
}

type SchemaNode = { description?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };

/** The schema's description for a JSON path (for hover), if it has one. */
export function schemaDescription(path: (string | number)[]): string | undefined {
  let node: SchemaNode | undefined = PLAN_JSON_SCHEMA as unknown as SchemaNode;
  for (const seg of path) {
    if (!node) return undefined;
    node = typeof seg === 'number' ? node.items : node.properties?.[seg];
  }
  return node?.description;
}

export type { Plan };

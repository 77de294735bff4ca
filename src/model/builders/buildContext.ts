// What every plan builder needs besides the form: identity of the plan and where it applies.
// Ids and timestamps come from the caller so builders stay deterministic (and testable).
import type { Plan, PlanKind, PlanStep } from '../plan';

export type BuildContext = {
  planId: string;
  /** ISO-8601. */
  createdAt: string;
  profile: string;
  region: string;
  accountId?: string;
  /** Added to every tag list the plan writes (the extension adds its own marker too). */
  tags?: Record<string, string>;
};

/** Marks what this extension created, so the tree can show "created by ClickPipes PrivateLink". */
export const MANAGED_BY_TAG = { key: 'managed-by', value: 'clickpipes-privatelink-vscode' } as const;

export function allTags(ctx: BuildContext): Record<string, string> {
  return { [MANAGED_BY_TAG.key]: MANAGED_BY_TAG.value, ...(ctx.tags ?? {}) };
}

export const ref = (stepId: string, output: string) => `\${steps.${stepId}.${output}}`;

export function makePlan(
  kind: PlanKind,
  ctx: BuildContext,
  title: string,
  steps: PlanStep[],
  results: Record<string, string>,
  warnings: string[] = [],
  meta?: Record<string, string>,
): Plan {
  const plan: Plan = {
    schemaVersion: 1,
    id: ctx.planId,
    kind,
    title,
    profile: ctx.profile,
    region: ctx.region,
    createdAt: ctx.createdAt,
    steps,
    results,
    warnings,
  };
  if (ctx.accountId) plan.accountId = ctx.accountId;
  if (meta) plan.meta = meta;
  return plan;
}

/** The plan with what it leaves as it is (the summary's "no change" lines), when there is any. */
export function withUnchanged(plan: Plan, unchanged: readonly (string | false | undefined)[]): Plan {
  const kept = unchanged.filter((u): u is string => !!u);
  return kept.length ? { ...plan, unchanged: kept } : plan;
}

/** Drops undefined fields so plan JSON and CLI show only what is sent. */
export function compact<T extends Record<string, unknown>>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}

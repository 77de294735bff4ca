// The IAM roles this extension made for a database, for the explorer's database node.
//
// Cost, on purpose: IAM has no "find roles by tag" call, ListRoles returns no tags (so filtering
// by tag would need one GetRole per role in the account) and the Resource Groups Tagging API does
// not cover IAM roles. So the candidates come from this machine's apply journals (finished
// IAM DB auth applies; zero AWS requests), and each candidate is confirmed with ONE GetRole
// (it still exists, and its `clickpipes:database` tag names this database or it is ours).
// Expanding a database node therefore costs exactly one GetRole per role made for it here, and
// nothing for databases without roles. Roles made from another machine are not listed.
import * as path from 'node:path';
import type { AwsLayer, Scope } from '../aws/api';
import { IAM_DB_AUTH_TAGS, MANAGED_BY_TAG } from '../model/builders';
import type { Plan } from '../model/plan';
import type { Role } from '../model/resources';
import { FileJournalStore, JOURNALS_DIR, type JournalStore } from '../plans/journal';
import { PlanStore, PLAN_FILE } from '../plans/planStore';

export type DatabaseRole = { name: string; arn: string; dbUser?: string; clickhouseRoleArn?: string };
export type DatabaseRef = { id: string; resourceId: string };

/** The plan id prefix of IAM DB auth plans (forms/iamDbAuth.ts planPrefix). */
export const IAM_DB_AUTH_PLAN_PREFIX = 'iamdb-';

/** Roles whose role step finished (created or reused) in an apply of a plan for this database. */
export async function appliedRoles(
  journals: JournalStore, readPlan: (planId: string) => Promise<string | undefined>, scope: Scope, db: DatabaseRef,
): Promise<DatabaseRole[]> {
  const found = new Map<string, DatabaseRole>();
  const mine = (await journals.list()).filter((j) =>
    j.planId.startsWith(IAM_DB_AUTH_PLAN_PREFIX) && j.profile === scope.profile && j.region === scope.region && j.steps.role?.state === 'done');
  for (const j of mine.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))) {
    const { name, arn } = j.steps.role.outputs;
    if (!name || !arn) continue;
    let plan: Plan | undefined;
    try {
      const text = await readPlan(j.planId);
      plan = text ? (JSON.parse(text) as Plan) : undefined;
    } catch {
      plan = undefined; // an unreadable plan: its role cannot be tied to a database
    }
    if (plan?.meta?.resourceId !== db.resourceId) continue;
    found.set(name, { name, arn, dbUser: plan.meta.dbUser, clickhouseRoleArn: plan.meta.clickhouseRoleArn });
  }
  return [...found.values()];
}

/**
 * One GetRole per candidate: shown when it still exists and is tagged for this database, or is
 * ours (managed-by) — a role reused for a second database keeps the first one's tag.
 */
export async function confirmRoles(candidates: readonly DatabaseRole[], getRole: (name: string) => Promise<Role | undefined>, db: DatabaseRef): Promise<DatabaseRole[]> {
  const roles = await Promise.all(candidates.map(async (c) => ({ c, role: await getRole(c.name) })));
  return roles
    .filter(({ role }) => role && (role.tags[IAM_DB_AUTH_TAGS.database] === db.resourceId || role.tags[MANAGED_BY_TAG.key] === MANAGED_BY_TAG.value))
    .map(({ c, role }) => ({ ...c, arn: role!.arn, dbUser: role!.tags[IAM_DB_AUTH_TAGS.dbUser] ?? c.dbUser }));
}

/** What the explorer calls when a database node expands. Same directories as registerPlans. */
export function iamDbAuthRoleFinder(storageDir: string, aws: () => AwsLayer): (scope: Scope, db: DatabaseRef) => Promise<DatabaseRole[]> {
  const journals = new FileJournalStore(path.join(storageDir, JOURNALS_DIR));
  const store = new PlanStore(path.join(storageDir, 'plans'));
  return async (scope, db) => {
    const candidates = await appliedRoles(journals, (planId) => store.readText(planId, PLAN_FILE), scope, db);
    return candidates.length ? confirmRoles(candidates, (name) => aws().getRole(scope.profile, name), db) : [];
  };
}

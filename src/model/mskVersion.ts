// MSK CurrentVersion conflicts. UpdateConnectivity and PutClusterPolicy carry a version read when
// the plan was made; if the cluster or its policy changed between review and apply, MSK answers
// BadRequestException. The executor then asks this refresher for a fresh input (re-read the
// version; re-merge the policy onto the freshly read one) and tries ONCE more. Pure over `read`.
import type { PlanStep } from './plan';
import { rebaseClusterPolicy } from './mskPolicy';

export type StepRead = (operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** Re-reads what a step's input was built from; used by the executor for one retry. */
export type InputRefresher = {
  /** Did `err` say the input's version is stale (so a re-read could fix it)? */
  isStale(step: PlanStep, err: unknown): boolean;
  /** A fresh input, or undefined when a re-read would change nothing. Read errors propagate. */
  refresh(step: PlanStep, input: Record<string, unknown>, read: StepRead): Promise<Record<string, unknown> | undefined>;
};

const VERSIONED = new Set(['UpdateConnectivity', 'UpdateClusterConfiguration', 'PutClusterPolicy']);

function errorFacts(err: unknown): { name: string; message: string } {
  const e = err as { failure?: { name?: string; message?: string }; name?: string; message?: string } | undefined;
  return { name: e?.failure?.name ?? e?.name ?? '', message: e?.failure?.message ?? e?.message ?? '' };
}

function isNotFound(err: unknown): boolean {
  return /NotFound/i.test(errorFacts(err).name);
}

export const mskVersionRefresher: InputRefresher = {
  isStale(step, err) {
    if (step.service !== 'kafka' || !VERSIONED.has(step.operation)) return false;
    const { name, message } = errorFacts(err);
    // MSK says BadRequestException for a stale version; other bad requests mention other things.
    return /BadRequest/i.test(name) && /version/i.test(message);
  },

  async refresh(step, input, read) {
    const clusterArn = input.ClusterArn;
    if (typeof clusterArn !== 'string') return undefined;
    if (step.operation === 'UpdateConnectivity' || step.operation === 'UpdateClusterConfiguration') {
      const described = await read('DescribeClusterV2', { ClusterArn: clusterArn });
      const version = (described.ClusterInfo as { CurrentVersion?: unknown } | undefined)?.CurrentVersion;
      if (typeof version !== 'string' || version === input.CurrentVersion) return undefined;
      return { ...input, CurrentVersion: version };
    }
    if (step.operation === 'PutClusterPolicy' && typeof input.Policy === 'string') {
      let current: { CurrentVersion?: unknown; Policy?: unknown } | undefined;
      try {
        current = await read('GetClusterPolicy', { ClusterArn: clusterArn });
      } catch (err) {
        if (!isNotFound(err)) throw err;
        current = undefined; // deleted meanwhile: put ours as a new policy, without a version
      }
      const { CurrentVersion: _stale, ...rest } = input;
      const policy = rebaseClusterPolicy(input.Policy, typeof current?.Policy === 'string' ? current.Policy : undefined);
      return typeof current?.CurrentVersion === 'string' ? { ...rest, Policy: policy, CurrentVersion: current.CurrentVersion } : { ...rest, Policy: policy };
    }
    return undefined;
  },
};

/** The failure after the one retry: plain words for the result view and the notification. */
export function secondConflictText(step: Pick<PlanStep, 'title' | 'operation'>): string {
  const what = step.operation === 'UpdateConnectivity' ? 'the cluster' : 'the cluster policy';
  return `${step.title}: ${what} changed while this step ran (CurrentVersion conflict). The version was read again and the call retried once, and it changed again. Nothing was written by this step. Find out who else is changing it (console, Terraform, another apply), then apply again: the plan re-reads the version.`;
}

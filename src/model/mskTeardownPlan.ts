// Teardown of the MSK multi-VPC setup for ClickPipes, as a reviewed plan: take the ClickPipes
// statements out of the cluster policy (foreign ones stay), or delete the policy when nothing
// else is in it. Pure: the command reads the policy and opens the review.
import { t } from './text';
import { makePlan, type BuildContext } from './builders/buildContext';
import type { Plan, PlanStep } from './plan';
import { parsePolicy } from './policies';
import { sharedClickPipesStatements, withoutClickPipes } from './mskPolicy';

export type MskTeardownInput = {
  clusterArn: string;
  /** The policy as just read (GetClusterPolicy); null = the cluster has none. */
  policy: { currentVersion: string; document: string } | null;
};

export type MskTeardown = { plan: Plan } | { nothingToDo: string };

export function buildMskTeardownPlan(input: MskTeardownInput, ctx: BuildContext): MskTeardown {
  const name = input.clusterArn.split('/')[1] ?? input.clusterArn;
  if (!input.policy) return { nothingToDo: t('MSK cluster {0} has no cluster policy: ClickPipes is not allowed on it, nothing to remove.', name) };
  const { remaining, removed, kept } = withoutClickPipes(input.policy.document);
  if (removed === 0) return { nothingToDo: t('The cluster policy of {0} has no statement for ClickPipes (072088201116): nothing to remove.', name) };

  const step: PlanStep = remaining
    ? {
      id: 'policy',
      title: `Remove ${removed} ClickPipes statement${removed === 1 ? '' : 's'} from the cluster policy (keep ${kept})`,
      service: 'kafka',
      operation: 'PutClusterPolicy',
      input: { ClusterArn: input.clusterArn, Policy: remaining, CurrentVersion: input.policy.currentVersion },
      outputs: { version: 'CurrentVersion' },
      mutating: true,
    }
    : {
      id: 'policy',
      title: 'Delete the cluster policy (it only allows ClickPipes)',
      service: 'kafka',
      operation: 'DeleteClusterPolicy',
      input: { ClusterArn: input.clusterArn },
      outputs: {},
      mutating: true,
    };

  const warnings = [
    'Delete the ClickHouse Cloud reverse private endpoint that uses this cluster first: ClickPipes loses access as soon as this is applied.',
    'Multi-VPC connectivity stays on: other consumers may use it, and turning it off is a separate cluster update.',
  ];
  const shared = sharedClickPipesStatements(parsePolicy(input.policy.document)).length;
  if (shared) warnings.push(`${shared} statement${shared === 1 ? '' : 's'} name ClickPipes together with other principals and ${shared === 1 ? 'is' : 'are'} kept as ${shared === 1 ? 'it is' : 'they are'}: edit ${shared === 1 ? 'it' : 'them'} by hand if ClickPipes must go.`);
  if (!remaining) warnings.push('DeleteClusterPolicy has no version check: if someone added a statement after this review, it is deleted too. Apply soon after reviewing.');

  return {
    plan: makePlan('mskMultiVpc', ctx, `Remove ClickPipes from MSK cluster ${name}`, [step], { 'MSK cluster ARN': input.clusterArn }, warnings, {
      previousPolicy: input.policy.document,
      teardown: 'true',
    }),
  };
}

// What the plans need from the rest of the extension, as small interfaces: the AWS layer (loaded
// lazily), the explorer (refresh a scope, reveal a new node) and the log. extension.ts passes
// them to registerPlans; tests pass fakes.
import type { AwsLayer, Scope } from '../aws/api';
import type { ChService } from '../model/clickhouse';

export interface ExplorerHooks {
  /** Reload what is shown under this profile + region (after an apply created things there). */
  refresh(scope: Scope): void | Promise<void>;
  /** Select the node of this ARN or id under the scope, once it is loaded; no-op when absent. */
  reveal(scope: Scope, arnOrId: string): void | Promise<void>;
  /** The (profile, region) pairs the explorer shows, so the palette can skip the pickers. */
  scopes?(): Scope[];
}

export type PlansLog = { info(m: string): void; warn(m: string): void; error(m: string): void };

export type PlansDeps = {
  aws(): AwsLayer;
  /** ClickHouse Cloud AWS services the signed-in key sees (with their iamRole); undefined when signed out. */
  clickhouseServices?(): Promise<ChService[] | undefined>;
  explorer?: ExplorerHooks;
  log: PlansLog;
};

// What the plans need from the rest of the extension, as small interfaces: the AWS layer (loaded
// lazily), the ClickHouse Cloud backend, the explorer (refresh a scope, reveal a new node) and the
// log. extension.ts and features.ts pass them to registerPlans; tests pass fakes.
import type { AwsLayer, Scope } from '../aws/api';
import type { ResultState } from '../model/plan';
import type { ClickHouseStepCall } from '../clickhouse/stepCall';
import type { ClickhouseTarget } from '../model/builders/clickhouseEndpoint';
import type { ChService } from '../model/clickhouse';
import type { Diagnosis } from '../model/doctor/types';

export interface ExplorerHooks {
  /** Reload what is shown under this profile + region (after an apply created things there). */
  refresh(scope: Scope): void | Promise<void>;
  /** Select the node of this ARN or id under the scope, once it is loaded; no-op when absent. */
  reveal(scope: Scope, arnOrId: string): void | Promise<void>;
  /** The (profile, region) pairs the explorer shows, so the palette can skip the pickers. */
  scopes?(): Scope[];
  /** The doctor's verdicts for resources of this scope: their rows show them (icon and tooltip). */
  diagnosed?(scope: Scope, diagnoses: Diagnosis[]): void;
}

export type PlansLog = { info(m: string): void; warn(m: string): void; error(m: string): void };

export type PlansDeps = {
  aws(): AwsLayer;
  /** ClickHouse Cloud AWS services the signed-in key sees (with their iamRole); undefined when signed out. */
  clickhouseRoleServices?(): Promise<ChService[] | undefined>;
  explorer?: ExplorerHooks;
  log: PlansLog;
  /** The ClickHouse Cloud backend for plan steps (src/clickhouse/stepCall.ts); absent: such steps fail with a sign-in hint. */
  clickhouse?(): ClickHouseStepCall;
  /** The ClickHouse Cloud services the AWS forms may also create the endpoint in; [] when signed out. */
  clickhouseServices?(): Promise<ClickhouseTarget[]>;
  /** An apply started or ended; `running` are the plan ids being applied now (the unfinished-plans item recounts). */
  onApplyChange?(running: readonly string[]): void;
};

/** Where an apply's outcome is shown (the result webview; tests pass a recorder). */
export interface ResultSink {
  show(state: ResultState): void;
}

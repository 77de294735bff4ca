// A plan is data: ordered AWS (or ClickHouse Cloud) calls plus the documents a person reviews.
// It is what the review tab shows as JSON and what the executor applies, so it must stay
// JSON-serializable and self-describing. Builders in src/model/builders/* make plans; the
// executor in src/plans applies them; src/model/cli.ts renders them as AWS CLI commands.

export type PlanKind = 'vpcResource' | 'mskMultiVpc' | 'endpointService' | 'iamDbAuth' | 'clickhouseEndpoint' | 'doctorFix';

/** The SDK client a step calls, named like the AWS CLI service (and the endpoint-override id). */
export type StepService = 'vpc-lattice' | 'ram' | 'kafka' | 'ec2' | 'iam' | 'rds' | 'elbv2' | 'sts' | 'clickhouse';

/** Who answers a step: the AWS layer, or the ClickHouse Cloud API. The executor keeps one call per backend. */
export type Backend = 'aws' | 'clickhouse';

/** Derived from the service rather than stored, so an edited plan cannot send an AWS step elsewhere. */
export function backendOf(service: StepService): Backend {
  return service === 'clickhouse' ? 'clickhouse' : 'aws';
}

/**
 * A value in a step input may be a reference to an earlier step's output, written as the whole
 * string `${steps.<stepId>.<outputName>}`. References are resolved just before the call.
 */
export type Ref = `\${steps.${string}.${string}}`;

export type RefTarget = { stepId: string; output: string };

const WHOLE_REF = /^\$\{steps\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\}$/;

/** The reference a whole string stands for, or undefined when it is a plain value. */
export function parseRef(value: string): RefTarget | undefined {
  const m = WHOLE_REF.exec(value);
  return m ? { stepId: m[1], output: m[2] } : undefined;
}

export type WaitFor = {
  /** A read operation on the same service, e.g. GetResourceGateway. */
  operation: string;
  input: Record<string, unknown>;
  /** Dot path into the read response, e.g. `status` or `ClusterInfo.State`. */
  statusPath: string;
  success: string[];
  failure: string[];
  /** Dot path of the failure's explanation, when the read has one (else failureReason/statusMessage). */
  reasonPath?: string;
  /** Give up after this many seconds (the poller backs off 2 s → 30 s). */
  timeoutSeconds: number;
};

export type PlanStep = {
  /** Stable within the plan; also seeds the client token (plan id + step id). */
  id: string;
  title: string;
  service: StepService;
  /** The SDK command name without `Command`, e.g. CreateResourceGateway. */
  operation: string;
  input: Record<string, unknown>;
  /** Output name → dot path into the response, e.g. { id: 'id', arn: 'arn' }. */
  outputs: Record<string, string>;
  waitFor?: WaitFor;
  /** Name of the input field that takes an idempotency token, when the API has one. */
  clientTokenField?: string;
  /** Read-only steps (lookups) are not listed in the confirmation. */
  mutating: boolean;
  /**
   * When the resource may already exist (a re-run, an existing role): a read that returns it.
   * If this read succeeds the step is skipped and its outputs are read from this response.
   */
  skipIf?: SkipIf;
  /**
   * For a create with no read by name and no client token: the error code AWS answers when what
   * the step makes is already there (a resume after an answer was lost). Without `adopt` that
   * error means the desired state holds (the step is done, no outputs); with `adopt` the existing
   * resource is found in a list read and its outputs taken from it, only if `same` holds.
   */
  existsError?: ExistsError;
  /** For an API that answers 200 with per-item errors: the step fails when this dot path holds a value (its text). */
  failWhen?: { path: string };
};

export type SkipIf = {
  operation: string;
  input: Record<string, unknown>;
  /**
   * For a change to something that exists (no "already exists" answer): the step is skipped only
   * when one of these values is read (dot path → accepted values), e.g. a reboot already under way
   * after its answer was lost. Without `when`, a successful read alone skips the step.
   */
  when?: SkipWhen[];
};

export type SkipWhen = {
  path: string;
  in: string[];
  /** `path` names a list of strings: the check holds when any of its items is one of `in` (a secret already associated). */
  any?: boolean;
  /** A read of its own for this check (the skipIf read otherwise). */
  read?: { operation: string; input: Record<string, unknown> };
  /** `path` is then read in the item of this list (dot path) whose fields have these values. */
  item?: { list: string; match: Record<string, string> };
};

export type ExistsError = {
  code: string;
  adopt?: {
    operation: string;
    input: Record<string, unknown>;
    /** Dot path of the list in the read's response, and the values an item must have (field → value). */
    list: string;
    match: Record<string, string>;
    /**
     * A read of the found item (input field → dot path in the item) whose `path` must read
     * `equals`; `base64` when that value is a blob (the AWS layer answers blobs in base64).
     */
    same?: { operation: string; input: Record<string, string>; path: string; equals: string; base64?: boolean };
  };
};

export type ReviewDocument = {
  /** File name shown in the tab, e.g. `trust-policy.json`, `grant.sql`, `commands.sh`. */
  name: string;
  language: 'json' | 'sql' | 'shellscript' | 'markdown';
  content: string;
  /** Editable documents feed back into the plan (e.g. a policy); others are for reading. */
  editable: boolean;
  /** For an editable document: the step input field it was taken from and feeds back into. */
  source?: { stepId: string; field: string };
};

export type Plan = {
  schemaVersion: 1;
  id: string;
  kind: PlanKind;
  title: string;
  profile: string;
  region: string;
  /** Filled from STS before review, so the confirmation can name it. */
  accountId?: string;
  createdAt: string;
  steps: PlanStep[];
  /**
   * What the user pastes into ClickHouse Cloud at the end, e.g.
   * { 'Resource configuration ID': '${steps.configuration.id}' }.
   */
  results: Record<string, string>;
  /** Things to tell the user before apply (region not a ClickPipes region, engine notes…). */
  warnings: string[];
  /** Facts the builder used that no step carries (engine, DB user…), for the review documents. */
  meta?: Record<string, string>;
  /**
   * What the plan leaves as it is because the reads it was built from show it already so (multi-VPC
   * auth already on, IAM auth already on, an existing gateway): the summary's "no change" lines.
   */
  unchanged?: string[];
};

/** Outputs recorded by the executor, per step id. */
export type StepOutputs = Record<string, Record<string, string>>;

/** What the result view shows after an apply: the values to paste into ClickHouse Cloud. */
export type ResultItem = { label: string; value: string };
export type ResultState = {
  status: 'succeeded' | 'failed' | 'cancelled';
  planId: string;
  title: string;
  account?: string;
  region: string;
  results: ResultItem[];
  /** Failure in plain words (failed) or where it stopped (cancelled). */
  message?: string;
  /** What exists now, from this apply or an earlier interrupted one; `state` once it settled. */
  created: { title: string; state?: string; outputs: ResultItem[] }[];
};

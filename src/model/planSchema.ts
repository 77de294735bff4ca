// What a valid plan looks like, for the review editor (JSON Schema → diagnostics and hover) and for
// apply (validatePlan → precise messages). An edit that fails here blocks apply before any call.
import { CLICKPIPES_ACCOUNT_ID } from './clickpipes';
import type { PlanKind, StepService } from './plan';
import { PolicyParseError, parsePolicy } from './policies';
import * as v from './validation';

const PLAN_KINDS: PlanKind[] = ['vpcResource', 'mskMultiVpc', 'endpointService', 'iamDbAuth', 'clickhouseEndpoint', 'doctorFix'];
const SERVICES: StepService[] = ['vpc-lattice', 'ram', 'kafka', 'ec2', 'iam', 'rds', 'elbv2', 'sts', 'clickhouse'];
const STEP_ID = '^[A-Za-z0-9_-]+$';

const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const readCall = (description: string) => ({
  type: 'object',
  description,
  required: ['operation', 'input'],
  properties: {
    operation: { type: 'string', description: 'SDK command name without "Command", e.g. GetResourceGateway.' },
    input: { type: 'object', description: 'Command input; strings may be ${steps.<id>.<output>} references.' },
  },
});

/** JSON Schema (draft-07) of a plan document. */
export const PLAN_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'clickpipes-privatelink/plan.schema.json',
  title: 'ClickPipes PrivateLink plan',
  description: 'Ordered AWS (or ClickHouse Cloud) calls. Edit values here; apply runs what this document says after validation.',
  type: 'object',
  required: ['schemaVersion', 'id', 'kind', 'title', 'profile', 'region', 'createdAt', 'steps', 'results', 'warnings'],
  properties: {
    schemaVersion: { const: 1, description: 'Plan format version.' },
    id: { type: 'string', minLength: 1, description: 'Plan id; with each step id it seeds the idempotency (client) tokens.' },
    kind: { enum: PLAN_KINDS, description: 'Which flow built this plan.' },
    title: { type: 'string' },
    profile: { type: 'string', minLength: 1, description: 'AWS profile the plan is applied with.' },
    region: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d{1,2}$', description: 'AWS region the plan is applied in.' },
    accountId: { type: 'string', pattern: '^\\d{12}$', description: 'Account the profile resolves to (filled from STS).' },
    createdAt: { type: 'string', format: 'date-time' },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'title', 'service', 'operation', 'input', 'outputs', 'mutating'],
        properties: {
          id: { type: 'string', pattern: STEP_ID, description: 'Unique within the plan; referenced as ${steps.<id>.<output>}.' },
          title: { type: 'string' },
          service: { enum: SERVICES, description: 'Client the step calls (AWS CLI service name, or clickhouse).' },
          operation: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]+$', description: 'SDK command name without "Command", e.g. CreateResourceGateway.' },
          input: { type: 'object', description: 'Command input; a string "${steps.<id>.<output>}" takes an earlier step\'s output.' },
          outputs: { ...stringMap, description: 'Output name → dot path into the response (e.g. "resourceShare.resourceShareArn").' },
          waitFor: {
            type: 'object',
            description: 'Poll a read operation until the status is a success value (backoff 2 s → 30 s).',
            required: ['operation', 'input', 'statusPath', 'success', 'failure', 'timeoutSeconds'],
            properties: {
              operation: { type: 'string' },
              input: { type: 'object' },
              statusPath: { type: 'string', description: 'Dot path of the status in the read response.' },
              success: { type: 'array', items: { type: 'string' }, minItems: 1 },
              failure: { type: 'array', items: { type: 'string' } },
              reasonPath: { type: 'string', description: 'Dot path of the failure explanation in the read response.' },
              timeoutSeconds: { type: 'number', exclusiveMinimum: 0 },
            },
          },
          clientTokenField: { type: 'string', description: 'Input field that receives the idempotency token.' },
          mutating: { type: 'boolean', description: 'Mutating steps are listed in the confirmation.' },
          skipIf: {
            ...readCall('A read that, when it succeeds, means the resource exists: the step is skipped and outputs read from it.'),
            properties: {
              ...readCall('').properties,
              when: {
                type: 'array',
                description: 'Skip only when one of these dot paths in the read reads one of its values (the step already happened); otherwise the step runs.',
                items: {
                  type: 'object', required: ['path', 'in'],
                  properties: {
                    path: { type: 'string' }, in: { type: 'array', items: { type: 'string' }, minItems: 1 },
                    any: { type: 'boolean', description: 'The path names a list of strings: the check holds when any of its items is one of the values.' },
                    read: readCall('A read of its own for this check (the skipIf read otherwise).'),
                    item: { type: 'object', required: ['list', 'match'], description: 'Read path in the item of this list whose fields have these values.', properties: { list: { type: 'string' }, match: stringMap } },
                  },
                },
              },
            },
          },
          failWhen: {
            type: 'object', required: ['path'],
            description: 'For an API that answers 200 with per-item errors: the step fails when this dot path of the answer holds a value.',
            properties: { path: { type: 'string' } },
          },
          existsError: {
            type: 'object',
            description: 'The error code AWS answers when what the step makes is already there (a resume after a lost answer): alone, the step is done; with adopt, the existing resource is found and reused only if it matches.',
            required: ['code'],
            properties: {
              code: { type: 'string', minLength: 1 },
              adopt: {
                type: 'object',
                required: ['operation', 'input', 'list', 'match'],
                properties: {
                  operation: { type: 'string', description: 'A List… read.' },
                  input: { type: 'object' },
                  list: { type: 'string', description: 'Dot path of the list in the response.' },
                  match: { ...stringMap, description: 'Dot path in an item → the value it must have.' },
                  same: {
                    type: 'object', required: ['operation', 'input', 'path', 'equals'],
                    description: 'A read of the found item whose value at path must equal equals, else the step fails.',
                    properties: { operation: { type: 'string' }, input: stringMap, path: { type: 'string' }, equals: { type: 'string' }, base64: { type: 'boolean' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    results: { ...stringMap, description: 'What to paste into ClickHouse Cloud; values may be references.' },
    warnings: { type: 'array', items: { type: 'string' } },
    unchanged: { type: 'array', items: { type: 'string' }, description: 'What the plan leaves as it is (shown as no change).' },
    meta: stringMap,
  },
} as const;

export type PlanProblem = { path: string; message: string };

const REF = /\$\{steps\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\}/g;
const hasRef = (value: string) => value.includes('${steps.');
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

type FieldCheck = (value: unknown, region: string) => string | undefined;

/** Runs a string validator unless the value is (or holds) a reference, resolved only at apply. */
const str = (validator: (s: string) => string | undefined): FieldCheck => (value) => {
  if (typeof value !== 'string') return 'must be a string.';
  return hasRef(value) ? undefined : validator(value);
};
const strList = (validator: (s: readonly string[]) => string | undefined): FieldCheck => (value) => {
  if (!isStringArray(value)) return 'must be a list of strings.';
  return validator(value.filter((s) => !hasRef(s)));
};
const eachStr = (validator: (s: string) => string | undefined): FieldCheck => (value) => {
  if (!isStringArray(value)) return 'must be a list of strings.';
  for (const s of value) {
    const error = hasRef(s) ? undefined : validator(s);
    if (error) return error;
  }
  return undefined;
};
const policyJson: FieldCheck = (value) => {
  if (typeof value !== 'string') return 'must be the policy as a JSON string.';
  try {
    const doc = parsePolicy(value);
    if (doc.Statement.length === 0) return 'Policy has no statements.';
    return undefined;
  } catch (e) {
    if (e instanceof PolicyParseError) return e.message;
    throw e;
  }
};
const gatewayIdentifier = str((s) => (s.startsWith('arn:') ? undefined : v.validateResourceGatewayId(s)));
const configIdentifier = str((s) => (s.startsWith('arn:') ? undefined : v.validateResourceConfigurationId(s)));
const policyName = str((s) => (/^[\w+=,.@-]{1,128}$/.test(s) ? undefined : 'Policy name must be 1 to 128 letters, digits or +=,.@_- characters.'));

/** Known input fields per operation; dotted keys reach into nested structures. */
const FIELD_CHECKS: Record<string, Record<string, FieldCheck>> = {
  CreateResourceGateway: {
    name: str(v.validateGatewayName),
    vpcIdentifier: str(v.validateVpcId),
    subnetIds: strList(v.validateSubnetIds),
    securityGroupIds: strList(v.validateSecurityGroupIds),
  },
  CreateResourceConfiguration: {
    name: str(v.validateConfigurationName),
    type: str((s) => (['SINGLE', 'GROUP', 'CHILD', 'ARN', 'CIDR'].includes(s) ? undefined : 'Configuration type must be SINGLE, GROUP, CHILD, ARN or CIDR.')),
    portRanges: strList(v.validatePortRanges),
    resourceGatewayIdentifier: gatewayIdentifier,
    resourceConfigurationGroupIdentifier: configIdentifier,
    'resourceConfigurationDefinition.arnResource.arn': str(v.validateRdsArn),
    'resourceConfigurationDefinition.ipResource.ipAddress': str((s) => v.validateIpAddress(s)),
    'resourceConfigurationDefinition.dnsResource.domainName': str(v.validateDnsName),
  },
  GetResourceGateway: { resourceGatewayIdentifier: gatewayIdentifier },
  GetResourceConfiguration: { resourceConfigurationIdentifier: configIdentifier },
  CreateResourceShare: {
    name: str(v.validateResourceShareName),
    principals: (value) =>
      isStringArray(value) && value.includes(CLICKPIPES_ACCOUNT_ID) ? undefined : `Principals must include the ClickPipes account ${CLICKPIPES_ACCOUNT_ID}.`,
    allowExternalPrincipals: (value) =>
      value === undefined || value === true ? undefined : 'allowExternalPrincipals must be true: the ClickPipes account is outside your organization.',
  },
  UpdateConnectivity: { ClusterArn: str(v.validateMskClusterArn), CurrentVersion: str((s) => (s ? undefined : 'CurrentVersion is required.')) },
  PutClusterPolicy: { ClusterArn: str(v.validateMskClusterArn), Policy: policyJson },
  GetBootstrapBrokers: { ClusterArn: str(v.validateMskClusterArn) },
  DescribeClusterV2: { ClusterArn: str(v.validateMskClusterArn) },
  CreateVpcEndpointServiceConfiguration: {
    NetworkLoadBalancerArns: (value, region) => eachStr((s) => v.validateNlbArn(s, region))(value, region),
    SupportedRegions: eachStr(v.validateRegion),
    PrivateDnsName: str(v.validatePrivateDnsName),
  },
  ModifyVpcEndpointServiceConfiguration: {
    ServiceId: str(v.validateEndpointServiceId),
    AddSupportedRegions: eachStr(v.validateRegion),
    PrivateDnsName: str(v.validatePrivateDnsName),
  },
  ModifyVpcEndpointServicePermissions: {
    ServiceId: str(v.validateEndpointServiceId),
    AddAllowedPrincipals: eachStr((s) => (s === '*' || /^arn:aws:iam::\d{12}:(root|role\/.+|user\/.+)$/.test(s) ? undefined : `Allowed principal "${s}" must be an IAM ARN such as arn:aws:iam::${CLICKPIPES_ACCOUNT_ID}:root.`)),
  },
  CreateRole: { RoleName: str(v.validateRoleName), AssumeRolePolicyDocument: policyJson },
  GetRole: { RoleName: str(v.validateRoleName) },
  PutRolePolicy: { RoleName: str(v.validateRoleName), PolicyName: policyName, PolicyDocument: policyJson },
  CreateReversePrivateEndpoint: {
    organizationId: str(v.validateOrganizationId),
    serviceId: str(v.validateServiceId),
    'body.description': str(v.validateDescription),
    'body.vpcResourceConfigurationId': str(v.validateResourceConfigurationId),
    'body.vpcResourceShareArn': str(v.validateResourceShareArn),
    'body.mskClusterArn': str(v.validateMskClusterArn),
    'body.vpcEndpointServiceName': str(v.validateEndpointServiceName),
  },
};

function at(source: unknown, dotted: string): unknown {
  let current = source;
  for (const key of dotted.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function refsIn(value: unknown, path: string): { stepId: string; output: string; path: string }[] {
  if (typeof value === 'string') return [...value.matchAll(REF)].map((m) => ({ stepId: m[1], output: m[2], path }));
  if (Array.isArray(value)) return value.flatMap((x, i) => refsIn(x, `${path}.${i}`));
  if (isObject(value)) return Object.entries(value).flatMap(([k, x]) => refsIn(x, `${path}.${k}`));
  return [];
}

/**
 * Every problem with a plan document, each with a dot path (`steps.1.input.name`) the review
 * editor maps to a range. Empty means the plan may be applied.
 */
export function validatePlan(json: unknown): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(json)) return [{ path: '', message: 'The plan must be a JSON object.' }];

  if (json.schemaVersion !== 1) add('schemaVersion', 'schemaVersion must be 1.');
  for (const key of ['id', 'title', 'profile', 'createdAt'] as const) {
    if (typeof json[key] !== 'string' || (key !== 'title' && json[key] === '')) add(key, `${key} must be a non-empty string.`);
  }
  if (!PLAN_KINDS.includes(json.kind as PlanKind)) add('kind', `kind must be one of ${PLAN_KINDS.join(', ')}.`);
  const region = typeof json.region === 'string' ? json.region : '';
  const regionError = v.validateRegion(region);
  if (regionError) add('region', regionError);
  if (json.accountId !== undefined) {
    const e = typeof json.accountId === 'string' ? v.validateAccountId(json.accountId) : 'Account ID must be 12 digits.';
    if (e) add('accountId', e);
  }
  if (!Array.isArray(json.warnings) || !isStringArray(json.warnings)) add('warnings', 'warnings must be a list of strings.');
  if (json.unchanged !== undefined && (!Array.isArray(json.unchanged) || !isStringArray(json.unchanged))) add('unchanged', 'unchanged must be a list of strings.');
  if (!isObject(json.results) || !Object.values(json.results).every((x) => typeof x === 'string')) add('results', 'results must map labels to strings.');
  if (!Array.isArray(json.steps) || json.steps.length === 0) {
    add('steps', 'steps must be a non-empty list.');
    return problems;
  }

  const earlier = new Map<string, Set<string>>();
  const all = new Map<string, Set<string>>();
  json.steps.forEach((s) => {
    if (isObject(s) && typeof s.id === 'string' && isObject(s.outputs) && !all.has(s.id)) all.set(s.id, new Set(Object.keys(s.outputs)));
  });

  const checkRef = (ref: { stepId: string; output: string; path: string }, selfId?: string, allowSelf = false) => {
    const text = `\${steps.${ref.stepId}.${ref.output}}`;
    const self = allowSelf && ref.stepId === selfId;
    const outputs = self ? all.get(ref.stepId) : earlier.get(ref.stepId);
    if (!outputs) {
      if (all.has(ref.stepId)) add(ref.path, `${text} refers to step "${ref.stepId}", which runs ${ref.stepId === selfId ? 'in this same step' : 'later'}; only earlier steps' outputs can be used.`);
      else add(ref.path, `${text} refers to an unknown step "${ref.stepId}".`);
    } else if (!outputs.has(ref.output)) {
      add(ref.path, `${text}: step "${ref.stepId}" has no output "${ref.output}" (it has: ${[...outputs].join(', ') || 'none'}).`);
    }
  };

  json.steps.forEach((raw, i) => {
    const p = `steps.${i}`;
    if (!isObject(raw)) {
      add(p, 'Each step must be a JSON object.');
      return;
    }
    const id = typeof raw.id === 'string' ? raw.id : '';
    if (!new RegExp(STEP_ID).test(id)) add(`${p}.id`, 'Step id must be letters, digits, _ or - (used in ${steps.<id>.<output>}).');
    else if (earlier.has(id)) add(`${p}.id`, `Step id "${id}" is used twice.`);
    if (typeof raw.title !== 'string') add(`${p}.title`, 'Step title must be a string.');
    if (!SERVICES.includes(raw.service as StepService)) add(`${p}.service`, `Service must be one of ${SERVICES.join(', ')}.`);
    const operation = typeof raw.operation === 'string' ? raw.operation : '';
    if (!/^[A-Z][A-Za-z0-9]+$/.test(operation)) add(`${p}.operation`, 'Operation must be an SDK command name such as CreateResourceGateway.');
    if (typeof raw.mutating !== 'boolean') add(`${p}.mutating`, 'mutating must be true or false.');
    if (!isObject(raw.outputs) || !Object.values(raw.outputs).every((x) => typeof x === 'string')) add(`${p}.outputs`, 'outputs must map names to dot paths.');
    if (raw.clientTokenField !== undefined && typeof raw.clientTokenField !== 'string') add(`${p}.clientTokenField`, 'clientTokenField must be a string.');
    if (!isObject(raw.input)) {
      add(`${p}.input`, 'input must be a JSON object.');
    } else {
      for (const ref of refsIn(raw.input, `${p}.input`)) checkRef(ref, id);
      for (const [field, check] of Object.entries(FIELD_CHECKS[operation] ?? {})) {
        const value = at(raw.input, field);
        const required = field === 'principals' && operation === 'CreateResourceShare';
        if (value === undefined && !required) continue;
        const error = check(value, region);
        if (error) add(`${p}.input.${field}`, error.startsWith('must ') ? `${field} ${error}` : error);
      }
    }
    if (raw.waitFor !== undefined) {
      const w = raw.waitFor;
      if (!isObject(w)) add(`${p}.waitFor`, 'waitFor must be a JSON object.');
      else {
        if (typeof w.operation !== 'string' || !/^[A-Z][A-Za-z0-9]+$/.test(w.operation)) add(`${p}.waitFor.operation`, 'waitFor.operation must be a read operation such as GetResourceGateway.');
        if (typeof w.statusPath !== 'string' || !w.statusPath) add(`${p}.waitFor.statusPath`, 'waitFor.statusPath must be a dot path such as status.');
        if (!isStringArray(w.success) || w.success.length === 0) add(`${p}.waitFor.success`, 'waitFor.success must list at least one status.');
        if (!isStringArray(w.failure)) add(`${p}.waitFor.failure`, 'waitFor.failure must be a list of statuses.');
        if (w.reasonPath !== undefined && typeof w.reasonPath !== 'string') add(`${p}.waitFor.reasonPath`, 'waitFor.reasonPath must be a dot path.');
        if (typeof w.timeoutSeconds !== 'number' || !(w.timeoutSeconds > 0)) add(`${p}.waitFor.timeoutSeconds`, 'waitFor.timeoutSeconds must be a positive number.');
        if (!isObject(w.input)) add(`${p}.waitFor.input`, 'waitFor.input must be a JSON object.');
        else for (const ref of refsIn(w.input, `${p}.waitFor.input`)) checkRef(ref, id, true);
      }
    }
    if (raw.skipIf !== undefined) {
      const s = raw.skipIf;
      if (!isObject(s) || typeof s.operation !== 'string' || !isObject(s.input)) add(`${p}.skipIf`, 'skipIf must be { operation, input }.');
      else for (const ref of refsIn(s.input, `${p}.skipIf.input`)) checkRef(ref, id);
    }
    if (raw.existsError !== undefined) checkExistsError(raw.existsError, `${p}.existsError`, add);
    if (id && !earlier.has(id)) earlier.set(id, new Set(isObject(raw.outputs) ? Object.keys(raw.outputs) : []));
  });

  if (isObject(json.results)) {
    for (const [label, value] of Object.entries(json.results)) {
      for (const ref of refsIn(value, `results.${label}`)) checkRef(ref);
    }
  }
  return problems;
}

const isStringMap = (x: unknown): x is Record<string, string> => isObject(x) && Object.values(x).every((y) => typeof y === 'string');

function checkExistsError(e: unknown, p: string, add: (path: string, message: string) => void): void {
  if (!isObject(e)) return add(p, 'existsError must be { code, adopt? }.');
  if (typeof e.code !== 'string' || !e.code) add(`${p}.code`, 'existsError.code must be the AWS error code that means it already exists.');
  if (e.adopt === undefined) return;
  const a = e.adopt;
  if (!isObject(a) || typeof a.operation !== 'string' || !isObject(a.input) || typeof a.list !== 'string' || !isStringMap(a.match) || Object.keys(a.match).length === 0) {
    return add(`${p}.adopt`, 'existsError.adopt must be { operation, input, list, match (at least one field → value), same? }.');
  }
  const s = a.same;
  if (s !== undefined && (!isObject(s) || typeof s.operation !== 'string' || !isStringMap(s.input) || typeof s.path !== 'string' || typeof s.equals !== 'string'
    || (s.base64 !== undefined && typeof s.base64 !== 'boolean'))) {
    add(`${p}.adopt.same`, 'existsError.adopt.same must be { operation, input (field → dot path), path, equals, base64? }.');
  }
}

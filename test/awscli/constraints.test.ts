// The oracle, part three: botocore's service models as the reference for input constraints. Every
// call the extension's plans send (recorded while the executor applies each plan) gives a valid
// value per member; boundary cases generated from the model (required, length, pattern, enum,
// range) go to the emulator through the SDK v3 clients, which must accept and refuse exactly as
// the model says. Where a form field sends the member, its validator must refuse at least what
// the model refuses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isAwsCallError } from '../../src/aws/api';
import * as v from '../../src/model/validation';
import { FileJournalStore } from '../../src/plans/journal';
import type { StepCall } from '../../src/plans/executor';
import type { StepService } from '../../src/model/plan';
import { applyOnEmulatorClock, callThrough, control, emulatorSuite, US } from '../integration/awsEnv';
import { botocoreModel, cliTool } from './awsCli';
import { memberCases } from './boundaries';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { doctorReads, sdkSend, type ReadCall } from './doctorReads';
import { driveReads, recordSends } from './explorerReads';
import { botocorePaginator } from './pagination';
import { PLAN_CASES, seedFreeNlb } from './plans';

/** The botocore directory of each service the extension calls. */
const MODEL_DIR: Record<string, string> = {
  'vpc-lattice': 'vpc-lattice', ram: 'ram', kafka: 'kafka', ec2: 'ec2', iam: 'iam', rds: 'rds', sts: 'sts', elbv2: 'elbv2', secretsmanager: 'secretsmanager',
};

/** Error codes with which each protocol refuses input that breaks the model's constraints. */
const VALIDATION_CODES = new Set([
  'ValidationException', 'ValidationError', 'InvalidParameterValue', 'InvalidParameterValueException', 'InvalidParameter',
  'InvalidParameterException', 'MissingParameter', 'BadRequestException', 'InvalidInput', 'InvalidInputException',
  'InvalidParameterCombination', 'MalformedArnException', 'InvalidPolicyException',
  // RAM's own code for a missing member (an error of CreateResourceShare in ram/2018-01-04/service-2.json).
  'MissingRequiredParameterException',
  // RAM's code for a maxResults out of range: an error shape of ram/2018-01-04/service-2.json ("the
  // specified value for MaxResults isn't valid"), listed on GetResourceShareInvitations; that
  // GetResourceShares and GetResourceShareAssociations answer with it too is unverified.
  'InvalidMaxResultsException',
]);

/**
 * A refusal on the model's constraints, as opposed to one on meaning (a subnet that does not exist,
 * port 54320000000): Lattice says both with ValidationException, only the first names a constraint.
 */
const CONSTRAINT_MESSAGE = /failed to satisfy constraint|Member must|must not be null|is required|length (greater|less) than|regular expression/i;

type Check = (value: unknown) => string | undefined;
const one = (f: v.Validator): Check => (x) => f(typeof x === 'string' ? x : '');
const many = (f: (l: readonly string[] | undefined) => string | undefined): Check => (x) => f(Array.isArray(x) ? x.map(String) : undefined);

/** The form validator that guards each member a form field sends (members not typed by a person have none). */
const FIELD_VALIDATORS: Record<string, Check> = {
  'vpc-lattice:CreateResourceGateway:name': one(v.validateGatewayName),
  'vpc-lattice:CreateResourceGateway:vpcIdentifier': one(v.validateVpcId),
  'vpc-lattice:CreateResourceGateway:subnetIds': many(v.validateSubnetIds),
  'vpc-lattice:CreateResourceGateway:securityGroupIds': many(v.validateSecurityGroupIds),
  'vpc-lattice:CreateResourceConfiguration:name': one(v.validateConfigurationName),
  'vpc-lattice:CreateResourceConfiguration:resourceGatewayIdentifier': one(v.validateResourceGatewayId),
  'vpc-lattice:CreateResourceConfiguration:resourceConfigurationGroupIdentifier': one(v.validateResourceConfigurationId),
  'vpc-lattice:CreateResourceConfiguration:portRanges': many(v.validatePortRanges),
  'ram:CreateResourceShare:name': one(v.validateResourceShareName),
  'iam:CreateRole:RoleName': one(v.validateRoleName),
  'iam:GetRole:RoleName': one(v.validateRoleName),
  'iam:PutRolePolicy:RoleName': one(v.validateRoleName),
  'kafka:UpdateConnectivity:ClusterArn': one(v.validateMskClusterArn),
  'kafka:PutClusterPolicy:ClusterArn': one(v.validateMskClusterArn),
  'ec2:CreateVpcEndpointServiceConfiguration:PrivateDnsName': one(v.validatePrivateDnsName),
  'ec2:ModifyVpcEndpointServiceConfiguration:ServiceId': one(v.validateEndpointServiceId),
  'ec2:ModifyVpcEndpointServiceConfiguration:AddSupportedRegions': (x) => v.validateSupportedRegions(Array.isArray(x) ? x.map(String) : undefined, 'us-east-1'),
};

describe('awscli oracle: botocore models as the reference for input constraints', function () {
  this.timeout(600_000);
  const suite = emulatorSuite('demo');
  const models = new Map<string, any>();
  const model = (service: string) => {
    if (!models.has(service)) models.set(service, botocoreModel(MODEL_DIR[service], 'service-2'));
    return models.get(service);
  };
  before(() => { cliTool(); });

  type Sent = { service: string; operation: string; input: Record<string, unknown>; region?: string };
  type Send = (call: Sent) => Promise<unknown>;
  type Tally = { seen: Set<string>; mismatches: string[]; laxValidators: string[]; triples: number; validatorChecks: number; unsendable: number };
  const tally = (): Tally => ({ seen: new Set(), mismatches: [], laxValidators: [], triples: 0, validatorChecks: 0, unsendable: 0 });

  /** Every boundary case of every member of `call` not checked yet, sent through `send`, judged against the model. */
  async function checkMembers(call: Sent, send: Send, t: Tally): Promise<void> {
    const { service, operation, input } = call;
    const m = model(service);
    const op = m.operations[operation];
    assert.ok(op, `botocore has no ${service} ${operation}`);
    const shape = m.shapes[op.input.shape];
    const required = new Set<string>(shape.required ?? []);
    const tokenField = Object.entries<any>(shape.members).find(([, mm]) => mm.idempotencyToken)?.[0];
    for (const [member, base] of Object.entries(input)) {
      const key = `${service}:${operation}:${member}`;
      if (t.seen.has(key) || !shape.members[member] || member === tokenField) continue;
      t.seen.add(key);
      for (const kase of memberCases(m, shape.members[member].shape, base, required.has(member))) {
        const mutated: Record<string, unknown> = { ...input };
        if (tokenField) delete mutated[tokenField];
        if (kase.omit) delete mutated[member]; else mutated[member] = kase.value;
        const before = suite.emu.world.log.length;
        let code: string | undefined;
        let message = '';
        try {
          await send({ ...call, input: mutated });
        } catch (err) {
          code = isAwsCallError(err) ? err.failure.name : (err as Error).name;
          message = isAwsCallError(err) ? err.failure.message : (err as Error).message;
        }
        if (suite.emu.world.log.length === before) { t.unsendable++; continue; } // the SDK refused to build the request
        t.triples++;
        const refused = code !== undefined && VALIDATION_CODES.has(code);
        const onConstraint = refused && CONSTRAINT_MESSAGE.test(message);
        if (kase.modelAccepts ? onConstraint : !refused) {
          t.mismatches.push(`${service} ${operation} ${member} ${kase.label}: model ${kase.modelAccepts ? 'accepts' : 'refuses'}, emulator ${code ?? 'accepted'} ${message.slice(0, 160)}`);
        }
        const check = FIELD_VALIDATORS[key];
        if (check && !kase.modelAccepts) {
          t.validatorChecks++;
          if (!check(kase.omit ? '' : kase.value)) t.laxValidators.push(`${key} ${kase.label}: the model refuses, our validator accepts`);
        }
      }
    }
  }

  it('the emulator accepts and refuses as the model says, and our field validators are at least as strict', async () => {
    const journalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpl-oracle-c-'));
    const t = tally();
    const send: Send = ({ service, operation, input }) => suite.layer.call(US, service as StepService, operation, input);
    try {
      for (const [i, c] of PLAN_CASES.entries()) {
        await control(suite.emu.url, 'POST', 'reset', { scenario: 'demo', seed: 14 });
        await control(suite.emu.url, 'POST', 'clock/advance', { ms: 3_600_000 });
        seedFreeNlb(suite.emu);
        c.prepare?.(suite.emu);
        const plan = await c.build(suite.layer, { planId: `oracle-c-${i}`, createdAt: '2026-12-06T00:00:00.000Z', profile: US.profile, region: US.region });
        const sent: Sent[] = [];
        const through = callThrough(suite.layer);
        const recording: StepCall = async (service, operation, input) => {
          const out = await through(service, operation, input);
          sent.push({ service, operation, input });
          return out;
        };
        await applyOnEmulatorClock(suite.emu, plan, recording, new FileJournalStore(journalDir));
        for (const call of sent) await checkMembers(call, send, t);
      }
    } finally {
      fs.rmSync(journalDir, { recursive: true, force: true });
    }
    console.log(`      awscli constraints: ${t.triples} (operation, member, case) triples checked against botocore models, ${t.validatorChecks} against our field validators, ${t.unsendable} not sendable through SDK v3 (a required URI label left out), members ${t.seen.size}`);
    assert.ok(t.triples > 50, `only ${t.triples} triples checked`);
    assert.deepEqual(t.mismatches, [], 'the emulator disagrees with botocore');
    assert.deepEqual(t.laxValidators, [], 'a field validator lets through what the model refuses');
  });

  it('the connectivity doctor\'s reads: the emulator accepts and refuses as the model says', async () => {
    await control(suite.emu.url, 'POST', 'reset', { scenario: 'demo', seed: 14 });
    const t = tally();
    const calls = doctorReads(suite.emu);
    for (const call of calls) await checkMembers(call, (c) => sdkSend(suite.emu.url, c), t);
    console.log(`      awscli constraints, doctor reads: ${calls.length} reads, ${t.triples} triples checked against botocore models, ${t.unsendable} not sendable through SDK v3, members ${t.seen.size}`);
    // Most of these members have no constraint in the models beyond "required"; every one is looked at.
    assert.equal(t.seen.size, calls.reduce((n, c) => n + Object.keys(c.input).length, 0), 'a member of a doctor read was not checked');
    assert.ok(t.triples > 0, 'no triple checked');
    assert.deepEqual(t.mismatches, [], 'the emulator disagrees with botocore');
  });

  it('the AssumeRole of role_arn profiles (src/aws/credentials.ts): the emulator accepts and refuses as the model says', async () => {
    await control(suite.emu.url, 'POST', 'reset', { scenario: 'demo', seed: 14 });
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEMO_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    await suite.layer.call(US, 'iam', 'CreateRole', { RoleName: 'oracle-assumable', AssumeRolePolicyDocument: trust, MaxSessionDuration: 43200 });
    const t = tally();
    // What the SDK's role assumer sends for a profile with external_id and duration_seconds.
    const input = { RoleArn: `arn:aws:iam::${DEMO_ACCOUNT}:role/oracle-assumable`, RoleSessionName: 'aws-sdk-js-1765000000000', ExternalId: 'clickpipes-42', DurationSeconds: 3600 };
    await checkMembers({ service: 'sts', operation: 'AssumeRole', input }, (c) => sdkSend(suite.emu.url, c), t);
    console.log(`      awscli constraints, AssumeRole: ${t.triples} triples checked against botocore's sts model, members ${t.seen.size}`);
    assert.equal(t.seen.size, Object.keys(input).length, 'a member of AssumeRole was not checked');
    assert.ok(t.triples > 0, 'no triple checked');
  });

  it('the explorer\'s and the doctor\'s reads as src/aws sends them: the emulator accepts and refuses as the model says', async () => {
    await control(suite.emu.url, 'POST', 'reset', { scenario: 'demo', seed: 14 });
    // Recorded at the SDK clients; a page token is the previous answer's, not a value the extension chooses.
    const recorded = await recordSends(() => driveReads(suite.layer));
    const calls: ReadCall[] = recorded.map((c) => {
      const token = botocorePaginator(c.service, c.operation)?.input_token;
      const input = { ...c.input };
      for (const k of ([] as string[]).concat(token ?? [])) delete input[k];
      return { ...c, input };
    });
    await control(suite.emu.url, 'POST', 'reset', { scenario: 'demo', seed: 14 });
    const t = tally();
    for (const call of calls) await checkMembers(call, (c) => sdkSend(suite.emu.url, c), t);
    const members = new Set(calls.flatMap((c) => Object.keys(c.input).map((m) => `${c.service}:${c.operation}:${m}`)));
    console.log(`      awscli constraints, explorer and doctor reads (recorded): ${calls.length} reads of ${new Set(calls.map((c) => `${c.service}:${c.operation}`)).size} operations, ${t.triples} triples checked against botocore models, ${t.unsendable} not sendable through SDK v3, members ${t.seen.size}`);
    assert.equal(t.seen.size, members.size, 'a member of a read was not checked');
    assert.ok(t.triples >= 40, `only ${t.triples} triples checked`);
    assert.deepEqual(t.mismatches, [], 'the emulator disagrees with botocore');
  });
});

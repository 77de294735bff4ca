// Test plumbing for the AWS layer's integration tests: a private AWS config directory per suite
// (never ~/.aws), env vars saved and restored, and the emulator's control API.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator } from '../emulator/index';
import { writeAwsProfile } from '../emulator/awsProfile';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { createAwsLayer } from '../../src/aws/index';
import type { AwsLayer, Scope } from '../../src/aws/api';
import { applyPlan, type ApplyDeps, type ApplyOutcome, type StepCall } from '../../src/plans/executor';
import type { JournalStore } from '../../src/plans/journal';
import type { Plan } from '../../src/model/plan';
import type { FormContext } from '../../src/webviews/forms/index';

const AWS_ENV = [
  'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_STS',
  'AWS_ENDPOINT_URL_VPC_LATTICE', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'HOME', 'USERPROFILE',
];

export type AwsSandbox = { dir: string; config: string; credentials: string; restore(): void };

/**
 * A temp dir holding `config` and `credentials`; AWS_* env cleared and HOME pointed at the dir,
 * so neither the SDK nor the SSO token cache can reach the real ~/.aws.
 */
export function awsSandbox(): AwsSandbox {
  const saved = new Map(AWS_ENV.map((k) => [k, process.env[k]]));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-aws-'));
  for (const k of AWS_ENV) delete process.env[k];
  const config = path.join(dir, 'config');
  const credentials = path.join(dir, 'credentials');
  process.env.AWS_CONFIG_FILE = config;
  process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
  process.env.HOME = dir;
  process.env.USERPROFILE = dir;
  return {
    dir, config, credentials,
    restore() {
      for (const [k, v] of saved) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function control(url: string, method: string, route: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}/_emulator/${route}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`control ${method} ${route} → ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Request counts per "service:Operation" since the log was last cleared. */
export async function requestCounts(url: string): Promise<Record<string, number>> {
  return (await control(url, 'GET', 'log')).counts;
}

export const clearLog = (url: string) => control(url, 'DELETE', 'log');

// ---- emulator suites -----------------------------------------------------------------------------

export const US: Scope = { profile: 'clickpipes-demo', region: 'us-east-1' };
export const EU: Scope = { profile: 'clickpipes-demo-eu', region: 'eu-central-1' };
export const VPC = 'vpc-0aaaaaaaaaaaaaaa1';
export const SUBNETS = ['subnet-0aaaaaaaaaaaaaa01', 'subnet-0aaaaaaaaaaaaaa02'];
export const SG = 'sg-0aaaaaaaaaaaaaaa1';

export type Scenario = 'empty' | 'demo' | 'scale';
export type EmulatorEnv = { emu: RunningEmulator; box: AwsSandbox; url: string };
export type Suite = EmulatorEnv & { layer: AwsLayer };

/**
 * Mocha hooks for one suite: a sandboxed AWS config (never ~/.aws) pointing at a fresh in-process
 * emulator seeded with `scenario`, stopped and cleaned up after the suite.
 */
export function emulatorEnv(scenario: Scenario): EmulatorEnv {
  const env = {} as EmulatorEnv;
  before(async function () {
    this.timeout(60_000);
    env.box = awsSandbox();
    env.emu = await startEmulator({ scenario });
    env.url = env.emu.url;
    writeAwsProfile(env.box.dir, env.emu.url);
  });
  after(async () => {
    await env.emu?.stop();
    env.box?.restore();
  });
  return env;
}

/**
 * emulatorEnv, plus before each test the world reset to `scenario` with instant settle times and a
 * new layer (disposed after the test).
 */
export function emulatorSuite(scenario: Scenario = 'empty'): Suite {
  const s = emulatorEnv(scenario) as Suite;
  beforeEach(async function () {
    this.timeout(60_000);
    await control(s.url, 'POST', 'reset', { scenario });
    await control(s.url, 'POST', 'timings', { create: 0, update: 0, delete: 0, shareActivate: 0 });
    s.layer = createAwsLayer({ maxAttempts: 5 });
  });
  afterEach(() => s.layer?.dispose());
  return s;
}

/** A VPC with two subnets and a security group, in the EC2 record shapes the emulator keeps. */
export function seedNetwork(emu: RunningEmulator, region = 'us-east-1'): void {
  const r = emu.world.region(DEMO_ACCOUNT, region);
  r.vpcs.set(VPC, { VpcId: VPC, CidrBlock: '10.0.0.0/16', State: 'available', IsDefault: false, OwnerId: DEMO_ACCOUNT });
  SUBNETS.forEach((id, i) => r.subnets.set(id, {
    SubnetId: id, VpcId: VPC, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: `${region}${'ab'[i]}`, State: 'available', AvailableIpAddressCount: 250,
  }));
  r.securityGroups.set(SG, { GroupId: SG, GroupName: 'default', VpcId: VPC, Description: 'default', OwnerId: DEMO_ACCOUNT });
}

export async function rejection(p: Promise<unknown>): Promise<any> {
  const err = await p.then(() => undefined, (e) => e);
  assert.ok(err, 'expected a rejection');
  return err;
}

export const advance = (emu: RunningEmulator, ms = 1000) => control(emu.url, 'POST', 'clock/advance', { ms });

// ---- form sessions and the executor against the emulator ----------------------------------------

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** What a form session gets from the extension: `layer` as the AWS layer, US as the scope, opened from `node` (none by default). */
export const formContext = (layer: AwsLayer, node?: unknown): FormContext =>
  ({ deps: { aws: () => layer, log: quiet }, extensionUri: undefined as never, scope: US, node: node as never, review: async () => undefined as never });

/** The executor's AWS call, made through `layer` in US. */
export const callThrough = (layer: AwsLayer): StepCall => (service, operation, input) => layer.call(US, service, operation, input);

/** The executor applying `plan`; its sleeps advance the emulator clock, so waits really poll without real waiting. */
export function applyOnEmulatorClock(emu: RunningEmulator, plan: Plan, call: StepCall, journal: JournalStore, backends?: ApplyDeps['backends']): Promise<ApplyOutcome> {
  let t = Date.now();
  return applyPlan(plan, {
    call,
    backends,
    journal,
    now: () => t,
    sleep: async (ms) => {
      t += ms;
      await advance(emu, ms);
    },
  });
}

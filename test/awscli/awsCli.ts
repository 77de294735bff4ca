// The real AWS CLI (awscli v1 + botocore) as an oracle against the emulator. Everything here
// keeps the CLI on 127.0.0.1: a wrapper `aws` first on PATH adds --endpoint-url to every call
// (awscli v1 ignores AWS_ENDPOINT_URL for rds in us-east-1, see
// awscli/customizations/overridesslcommonname.py), proxies point at a dead local port so any
// call that still tries to leave fails, HOME is a fresh directory, and every call the wrapper saw
// must show up in the emulator's request log.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as assert from 'node:assert/strict';
import { writeAwsProfile } from '../emulator/awsProfile';
import { DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY } from '../emulator/scenarios/accounts';

/** What installs the CLI this layer expects (the Debian package is awscli v2, a different client). */
export const INSTALL_HINT = "the AWS CLI v1 is not on PATH: install it with `python3 -m pip install 'awscli==1.45.*'` (brings botocore 1.43)";

export type CliTool = { aws: string; version: string; botocoreData: string; python: string };

let tool: CliTool | undefined;

/** Finds `aws` and botocore's data directory, or fails with the line that installs them. */
export function cliTool(): CliTool {
  if (tool) return tool;
  const which = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' });
  let aws = which.status === 0 ? which.stdout.trim() : '';
  assert.ok(aws, INSTALL_HINT);
  // A pyenv shim needs pyenv's own setup; the wrapper calls the real script.
  if (aws.includes('/shims/')) {
    const real = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf8' });
    if (real.status === 0 && real.stdout.trim()) aws = real.stdout.trim();
  }
  const v = spawnSync(aws, ['--version'], { encoding: 'utf8' });
  const version = `${v.stdout}${v.stderr}`.trim();
  assert.equal(v.status, 0, `${INSTALL_HINT}\n(\`${aws} --version\` failed: ${version})`);
  assert.match(version, /^aws-cli\/1\./, `${INSTALL_HINT}\n(found ${version})`);
  const py = fs.readFileSync(aws, 'utf8').split('\n')[0].replace(/^#!\s*/, '').trim().split(/\s+/)[0] || 'python3';
  const data = spawnSync(py, ['-c', 'import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),"data"))'], { encoding: 'utf8' });
  assert.equal(data.status, 0, `${INSTALL_HINT}\n(botocore not importable by ${py}: ${data.stderr})`);
  tool = { aws, version, botocoreData: data.stdout.trim(), python: py };
  return tool;
}

export type CliSandbox = { home: string; bin: string; callLog: string; env: NodeJS.ProcessEnv; dispose(): void };

/** A fresh HOME with the emulator profiles, and a bin dir with the `aws` wrapper and a quick `sleep`. */
export function cliSandbox(endpointUrl: string): CliSandbox {
  const { aws } = cliTool();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cpl-awscli-'));
  const bin = path.join(home, 'bin');
  fs.mkdirSync(bin);
  writeAwsProfile(path.join(home, '.aws'), endpointUrl);
  const callLog = path.join(home, 'aws-calls.log');
  fs.writeFileSync(callLog, '');
  fs.writeFileSync(path.join(bin, 'aws'), [
    '#!/usr/bin/env bash',
    '# Test wrapper: every call goes to the emulator, and is recorded for the request-log check.',
    'printf \'%s %s\\n\' "$1" "$2" >> "$CPL_AWS_CALL_LOG"',
    'exec "$CPL_REAL_AWS" --endpoint-url "$CPL_ENDPOINT_URL" "$@"',
    '',
  ].join('\n'), { mode: 0o755 });
  // The scripts poll with `sleep 10`; the emulator settles at once, so a poll that does not see
  // its state on the first try is looping for good: make each turn short, the overall timeout bounds it.
  fs.writeFileSync(path.join(bin, 'sleep'), '#!/bin/sh\nexec /bin/sleep 0.2\n', { mode: 0o755 });
  const dead = 'http://127.0.0.1:9';
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH}`,
    HOME: home,
    LANG: 'C.UTF-8',
    ...(process.env.PYENV_ROOT ? { PYENV_ROOT: process.env.PYENV_ROOT } : {}),
    AWS_ACCESS_KEY_ID: DEMO_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: DEMO_SECRET_ACCESS_KEY,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: endpointUrl,
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
    HTTP_PROXY: dead, HTTPS_PROXY: dead, http_proxy: dead, https_proxy: dead,
    NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1',
    CPL_REAL_AWS: aws,
    CPL_ENDPOINT_URL: endpointUrl,
    CPL_AWS_CALL_LOG: callLog,
  };
  return { home, bin, callLog, env, dispose: () => fs.rmSync(home, { recursive: true, force: true }) };
}

export type RunResult = { code: number | null; stdout: string; stderr: string; timedOut: boolean; ms: number };

/** Runs `cmd args` in its own process group; the whole group is killed after `timeoutMs`. */
export function runBounded(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, cwd?: string): Promise<RunResult> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); resolve({ code: 127, stdout, stderr: stderr + String(e), timedOut, ms: Date.now() - t0 }); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, timedOut, ms: Date.now() - t0 }); });
  });
}

/** One `aws <service> <operation> …` through the wrapper, JSON output. */
export function awsCall(box: CliSandbox, service: string, operation: string, args: string[], timeoutMs = 60_000): Promise<RunResult> {
  return runBounded(path.join(box.bin, 'aws'), [service, operation, ...args, '--output', 'json'], box.env, timeoutMs);
}

/** The emulator's service name for a CLI service name. */
const EMULATOR_SERVICE: Record<string, string> = { elbv2: 'elasticloadbalancing' };

/** `describe-db-instances` and `DescribeDBInstances` compare equal. */
const opKey = (service: string, op: string) => `${EMULATOR_SERVICE[service] ?? service}:${op.replace(/-/g, '').toLowerCase()}`;

/**
 * Every call the wrapper recorded has a matching entry in the emulator's log (counted per
 * service and operation): a call missing there went somewhere else.
 */
export function assertAllCallsReachedEmulator(box: CliSandbox, log: { service: string; operation: string }[], inFlight = 0): number {
  const made = new Map<string, number>();
  for (const line of fs.readFileSync(box.callLog, 'utf8').split('\n').filter(Boolean)) {
    const [service, op] = line.split(' ');
    made.set(opKey(service, op), (made.get(opKey(service, op)) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  for (const e of log) seen.set(opKey(e.service, e.operation), (seen.get(opKey(e.service, e.operation)) ?? 0) + 1);
  let missing = 0;
  for (const [key, n] of made) {
    missing += Math.max(0, n - (seen.get(key) ?? 0));
    if (missing <= inFlight) continue;
    assert.ok((seen.get(key) ?? 0) >= n, `the CLI made ${n} ${key} call(s) but the emulator logged ${seen.get(key) ?? 0}: a call left the emulator`);
  }
  return [...made.values()].reduce((a, b) => a + b, 0);
}

/** Reads and parses a botocore data file (plain or .gz), newest API version of `service`. */
export function botocoreModel(service: string, file: 'service-2' | 'paginators-1' | 'waiters-2'): any {
  const dir = path.join(cliTool().botocoreData, service);
  const versions = fs.readdirSync(dir).filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)).sort();
  const base = path.join(dir, versions[versions.length - 1], `${file}.json`);
  if (fs.existsSync(base)) return JSON.parse(fs.readFileSync(base, 'utf8'));
  if (fs.existsSync(`${base}.gz`)) return JSON.parse(gunzipSync(fs.readFileSync(`${base}.gz`)).toString('utf8'));
  return undefined;
}

export type WireAnswer = { id: string; service: string; operation: string; debug: string };

/**
 * Walks each raw answer (from the CLI's --debug log) against the installed botocore's output shape
 * (wire_check.py): botocore's parsers silently drop a member the model does not name, so exit 0
 * alone does not show a misspelt or mistyped member. Returns the problems per answer id.
 */
export function wireProblems(answers: WireAnswer[]): Record<string, string[]> {
  const script = path.join(__dirname, '..', '..', '..', 'test', 'awscli', 'wire_check.py');
  const r = spawnSync(cliTool().python, [script], { input: JSON.stringify(answers), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.status, 0, `wire_check.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, string[]>;
}

/** The CLI's stderr without its --debug lines (what a failure message should show). */
export const withoutDebug = (stderr: string) => stderr.split('\n').filter((l) => !/ - (DEBUG|INFO) - |^(b'|\s)/.test(l)).join('\n').trim();

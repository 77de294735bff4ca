// Test plumbing for the AWS layer's integration tests: a private AWS config directory per suite
// (never ~/.aws), env vars saved and restored, and the emulator's control API.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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

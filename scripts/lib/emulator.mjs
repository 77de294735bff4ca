// Starts the local AWS + ClickHouse Cloud API emulator (test/emulator, compiled to out/) and
// writes the `clickpipes-demo` AWS profile pointing at it. Contract:
//   out/test/emulator/index.js      startEmulator({ port?, scenario? }) → { url, port, stop() }
//   out/test/emulator/awsProfile.js writeAwsProfile(dir, url) → { configFile, credentialsFile, profile }
// Until the emulator lands, a missing index.js is tolerated with a one-line notice;
// CPL_NO_EMULATOR=1 skips it on purpose (debugging the harness).
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/**
 * @returns {Promise<null | { url: string, port: number, stop(): Promise<void>,
 *   env: Record<string,string>, settings: Record<string,unknown>, profile: string }>}
 */
export async function startEmulatorWithProfile({ scenario = 'demo', port, awsDir }) {
  const index = path.join(REPO_ROOT, 'out', 'test', 'emulator', 'index.js');
  const profileMod = path.join(REPO_ROOT, 'out', 'test', 'emulator', 'awsProfile.js');
  if (process.env.CPL_NO_EMULATOR) {
    console.error('[harness] notice: CPL_NO_EMULATOR set, running without the AWS emulator');
    return null;
  }
  // Tests and the demo need the emulator: a missing build is an error, not a quieter run.
  if (!existsSync(index)) throw new Error(`${path.relative(REPO_ROOT, index)} not found: run npm run compile-tests first`);
  scenario = process.env.CPL_SCENARIO || scenario; // override for debugging: empty | demo | scale
  const { startEmulator } = require(index);
  let emu;
  try {
    emu = await startEmulator({ port, scenario });
  } catch (e) {
    throw new Error(`the AWS emulator did not start (scenario ${scenario}): ${e.message}`);
  }
  mkdirSync(awsDir, { recursive: true });
  const { writeAwsProfile } = require(profileMod);
  const prof = writeAwsProfile(awsDir, emu.url);
  return {
    url: emu.url,
    port: emu.port,
    stop: () => emu.stop(),
    profile: prof.profile,
    env: {
      AWS_CONFIG_FILE: prof.configFile,
      AWS_SHARED_CREDENTIALS_FILE: prof.credentialsFile,
      AWS_PROFILE: prof.profile,
      CPL_EMULATOR_URL: emu.url,
    },
    settings: { 'clickpipes.clickhouse.apiUrl': emu.url },
  };
}

/**
 * The emulator in a process of its own, as AWS would be: a bench's client-side CPU is then its own,
 * and the server's work is not billed to it. Resolves once it listens.
 * @returns {Promise<{ url: string, control(method: string, p: string): Promise<any>, stop(): Promise<void> }>}
 */
export async function spawnEmulator(scenario) {
  const { spawn } = await import('node:child_process');
  const proc = spawn(process.execPath, [path.join(REPO_ROOT, 'out', 'test', 'emulator', 'cli.js'), '--port', '0', '--scenario', scenario, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    proc.stdout.on('data', (d) => { buf += d; const m = /http:\/\/[\w.:]+/.exec(buf); if (m) resolve(m[0]); });
    proc.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before it listened`)));
  });
  return {
    url,
    control: async (method, p) => (await fetch(`${url}/_emulator/${p}`, { method })).json(),
    stop: () => new Promise((resolve) => { proc.once('exit', resolve); proc.kill('SIGTERM'); }),
  };
}

/** Points this process's AWS SDK at a written profile, exactly as the extension reads it; no credential from the environment. */
export function useAwsProfile(profile) {
  Object.assign(process.env, { AWS_CONFIG_FILE: profile.configFile, AWS_SHARED_CREDENTIALS_FILE: profile.credentialsFile, AWS_PROFILE: profile.profile });
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL']) delete process.env[k];
}

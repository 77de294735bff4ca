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

// One test/demo session: temp home → local emulator (scenario) + AWS profile in <home>/.aws →
// code-server with the emulator wired in (AWS_* env, clickpipes.clickhouse.apiUrl, CPL_EMULATOR_URL).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startEmulatorWithProfile } from './emulator.mjs';
import { makeHome, startServer } from './server.mjs';

export async function startSession({ name, scenario = 'demo', settings = {}, env = {}, installVsix, port, emulatorPort, smokeTestDriver, args } = {}) {
  const home = makeHome(name);
  let emulator;
  try {
    emulator = await startEmulatorWithProfile({ scenario, port: emulatorPort, awsDir: path.join(home, '.aws') });
  } catch (e) {
    rmSync(home, { recursive: true, force: true });
    throw e;
  }
  let server;
  try {
    server = await startServer({
      name, home, installVsix, port, smokeTestDriver, args,
      settings: { ...(emulator?.settings || {}), ...settings },
      env: { ...(emulator?.env || {}), ...env },
    });
  } catch (e) {
    await emulator?.stop();
    rmSync(home, { recursive: true, force: true });
    throw e;
  }
  return {
    home, server, emulator,
    async stop() {
      await server.stop();
      await emulator?.stop();
    },
  };
}

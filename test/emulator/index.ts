// Start the local AWS emulator: `const emu = await startEmulator({ scenario: 'demo' })`, point
// SDK clients at emu.url, and `await emu.stop()` when done.
import { createWorld, EmuWorld } from './core/world';
import { startServer } from './core/server';
import { loadScenario, ScenarioName } from './scenarios';
import type { RequestLogEntry } from './core/types';

export interface EmulatorOptions {
  port?: number;
  scenario?: ScenarioName;
  seed?: number;
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RunningEmulator { url: string; port: number; world: EmuWorld; stop(): Promise<void> }

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const scenario = options.scenario ?? 'empty';
  const world = createWorld(options.seed ?? 1);
  loadScenario(world, scenario);
  const running = await startServer({ world, port: options.port, scenario, loadScenario, onRequest: options.onRequest });
  return { url: running.url, port: running.port, world, stop: running.close };
}

export { createWorld, loadScenario };

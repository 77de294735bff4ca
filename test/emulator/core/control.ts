// The control API under /_emulator/ (JSON in, JSON out): reset, scenarios, faults, the clock,
// timings, the request log and the transition log. Tests and `npm run demo` use it; the AWS SDK never sees it.
import type { EmuResponse } from './types';
import type { EmuWorld } from './world';
import { parseFault } from './faults';

type Loader = (world: EmuWorld, name: string) => void;

function json(status: number, body: unknown): EmuResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function parseJson(body: string): Record<string, any> {
  if (!body.trim()) return {};
  const v = JSON.parse(body);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('body must be a JSON object');
  return v;
}

/** Entries plus counts per "service:Operation" (what a test asserts the extension called). */
export function logSummary(world: EmuWorld, since = 0) {
  const entries = world.log.filter((e) => e.at >= since);
  const counts: Record<string, number> = {};
  for (const e of entries) counts[`${e.service}:${e.operation}`] = (counts[`${e.service}:${e.operation}`] ?? 0) + 1;
  return { entries, counts };
}

/** Reset the world and load a scenario: the one place where "start over" is defined. */
export function resetTo(world: EmuWorld, loadScenario: Loader, scenario: string, seed?: number): void {
  world.reset(seed);
  loadScenario(world, scenario);
}

export function handleControl(
  world: EmuWorld, state: { scenario: string }, loadScenario: Loader, method: string, url: URL, rawBody: string,
): EmuResponse {
  const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
  try {
    const body = parseJson(rawBody);
    switch (route) {
      case 'GET /_emulator/health':
        return json(200, { ok: true, scenario: state.scenario, now: world.clock.now() });
      case 'POST /_emulator/reset': {
        const scenario = typeof body.scenario === 'string' ? body.scenario : state.scenario;
        resetTo(world, loadScenario, scenario, typeof body.seed === 'number' ? body.seed : undefined);
        state.scenario = scenario;
        return json(200, { scenario });
      }
      case 'POST /_emulator/scenario': {
        if (typeof body.name !== 'string') return json(400, { error: 'name is required' });
        resetTo(world, loadScenario, body.name, typeof body.seed === 'number' ? body.seed : undefined);
        state.scenario = body.name;
        return json(200, { scenario: body.name });
      }
      case 'GET /_emulator/faults':
        return json(200, { faults: world.faults });
      case 'POST /_emulator/faults': {
        const mode = body.mode ?? 'replace';
        if (mode === 'clear') { world.faults.length = 0; return json(200, { faults: [] }); }
        if (mode !== 'replace' && mode !== 'add') return json(400, { error: `mode must be replace, add or clear` });
        const list = Array.isArray(body.faults) ? body.faults : body.fault ? [body.fault] : null;
        if (!list) return json(400, { error: 'faults (array) is required' });
        const parsed = list.map(parseFault);
        if (mode === 'replace') world.faults.length = 0;
        world.faults.push(...parsed);
        return json(200, { faults: world.faults });
      }
      case 'POST /_emulator/clock/advance': {
        if (typeof body.ms !== 'number' || body.ms < 0) return json(400, { error: 'ms (number ≥ 0) is required' });
        world.clock.advance(body.ms);
        return json(200, { now: world.clock.now(), pending: world.transitions.length });
      }
      case 'GET /_emulator/clock':
        return json(200, { now: world.clock.now(), pending: world.transitions.map((t) => ({ at: t.at, label: t.label })) });
      case 'GET /_emulator/log':
        return json(200, logSummary(world, Number(url.searchParams.get('since') ?? 0)));
      case 'DELETE /_emulator/log':
        world.log.length = 0;
        return json(200, { entries: [], counts: {} });
      case 'GET /_emulator/transitions':
        return json(200, { entries: world.transitionLog });
      case 'DELETE /_emulator/transitions':
        world.transitionLog = [];
        return json(200, { entries: [] });
      case 'GET /_emulator/timings':
        return json(200, world.timings);
      case 'POST /_emulator/timings': {
        for (const k of Object.keys(body)) {
          if (!(k in world.timings)) return json(400, { error: `unknown timing '${k}'` });
          if (typeof body[k] !== 'number' || body[k] < 0) return json(400, { error: `${k} must be a number ≥ 0` });
        }
        Object.assign(world.timings, body);
        return json(200, world.timings);
      }
      default:
        return json(404, { error: `no control route ${route}` });
    }
  } catch (err) {
    return json(400, { error: (err as Error).message });
  }
}

// A tiny router for restJson services: `GET /resourcegateways/{id}` → operation + path params.
// The server also uses it to name a request's operation before the handler runs, so faults and
// the request log can target "vpc-lattice:GetResourceGateway" even when the handler never runs.
import { ApiError, EmuRequest, EmuResponse, World } from './types';
import { jsonResponse, newRequestId } from './protocols';

export interface RouteContext {
  req: EmuRequest;
  world: World;
  params: Record<string, string>;
  /** Parsed JSON body ({} when empty). */
  body: Record<string, any>;
}

export type RouteHandler = (ctx: RouteContext) => EmuResponse | unknown;

export interface Route { method: string; pattern: string; operation: string; handle: RouteHandler; status?: number }

interface CompiledRoute extends Route { regex: RegExp; names: string[] }

export interface RestRouter {
  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined;
  /** A ServiceHandler: matches, parses JSON, runs the route; a plain object result becomes JSON with the route's status. */
  handle(req: EmuRequest, world: World): EmuResponse;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  // `{Name+}` (greedy) is not needed by these services; `{Name}` matches one path segment.
  const source = route.pattern.split('/').map((seg) => {
    const m = /^\{(\w+)\}$/.exec(seg);
    if (m) { names.push(m[1]); return '([^/]+)'; }
    return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/');
  return { ...route, regex: new RegExp(`^${source}/?$`), names };
}

export function createRestRouter(routes: Route[], notFound: (method: string, path: string) => ApiError): RestRouter {
  const compiled = routes.map(compile);
  const router: RestRouter = {
    match(method, path) {
      for (const r of compiled) {
        if (r.method !== method) continue;
        const m = r.regex.exec(path);
        if (!m) continue;
        const params: Record<string, string> = {};
        r.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
        return { route: r, params };
      }
      return undefined;
    },
    handle(req, world) {
      const found = router.match(req.method, req.path);
      if (!found) throw notFound(req.method, req.path);
      req.operation = found.route.operation;
      let body: Record<string, any> = {};
      if (req.body.trim() !== '') {
        try {
          body = JSON.parse(req.body);
        } catch {
          throw new ApiError('SerializationException', 'Could not parse the request body as JSON', 400);
        }
      }
      const result = found.route.handle({ req, world, params: found.params, body });
      if (result && typeof result === 'object' && 'status' in result && 'headers' in result && 'body' in result) {
        return result as EmuResponse;
      }
      return jsonResponse(found.route.status ?? 200, result ?? {}, newRequestId());
    },
  };
  return router;
}

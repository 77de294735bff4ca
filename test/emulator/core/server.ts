// The emulator's HTTP front door: one node:http server on 127.0.0.1. It routes each request by
// the SigV4 credential scope (service + region), maps the access key to an account, applies
// due transitions and injected faults, calls the service handler and renders errors in the
// service's own wire shape. Signatures are NOT verified (a deliberate simplification).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, EmuRequest, EmuResponse, RequestLogEntry, ServiceHandler, ServiceName } from './types';
import type { EmuWorld } from './world';
import {
  accessDeniedError, internalError, invalidTokenError, newRequestId, protocolOf, renderError, throttlingError,
} from './protocols';
import type { RestRouter } from './restRouter';
import { handleControl } from './control';
import { matchingFaults, consumeFault } from './faults';
import * as lattice from '../services/vpcLattice';
import * as ram from '../services/ram';
import * as kafka from '../services/kafka';
import * as ec2 from '../services/ec2';
import * as iam from '../services/iam';
import * as sts from '../services/sts';
import * as rds from '../services/rds';
import * as elbv2 from '../services/elbv2';
import * as clickhouse from '../services/clickhouse';
import * as secretsManager from '../services/secretsManager';

interface ServiceEntry { handler: ServiceHandler; router?: RestRouter }

/** A service module may export its `router` so faults can target an operation before the handler runs. */
const routerOf = (mod: object): RestRouter | undefined =>
  (mod as { router?: RestRouter }).router ?? (mod as { clickhouseRouter?: RestRouter }).clickhouseRouter;

const SERVICES: Record<ServiceName, ServiceEntry> = {
  'vpc-lattice': { handler: lattice.handler, router: lattice.router },
  ram: { handler: ram.handler, router: ram.router },
  kafka: { handler: kafka.handler, router: kafka.router },
  ec2: { handler: ec2.handler },
  iam: { handler: iam.handler },
  sts: { handler: sts.handler },
  rds: { handler: rds.handler },
  elasticloadbalancing: { handler: elbv2.handler },
  secretsmanager: { handler: secretsManager.handler },
  clickhouse: { handler: clickhouse.clickhouseHandler, router: routerOf(clickhouse) },
};

export interface ServerOptions {
  world: EmuWorld;
  port?: number;
  /** Scenario loaded on reset when the control API names none. */
  scenario: string;
  loadScenario: (world: EmuWorld, name: string) => void;
  /** Called for every logged request (the CLI prints these). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RunningServer { server: http.Server; port: number; url: string; close(): Promise<void> }

/** `AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/vpc-lattice/aws4_request, …` */
export function parseCredentialScope(authorization: string | undefined):
  { accessKeyId: string; region: string; service: string } | undefined {
  if (!authorization) return undefined;
  const m = /Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/.exec(authorization);
  return m ? { accessKeyId: m[1], region: m[3], service: m[4] } : undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function headersOf(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  return out;
}

/** The operation name known before the handler runs (query Action or restJson route). */
function operationOf(req: EmuRequest, entry: ServiceEntry): string | undefined {
  if (req.form?.get('Action')) return req.form.get('Action')!;
  // awsJson: X-Amz-Target is `<targetPrefix>.<Operation>`, e.g. secretsmanager.ListSecrets.
  const target = req.headers['x-amz-target'];
  if (target) return target.split('.').pop();
  return entry.router?.match(req.method, req.path)?.route.operation;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { world } = opts;
  const state = { scenario: opts.scenario };

  async function handleAws(httpReq: http.IncomingMessage, httpRes: http.ServerResponse, body: string, url: URL): Promise<void> {
    const headers = headersOf(httpReq);
    const scope = parseCredentialScope(headers.authorization);
    let service: ServiceName;
    if (scope) {
      if (!Object.hasOwn(SERVICES, scope.service) || scope.service === 'clickhouse') {
        return send(httpRes, renderError('vpc-lattice', new ApiError('UnknownService', `The emulator does not serve '${scope.service}'`, 400)));
      }
      service = scope.service as ServiceName;
    } else if (url.pathname.startsWith('/v1/')) {
      service = 'clickhouse'; // ClickHouse Cloud API: HTTP Basic auth, no SigV4.
    } else {
      const res = renderError('vpc-lattice', new ApiError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403));
      return send(httpRes, res);
    }

    const req: EmuRequest = {
      service,
      region: scope?.region ?? '',
      accountId: '',
      accessKeyId: scope?.accessKeyId ?? '',
      method: (httpReq.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      body,
    };
    const proto = protocolOf(service);
    if ((proto === 'awsQuery' || proto === 'ec2') && body) req.form = new URLSearchParams(body);
    const entry = SERVICES[service];
    req.operation = operationOf(req, entry);

    world.applyDueTransitions();
    const requestId = newRequestId();
    const finish = (res: EmuResponse | undefined, errorCode?: string) => {
      const logEntry: RequestLogEntry = {
        at: world.clock.now(), service, operation: req.operation ?? 'Unknown', region: req.region,
        accountId: req.accountId, status: res?.status ?? 0, ...(errorCode ? { errorCode } : {}),
      };
      world.log.push(logEntry);
      opts.onRequest?.(logEntry);
      if (res) send(httpRes, res);
    };

    try {
      if (service !== 'clickhouse') {
        const account = world.accessKeys.get(req.accessKeyId);
        if (!account) throw invalidTokenError(service);
        req.accountId = account;
      }

      const faults = matchingFaults(world, service, req.operation);
      const latency = Math.max(0, ...faults.map((f) => f.latencyMs ?? 0));
      for (const f of faults) if (f.latencyMs) consumeFault(world, f);
      if (latency > 0) await sleep(latency);
      const drop = faults.find((f) => f.dropConnection);
      if (drop) {
        consumeFault(world, drop);
        finish(undefined, 'ConnectionDropped');
        httpReq.socket.destroy();
        return;
      }
      const throttle = faults.find((f) => (f.throttleRate ?? 0) > 0 && faultRandom() < f.throttleRate!);
      if (throttle) { consumeFault(world, throttle); throw throttlingError(service); }
      const denied = faults.find((f) => f.accessDenied);
      if (denied) { consumeFault(world, denied); throw accessDeniedError(service, req.operation ?? 'Unknown', req.accountId); }
      const broken = faults.find((f) => f.serverError);
      if (broken) { consumeFault(world, broken); throw internalError(service); }

      const res = await entry.handler(req, world);
      finish(res);
    } catch (err) {
      if (err instanceof ApiError) {
        finish(renderError(service, err, requestId), err.code);
      } else {
        console.error(`[emulator] ${service}:${req.operation ?? '?'} failed:`, err);
        const e = internalError(service);
        finish(renderError(service, e, requestId), e.code);
      }
    }
  }

  // Throttling is probabilistic; a seeded sequence keeps a test run reproducible.
  let faultSeed = 0x9e3779b9;
  const faultRandom = () => {
    faultSeed = (Math.imul(faultSeed ^ (faultSeed >>> 16), 0x45d9f3b) + 0x6b43a9b5) >>> 0;
    return faultSeed / 4294967296;
  };

  const server = http.createServer((httpReq, httpRes) => {
    readBody(httpReq).then(async (body) => {
      const url = new URL(httpReq.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/_emulator/')) {
        return send(httpRes, handleControl(world, state, opts.loadScenario, (httpReq.method ?? 'GET').toUpperCase(), url, body));
      }
      return handleAws(httpReq, httpRes, body, url);
    }).catch((err) => {
      console.error('[emulator] request failed:', err);
      if (!httpRes.headersSent) send(httpRes, { status: 500, headers: { 'content-type': 'text/plain' }, body: 'emulator error' });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        server, port, url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          // SDK clients keep sockets alive; close them so stop() does not hang.
          server.closeAllConnections();
        }),
      });
    });
  });
}

function send(res: http.ServerResponse, r: EmuResponse): void {
  if (res.destroyed) return;
  const body = Buffer.from(r.body, 'utf8');
  res.writeHead(r.status, { ...r.headers, 'content-length': String(body.length) });
  res.end(body);
}

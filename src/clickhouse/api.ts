// The ClickHouse Cloud OpenAPI client: the only code that calls it. Plain fetch + HTTP Basic auth,
// unwraps the `{status, requestId, result|error}` envelope, and turns failures into messages a
// person can act on. No `vscode` here, so it runs under plain mocha against the emulator.
// The key secret is only ever put in the Authorization header: never in a message or a log line.
import {
  toReversePrivateEndpoint, type ChOrganization, type ChService, type CreateRpeBody, type ReversePrivateEndpoint,
} from '../model/clickhouse';
import { redact } from '../model/redact';
import { DEFAULT_API_URL, type ApiKey } from './keys';

export type { ApiKey };

export type ClickHouseErrorKind = 'unauthorized' | 'forbidden' | 'notFound' | 'badRequest' | 'throttled' | 'server' | 'network';

export class ClickHouseApiError extends Error {
  constructor(
    public readonly kind: ClickHouseErrorKind,
    message: string,
    public readonly status?: number,
    public readonly requestId?: string,
  ) {
    super(message);
    // e.g. ClickHouseNotFound: callers that match /NotFound/ (the plan executor's skipIf) understand it.
    this.name = `ClickHouse${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  }
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) =>
  Promise<{ status: number; text(): Promise<string> }>;

export type ClientOptions = { baseUrl?: string; key: ApiKey; fetch?: FetchLike; timeoutMs?: number; onRequest?: (line: string) => void };

function kindOf(status: number): ClickHouseErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server';
  return 'badRequest';
}

/** What the user reads for a failed call; the server's own words where they help, never the key. */
export function describeFailure(status: number, serverMessage: string | undefined, what: string): string {
  const detail = serverMessage ? ` ${redact(serverMessage)}` : '';
  switch (kindOf(status)) {
    case 'unauthorized':
      return 'The ClickHouse Cloud API key was rejected (401). Sign in again.';
    case 'forbidden':
      return `The ClickHouse Cloud API key may not ${what} (403). Use a key with the Admin role for this organization.${detail}`;
    case 'notFound':
      return `Not found while trying to ${what} (404).${detail}`;
    case 'throttled':
      return `ClickHouse Cloud is rate-limiting requests (429); try again in a moment.`;
    case 'server':
      return `ClickHouse Cloud had a problem while trying to ${what} (${status}); try again.${detail}`;
    default:
      return `ClickHouse Cloud refused to ${what} (${status}).${detail}`;
  }
}

export class ClickHouseApi {
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.key.keyId}:${options.key.keySecret}`, 'utf8').toString('base64')}`;
    this.fetchFn = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  listOrganizations(): Promise<ChOrganization[]> {
    return this.request<Record<string, any>[]>('GET', '/v1/organizations', 'list organizations')
      .then((orgs) => orgs.map((o) => ({ id: String(o.id), name: String(o.name ?? o.id), createdAt: o.createdAt })));
  }

  listServices(organizationId: string): Promise<ChService[]> {
    return this.request<Record<string, any>[]>('GET', `/v1/organizations/${enc(organizationId)}/services`, 'list services')
      .then((list) => list.map(toService));
  }

  getService(organizationId: string, serviceId: string): Promise<ChService> {
    return this.request<Record<string, any>>('GET', `/v1/organizations/${enc(organizationId)}/services/${enc(serviceId)}`, 'read the service')
      .then(toService);
  }

  listReversePrivateEndpoints(organizationId: string, serviceId: string): Promise<ReversePrivateEndpoint[]> {
    return this.request<Record<string, any>[]>('GET', rpePath(organizationId, serviceId), 'list reverse private endpoints')
      .then((list) => (Array.isArray(list) ? list : []).map(toReversePrivateEndpoint));
  }

  getReversePrivateEndpoint(organizationId: string, serviceId: string, id: string): Promise<ReversePrivateEndpoint> {
    return this.request<Record<string, any>>('GET', `${rpePath(organizationId, serviceId)}/${enc(id)}`, 'read the reverse private endpoint')
      .then(toReversePrivateEndpoint);
  }

  createReversePrivateEndpoint(organizationId: string, serviceId: string, body: CreateRpeBody): Promise<ReversePrivateEndpoint> {
    return this.request<Record<string, any>>('POST', rpePath(organizationId, serviceId), 'create the reverse private endpoint', body)
      .then(toReversePrivateEndpoint);
  }

  deleteReversePrivateEndpoint(organizationId: string, serviceId: string, id: string): Promise<void> {
    return this.request('DELETE', `${rpePath(organizationId, serviceId)}/${enc(id)}`, 'delete the reverse private endpoint').then(() => undefined);
  }

  private async request<T>(method: string, path: string, what: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: this.authorization, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let res: { status: number; text(): Promise<string> };
    let text: string;
    try {
      res = await this.fetchFn(`${this.baseUrl}${path}`, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal,
      });
      text = await res.text();
    } catch (e) {
      const reason = controller.signal.aborted ? `no answer within ${this.timeoutMs / 1000} s` : String((e as Error)?.cause ?? (e as Error)?.message ?? e);
      throw new ClickHouseApiError('network', `Could not reach ClickHouse Cloud at ${this.baseUrl} to ${what}: ${redact(reason)}`);
    } finally {
      clearTimeout(timer);
    }
    this.options.onRequest?.(`${method} ${path} → ${res.status}`);
    let envelope: Record<string, any> | undefined;
    try {
      envelope = text ? JSON.parse(text) : undefined;
    } catch {
      envelope = undefined;
    }
    if (res.status < 200 || res.status >= 300) {
      const serverMessage = typeof envelope?.error === 'string' ? envelope.error : undefined;
      throw new ClickHouseApiError(kindOf(res.status), describeFailure(res.status, serverMessage, what), res.status, envelope?.requestId);
    }
    if (!envelope || !('result' in envelope)) {
      if (method === 'DELETE') return undefined as T;
      throw new ClickHouseApiError('server', `ClickHouse Cloud answered without a result while trying to ${what}.`, res.status);
    }
    return envelope.result as T;
  }
}

const enc = encodeURIComponent;
const rpePath = (org: string, service: string) => `/v1/organizations/${enc(org)}/services/${enc(service)}/clickpipesReversePrivateEndpoints`;

function toService(raw: Record<string, any>): ChService {
  return {
    id: String(raw.id), name: String(raw.name ?? raw.id), provider: String(raw.provider ?? ''), region: String(raw.region ?? ''),
    state: raw.state, iamRole: raw.iamRole, createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : undefined,
  };
}

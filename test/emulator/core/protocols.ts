// Wire-protocol knowledge shared by the server and the service handlers: which protocol each
// service speaks, how an ApiError looks on that wire (so the SDK raises its typed exception),
// the per-protocol codes for faults and auth failures, and small helpers for query-protocol
// parameters and pagination.
import { randomUUID } from 'node:crypto';
import { ApiError, EmuRequest, EmuResponse, ServiceName } from './types';

export type Protocol = 'restJson' | 'json' | 'awsQuery' | 'ec2' | 'clickhouse';

export function protocolOf(service: ServiceName): Protocol {
  switch (service) {
    case 'vpc-lattice': case 'ram': case 'kafka': return 'restJson';
    case 'ec2': return 'ec2';
    case 'secretsmanager': return 'json';
    case 'clickhouse': return 'clickhouse';
    default: return 'awsQuery';
  }
}

/** XML namespaces of the awsQuery services (used in both success and error documents). */
export const XML_NAMESPACES: Record<string, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
  elasticloadbalancing: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  ec2: 'http://ec2.amazonaws.com/doc/2016-11-15/',
};

export function newRequestId(): string {
  return randomUUID();
}

export function xmlEscape(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Codes the server uses for faults and authentication, per service (each is a modeled or well-known AWS code). */
interface FaultCodes { throttle: [string, number]; denied: [string, number]; internal: [string, number]; badToken: [string, number] }
const FAULT_CODES: Record<ServiceName, FaultCodes> = {
  'vpc-lattice': { throttle: ['ThrottlingException', 429], denied: ['AccessDeniedException', 403], internal: ['InternalServerException', 500], badToken: ['UnrecognizedClientException', 403] },
  ram: { throttle: ['ThrottlingException', 429], denied: ['AccessDeniedException', 403], internal: ['ServerInternalException', 500], badToken: ['UnrecognizedClientException', 403] },
  kafka: { throttle: ['TooManyRequestsException', 429], denied: ['ForbiddenException', 403], internal: ['InternalServerErrorException', 500], badToken: ['UnrecognizedClientException', 403] },
  ec2: { throttle: ['RequestLimitExceeded', 503], denied: ['UnauthorizedOperation', 403], internal: ['InternalError', 500], badToken: ['AuthFailure', 401] },
  iam: { throttle: ['Throttling', 400], denied: ['AccessDenied', 403], internal: ['InternalFailure', 500], badToken: ['InvalidClientTokenId', 403] },
  sts: { throttle: ['Throttling', 400], denied: ['AccessDenied', 403], internal: ['InternalFailure', 500], badToken: ['InvalidClientTokenId', 403] },
  rds: { throttle: ['Throttling', 400], denied: ['AccessDenied', 403], internal: ['InternalFailure', 500], badToken: ['InvalidClientTokenId', 403] },
  elasticloadbalancing: { throttle: ['Throttling', 400], denied: ['AccessDenied', 403], internal: ['InternalFailure', 500], badToken: ['InvalidClientTokenId', 403] },
  // Secrets Manager: InternalServiceError is modeled (botocore secretsmanager 2017-10-17); the
  // throttle, denied and token codes are the common awsJson ones (unverified for this service).
  secretsmanager: { throttle: ['ThrottlingException', 400], denied: ['AccessDeniedException', 400], internal: ['InternalServiceError', 500], badToken: ['UnrecognizedClientException', 400] },
  clickhouse: { throttle: ['TooManyRequests', 429], denied: ['Forbidden', 403], internal: ['InternalServerError', 500], badToken: ['Unauthorized', 401] },
};

export function throttlingError(service: ServiceName): ApiError {
  const [code, status] = FAULT_CODES[service].throttle;
  return new ApiError(code, 'Rate exceeded', status);
}
export function accessDeniedError(service: ServiceName, operation: string, accountId: string): ApiError {
  const [code, status] = FAULT_CODES[service].denied;
  return new ApiError(code, `User: arn:aws:iam::${accountId}:user/emulator is not authorized to perform: ${service}:${operation}`, status);
}
export function internalError(service: ServiceName): ApiError {
  const [code, status] = FAULT_CODES[service].internal;
  return new ApiError(code, 'We encountered an internal error. Please try again.', status);
}
export function invalidTokenError(service: ServiceName): ApiError {
  const [code, status] = FAULT_CODES[service].badToken;
  const message = service === 'ec2' ? 'AWS was not able to validate the provided access credentials'
    : 'The security token included in the request is invalid.';
  return new ApiError(code, message, status);
}

export function jsonResponse(status: number, body: unknown, requestId = newRequestId()): EmuResponse {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: text };
}

export function xmlResponse(status: number, xml: string, requestId = newRequestId()): EmuResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: xml };
}

/** Render an ApiError the way the service's protocol does on the wire. */
export function renderError(service: ServiceName, err: ApiError, requestId = newRequestId()): EmuResponse {
  switch (protocolOf(service)) {
    case 'restJson': {
      // The SDK reads the code from x-amzn-ErrorType and the members from the JSON body.
      const res = jsonResponse(err.status, { message: err.message, ...err.extra }, requestId);
      res.headers['x-amzn-errortype'] = err.code;
      return res;
    }
    case 'json': {
      // awsJson 1.1: the code in the body's __type (the SDK also reads x-amzn-ErrorType).
      const res = jsonResponse(err.status, { __type: err.code, message: err.message, ...err.extra }, requestId);
      res.headers['content-type'] = 'application/x-amz-json-1.1';
      res.headers['x-amzn-errortype'] = err.code;
      return res;
    }
    case 'ec2':
      return xmlResponse(err.status,
        `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${xmlEscape(err.code)}</Code>` +
        `<Message>${xmlEscape(err.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`, requestId);
    case 'awsQuery': {
      const type = err.status >= 500 ? 'Receiver' : 'Sender';
      return xmlResponse(err.status,
        `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${XML_NAMESPACES[service]}"><Error><Type>${type}</Type>` +
        `<Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error>` +
        `<RequestId>${requestId}</RequestId></ErrorResponse>`, requestId);
    }
    case 'clickhouse':
      // ClickHouse Cloud OpenAPI envelope: { status, requestId, error }.
      return jsonResponse(err.status, { status: err.status, requestId, error: err.message, ...err.extra }, requestId);
  }
}

// ---- query-protocol parameter helpers (awsQuery and ec2) -------------------------------------

/** The code AWS uses for a missing required parameter on this service. */
function missingParamCode(service: ServiceName): string {
  return service === 'ec2' || service === 'rds' ? 'MissingParameter' : 'ValidationError';
}

/** A required form parameter, or the service's "missing parameter" error. */
export function requireParam(req: EmuRequest, name: string): string {
  const value = req.form?.get(name);
  if (value === null || value === undefined || value === '') {
    throw new ApiError(missingParamCode(req.service),
      req.service === 'ec2' || req.service === 'rds'
        ? `The request must contain the parameter ${name}`
        : `1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function optionalParam(req: EmuRequest, name: string): string | undefined {
  const value = req.form?.get(name);
  return value === null || value === undefined ? undefined : value;
}

export function boolParam(req: EmuRequest, name: string): boolean | undefined {
  const v = optionalParam(req, name);
  return v === undefined ? undefined : v === 'true';
}

/**
 * A list parameter: awsQuery encodes `Name.member.1`, `Name.member.2`…; ec2 encodes `Name.1`,
 * `Name.2`…. Both shapes are accepted so one helper serves every query service.
 */
export function listParam(req: EmuRequest, name: string): string[] {
  const form = req.form;
  if (!form) return [];
  const out: Array<[number, string]> = [];
  const re = new RegExp(`^${name.replace(/\./g, '\\.')}\\.(?:member\\.)?(\\d+)$`);
  for (const [k, v] of form) {
    const m = re.exec(k);
    if (m) out.push([Number(m[1]), v]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** A list of structures: `Prefix.member.N.Field` (awsQuery) or `Prefix.N.Field` (ec2) → objects. */
export function structListParam(req: EmuRequest, name: string): Array<Record<string, string>> {
  const form = req.form;
  if (!form) return [];
  const byIndex = new Map<number, Record<string, string>>();
  const re = new RegExp(`^${name.replace(/\./g, '\\.')}\\.(?:member\\.)?(\\d+)\\.(.+)$`);
  for (const [k, v] of form) {
    const m = re.exec(k);
    if (!m) continue;
    const i = Number(m[1]);
    if (!byIndex.has(i)) byIndex.set(i, {});
    byIndex.get(i)![m[2]] = v;
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** EC2/RDS filters: `Filter.N.Name` + `Filter.N.Value.M` (ec2) or `Filters.Filter.N.Name` + `…Values.Value.M` (rds). */
export function filtersParam(req: EmuRequest): Array<{ name: string; values: string[] }> {
  const form = req.form;
  if (!form) return [];
  const filters = new Map<string, { name: string; values: Array<[number, string]> }>();
  for (const [k, v] of form) {
    let m = /^Filter\.(\d+)\.Name$/.exec(k) ?? /^Filters\.(?:member|Filter)\.(\d+)\.Name$/.exec(k);
    if (m) { (filters.get(m[1]) ?? filters.set(m[1], { name: '', values: [] }).get(m[1])!).name = v; continue; }
    m = /^Filter\.(\d+)\.Value\.(\d+)$/.exec(k) ?? /^Filters\.(?:member|Filter)\.(\d+)\.Values\.(?:member|Value)\.(\d+)$/.exec(k);
    if (m) (filters.get(m[1]) ?? filters.set(m[1], { name: '', values: [] }).get(m[1])!).values.push([Number(m[2]), v]);
  }
  return [...filters.entries()].sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, f]) => ({ name: f.name, values: f.values.sort((a, b) => a[0] - b[0]).map(([, v]) => v) }));
}

// ---- pagination ---------------------------------------------------------------------------------

/**
 * Opaque page tokens: base64url of `<scope>|<offset>`. The scope (e.g. "lattice:gateways") stops
 * a token from one listing being replayed against another, as AWS does.
 */
export function encodePageToken(scope: string, offset: number): string {
  return Buffer.from(`${scope}|${offset}`, 'utf8').toString('base64url');
}

/** Offset from a token, or undefined when the token is malformed or belongs to another listing. */
export function decodePageToken(scope: string, token: string): number | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const bar = text.lastIndexOf('|');
  if (bar < 0 || text.slice(0, bar) !== scope) return undefined;
  const n = Number(text.slice(bar + 1));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * One page of `items`. `badToken` builds the service's own invalid-token error.
 */
export function paginate<T>(items: T[], opts: { scope: string; pageSize: number; token?: string; badToken: () => ApiError }): { page: T[]; nextToken?: string } {
  let start = 0;
  if (opts.token !== undefined && opts.token !== '') {
    const decoded = decodePageToken(opts.scope, opts.token);
    if (decoded === undefined) throw opts.badToken();
    start = decoded;
  }
  const page = items.slice(start, start + opts.pageSize);
  const next = start + opts.pageSize;
  return { page, nextToken: next < items.length ? encodePageToken(opts.scope, next) : undefined };
}

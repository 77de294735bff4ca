// Secrets Manager (awsJson 1.1, 2017-10-17): ListSecrets only, what the doctor's SASL/SCRAM fix
// reads to offer the account's AmazonMSK_ secrets. Members, filter keys and limits follow botocore's
// secretsmanager service-2.json (ListSecretsRequest: Filters of Key/Values, Values 1–10, MaxResults
// 1–100; Filter key `name` is a case-sensitive prefix match). Secrets carry no value here: the
// emulator never holds a password. A leading `!` (negation) and the `all` key are not emulated.
import { jsonResponse, paginate } from '../core/protocols';
import { ApiError, EmuRequest, World } from '../core/types';

type Rec = Record<string, any>;
const FILTER_KEYS = new Set(['description', 'name', 'tag-key', 'tag-value', 'primary-region', 'owning-service', 'all']);

const invalid = (message: string) => new ApiError('InvalidParameterException', message, 400);

function body(req: EmuRequest): Rec {
  if (!req.body) return {};
  try {
    const parsed: unknown = JSON.parse(req.body);
    return parsed && typeof parsed === 'object' ? parsed as Rec : {};
  } catch {
    throw new ApiError('SerializationException', 'The request body is not valid JSON.', 400);
  }
}

/** Does a secret pass one filter (prefix match, case-sensitive but for description)? */
function passes(secret: Rec, key: string, values: string[]): boolean {
  if (values.some((v) => v.startsWith('!'))) throw invalid('Negated filter values are not supported by the emulator.');
  switch (key) {
    case 'name': return values.some((v) => String(secret.Name).startsWith(v));
    case 'description': return values.some((v) => String(secret.Description ?? '').toLowerCase().startsWith(v.toLowerCase()));
    default: throw invalid(`The emulator does not filter on ${key}.`);
  }
}

function listSecrets(req: EmuRequest, world: World) {
  const input = body(req);
  const max = input.MaxResults;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 100)) {
    throw invalid(`1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`);
  }
  const filters: Rec[] = Array.isArray(input.Filters) ? input.Filters : [];
  // FiltersListType: max 10 (botocore secretsmanager model).
  if (filters.length > 10) {
    throw invalid(`1 validation error detected: Value at 'filters' failed to satisfy constraint: Member must have length less than or equal to 10`);
  }
  for (const f of filters) {
    if (!FILTER_KEYS.has(f.Key)) throw invalid(`Invalid filter key: ${String(f.Key)}`);
    if (!Array.isArray(f.Values) || f.Values.length < 1 || f.Values.length > 10) throw invalid('A filter needs 1 to 10 values.');
  }
  const all = [...world.region(req.accountId, req.region).secrets.values()]
    .filter((s) => filters.every((f) => passes(s, f.Key, f.Values)))
    .sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
  const { page, nextToken } = paginate(all, {
    scope: `secrets:${req.accountId}:${req.region}:${JSON.stringify(filters)}`, pageSize: max ?? 100, token: input.NextToken,
    badToken: () => new ApiError('InvalidNextTokenException', 'The NextToken value is not valid.', 400),
  });
  return { SecretList: page, ...(nextToken ? { NextToken: nextToken } : {}) };
}

export function handler(req: EmuRequest, world: World) {
  const res = (() => {
    switch (req.operation) {
      case 'ListSecrets': return listSecrets(req, world);
      default: throw new ApiError('UnknownOperationException', `The emulator does not serve secretsmanager ${req.operation ?? ''}.`, 400);
    }
  })();
  const out = jsonResponse(200, res);
  out.headers['content-type'] = 'application/x-amz-json-1.1';
  return out;
}

// Query-protocol parameter parsing beyond the core helpers: bounded integers, tag lists in both
// encodings, wildcard filter matching and paging limits, each failing with the service's own code.
import { listParam, optionalParam, paginate, structListParam } from '../../core/protocols';
import { ApiError, EmuRequest } from '../../core/types';

/** An optional integer parameter that must lie in [min, max]. */
export function intParam(req: EmuRequest, name: string, min: number, max: number, code = 'InvalidParameterValue'): number | undefined {
  const raw = optionalParam(req, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    // IAM and ELBv2 phrase it as a modeled-constraint failure; EC2 and RDS name the parameter.
    throw new ApiError(code, code === 'ValidationError'
      ? `1 validation error detected: Value '${raw}' at '${name[0].toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must have value between ${min} and ${max}`
      : `Value (${raw}) for parameter ${name} is invalid. Expecting a value between ${min} and ${max}.`);
  }
  return n;
}

/**
 * A page size above `max` answered with `max` items, not refused: the VPC endpoint Describe calls'
 * MaxResults ("can be between 5 and 1,000; if MaxResults is given a value larger than 1,000, only
 * 1,000 results are returned": botocore ec2 model, member documentation). Below `min` is refused.
 */
export function clampedIntParam(req: EmuRequest, name: string, min: number, max: number): number | undefined {
  const raw = optionalParam(req, name);
  const n = Number(raw);
  if (raw !== undefined && Number.isInteger(n) && n > max) return max;
  return intParam(req, name, min, max);
}

export interface Tag { Key: string; Value: string }

/** awsQuery tags: `Tags.member.N.Key` / `Tags.member.N.Value`. */
export function queryTags(req: EmuRequest, name = 'Tags'): Tag[] {
  return structListParam(req, name).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
}

/** EC2 tags for one resource type: `TagSpecification.N.ResourceType` + `TagSpecification.N.Tag.M.Key`. */
export function ec2TagSpecifications(req: EmuRequest, resourceType: string): Tag[] {
  const tags: Tag[] = [];
  for (const spec of structListParam(req, 'TagSpecification')) {
    if (spec.ResourceType !== resourceType) {
      throw new ApiError('InvalidParameterValue', `'${spec.ResourceType}' is not a valid taggable resource type for this operation.`);
    }
    const byIndex = new Map<number, Tag>();
    for (const [k, v] of Object.entries(spec)) {
      const m = /^Tag\.(\d+)\.(Key|Value)$/.exec(k);
      if (!m) continue;
      const tag = byIndex.get(Number(m[1])) ?? { Key: '', Value: '' };
      tag[m[2] as 'Key' | 'Value'] = v;
      byIndex.set(Number(m[1]), tag);
    }
    tags.push(...[...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t));
  }
  return tags;
}

/** EC2 filter values may use `*` (any run) and `?` (one character) wildcards. */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === value;
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(value);
}

/**
 * Filters as EC2 applies them: AND across filters, OR across one filter's values. `fields` maps a
 * filter name to the record's candidate values; `tag:<key>` and `tag-key` are understood for any
 * record with `Tags`. An unknown filter name is an error, as on AWS.
 */
export function matchesFilters(
  record: Record<string, any>,
  filters: Array<{ name: string; values: string[] }>,
  fields: Record<string, (r: Record<string, any>) => unknown>,
  code = 'InvalidParameterValue',
): boolean {
  for (const f of filters) {
    let candidates: unknown;
    if (f.name.startsWith('tag:')) {
      const key = f.name.slice(4);
      candidates = (record.Tags ?? []).filter((t: Tag) => t.Key === key).map((t: Tag) => t.Value);
    } else if (f.name === 'tag-key') {
      candidates = (record.Tags ?? []).map((t: Tag) => t.Key);
    } else if (fields[f.name]) {
      candidates = fields[f.name](record);
    } else {
      throw new ApiError(code, `The filter '${f.name}' is invalid`);
    }
    const list = (Array.isArray(candidates) ? candidates : [candidates]).filter((c) => c !== undefined && c !== null).map(String);
    if (!f.values.some((pattern) => list.some((c) => wildcardMatch(pattern, c)))) return false;
  }
  return true;
}

/** Check filter names even when there is nothing to filter (AWS rejects an unknown filter regardless). */
export function checkFilterNames(filters: Array<{ name: string }>, known: string[], code = 'InvalidParameterValue'): void {
  for (const f of filters) {
    if (!f.name.startsWith('tag:') && f.name !== 'tag-key' && !known.includes(f.name)) {
      throw new ApiError(code, `The filter '${f.name}' is invalid`);
    }
  }
}

/** One page, with the token scoped to the caller's account and region so it cannot be replayed elsewhere. */
export function page<T>(req: EmuRequest, listing: string, items: T[], pageSize: number, token: string | undefined, badToken: () => ApiError) {
  // IAM is global: a marker from one signing region keeps working in another.
  const where = req.service === 'iam' ? 'global' : req.region;
  return paginate(items, { scope: `${req.service}:${listing}:${req.accountId}:${where}`, pageSize, token, badToken });
}

export { listParam, optionalParam };

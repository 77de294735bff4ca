// What botocore's paginators-1.json and service-2.json say about one paginated operation, and what
// the SDK v3 paginator and src/aws do with it. Read at test time; nothing here is copied from a model.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { botocoreModel } from './awsCli';

export type Paginator = { input_token: string | string[]; output_token: string | string[]; limit_key?: string; result_key: string | string[]; more_results?: string };

/** botocore's paginator of `operation`, if any. */
export function botocorePaginator(service: string, operation: string): Paginator | undefined {
  return botocoreModel(service, 'paginators-1')?.pagination?.[operation];
}

/**
 * The limit key's range: the model's min/max, else the range its documentation states ("Constraints:
 * Minimum 20, maximum 100", "can be between 5 and 1,000; if MaxResults is given a value larger than
 * 1,000, only 1,000 results are returned": `clamped` then says a larger value is answered, not refused).
 */
export function limitRange(service: string, operation: string, limitKey: string): { min?: number; max?: number; clamped: boolean; source: string } {
  const model = botocoreModel(service, 'service-2');
  const member = model.shapes[model.operations[operation].input.shape].members[limitKey];
  const shape = model.shapes[member.shape];
  const doc = String(member.documentation ?? '').replace(/(\d),(\d{3})/g, '$1$2');
  const docMin = /Minimum (\d+)/i.exec(doc)?.[1] ?? /between (\d+) and \d+/.exec(doc)?.[1];
  const docMax = /maximum (\d+)/i.exec(doc)?.[1] ?? /between \d+ and (\d+)/.exec(doc)?.[1];
  const clamped = /larger than (\d+), only \1 results are returned/.test(doc);
  if (shape.min !== undefined || shape.max !== undefined) return { min: shape.min, max: shape.max, clamped, source: 'model' };
  return { min: docMin ? Number(docMin) : undefined, max: docMax ? Number(docMax) : undefined, clamped, source: docMin || docMax ? 'model documentation' : 'none' };
}

/** SDK v3 package directory name of each CLI service name. */
const SDK_PACKAGE: Record<string, string> = {
  'vpc-lattice': 'client-vpc-lattice', ram: 'client-ram', kafka: 'client-kafka', ec2: 'client-ec2', iam: 'client-iam', sts: 'client-sts',
  rds: 'client-rds', elbv2: 'client-elastic-load-balancing-v2', secretsmanager: 'client-secrets-manager',
};

const sdkText = new Map<string, string>();

/** The token names SDK v3's paginator for `operation` uses: createPaginator(Client, Command, input, output, page size). */
export function sdkPaginator(root: string, service: string, operation: string): { input: string; output: string; limit: string } | undefined {
  const file = path.join(root, 'node_modules', '@aws-sdk', SDK_PACKAGE[service], 'dist-cjs', 'index.js');
  if (!sdkText.has(file)) sdkText.set(file, fs.readFileSync(file, 'utf8'));
  const m = new RegExp(`paginate${operation} = (?:\\w+\\.)?createPaginator\\(\\w+, ${operation}Command, "([^"]*)", "([^"]*)", "([^"]*)"\\)`).exec(sdkText.get(file)!);
  return m ? { input: m[1], output: m[2], limit: m[3] } : undefined;
}

export type PaginatedUse = { file: string; service: string; operation: string; items: string | undefined };

/**
 * Each `paginateX({ client }, …)` in src/aws with the member it takes each page's items from
 * (`allPages(paginateX(…), (p) => p.Items)`), and the service of the package it is imported from.
 */
export function paginatedUses(srcAws: string, serviceOf: Record<string, string>): PaginatedUse[] {
  const out: PaginatedUse[] = [];
  for (const file of fs.readdirSync(srcAws).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(srcAws, file), 'utf8');
    const pkgOf = new Map<string, string>();
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/(client-[a-z0-9-]+)'/g)) {
      for (const name of m[1].split(',').map((s) => s.trim()).filter(Boolean)) pkgOf.set(name, serviceOf[m[2]]);
    }
    for (const m of text.matchAll(/paginate([A-Z]\w+)\(\{ client \}/g)) {
      const after = text.slice(m.index!);
      out.push({ file, service: pkgOf.get(`paginate${m[1]}`) ?? '?', operation: m[1], items: /\(p\) => p\.(\w+)\)/.exec(after)?.[1] });
    }
  }
  return out;
}

/** Each `XCommand` src/aws imports by name (the executor's table in call.ts is the plans' own), with its service. */
export function plainCommands(srcAws: string, serviceOf: Record<string, string>): { file: string; service: string; operation: string }[] {
  const out: { file: string; service: string; operation: string }[] = [];
  for (const file of fs.readdirSync(srcAws).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(srcAws, file), 'utf8');
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/(client-[a-z0-9-]+)'/g)) {
      for (const name of m[1].split(',').map((s) => s.trim().split(/\s+as\s+/)[0]).filter(Boolean)) {
        const op = /^([A-Z]\w+)Command$/.exec(name)?.[1];
        if (op) out.push({ file, service: serviceOf[m[2]], operation: op });
      }
    }
  }
  return out;
}

// The AWS operations the extension calls, collected from its own code (src/aws): the executor's
// table (supportedOperations) plus every SDK Command and paginator imported by name. A new call
// in src/aws shows up here, and the oracle test fails until it has a fixture.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { supportedOperations } from '../../src/aws/call';

/** SDK v3 client package → the CLI's service name. */
export const CLI_SERVICE: Record<string, string> = {
  'client-vpc-lattice': 'vpc-lattice', 'client-ram': 'ram', 'client-kafka': 'kafka', 'client-ec2': 'ec2', 'client-iam': 'iam',
  'client-sts': 'sts', 'client-rds': 'rds', 'client-elastic-load-balancing-v2': 'elbv2', 'client-secrets-manager': 'secretsmanager',
};

export type Operation = { service: string; operation: string };

export function extensionOperations(srcAws: string): Operation[] {
  const found = new Map<string, Operation>();
  const add = (service: string, operation: string) => found.set(`${service}:${operation}`, { service, operation });
  for (const { service, operation } of supportedOperations()) add(service, operation);
  for (const file of fs.readdirSync(srcAws).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(srcAws, file), 'utf8');
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/(client-[a-z0-9-]+)'/g)) {
      const service = CLI_SERVICE[m[2]];
      if (!service) throw new Error(`${file}: unknown SDK package @aws-sdk/${m[2]}`);
      for (const name of m[1].split(',').map((s) => s.trim().split(/\s+as\s+/)[0]).filter(Boolean)) {
        const op = /^paginate([A-Z]\w+)$/.exec(name)?.[1] ?? /^([A-Z]\w+)Command$/.exec(name)?.[1];
        if (op) add(service, op);
      }
    }
  }
  return [...found.values()].sort((a, b) => `${a.service}:${a.operation}`.localeCompare(`${b.service}:${b.operation}`));
}

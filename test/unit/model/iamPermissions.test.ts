// The permissions table (src/model/iamPermissions.ts) against what src/aws really sends: every SDK
// command and paginator imported from an @aws-sdk/client-* package is one (service, operation),
// and the table must list exactly those.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actionsFor, AWS_OPERATIONS, iamAction, policyFor, POLICY_FLOWS } from '../../../src/model/iamPermissions';

const AWS_DIR = path.resolve(__dirname, '../../../../src/aws');

const PACKAGE_TO_SERVICE: Record<string, string> = {
  'client-vpc-lattice': 'vpc-lattice', 'client-ram': 'ram', 'client-kafka': 'kafka', 'client-ec2': 'ec2',
  'client-iam': 'iam', 'client-rds': 'rds', 'client-sts': 'sts', 'client-elastic-load-balancing-v2': 'elbv2',
  'client-secrets-manager': 'secretsmanager',
};

/** `service:Operation` for every command or paginator a source file can send. */
export function sentOperations(text: string): Set<string> {
  const sent = new Set<string>();
  const add = (pkg: string, name: string) => {
    const service = PACKAGE_TO_SERVICE[pkg];
    assert.ok(service, `unknown SDK package @aws-sdk/${pkg}`);
    const m = /^paginate(\w+)$/.exec(name) ?? /^(\w+)Command$/.exec(name);
    if (m) sent.add(`${service}:${m[1]}`);
  };
  // import { A, B } from '@aws-sdk/client-x' (type-only imports send nothing).
  for (const m of text.matchAll(/import\s+\{([^}]*)\}\s+from\s+'@aws-sdk\/(client-[\w-]+)'/g)) {
    for (const raw of m[1].split(',')) {
      const name = raw.trim();
      if (name && !name.startsWith('type ')) add(m[2], name.split(/\s+as\s+/)[0]);
    }
  }
  // import * as ns from '@aws-sdk/client-x', then ns.XCommand / ns.paginateX.
  for (const m of text.matchAll(/import\s+\*\s+as\s+(\w+)\s+from\s+'@aws-sdk\/(client-[\w-]+)'/g)) {
    for (const use of text.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, 'g'))) add(m[2], use[1]);
  }
  return sent;
}

describe('IAM permissions table', () => {
  it('lists every operation src/aws can send, and nothing more', () => {
    const sent = new Set<string>();
    for (const file of fs.readdirSync(AWS_DIR).filter((f) => f.endsWith('.ts'))) {
      for (const op of sentOperations(fs.readFileSync(path.join(AWS_DIR, file), 'utf8'))) sent.add(op);
    }
    const listed = AWS_OPERATIONS.map((o) => `${o.service}:${o.operation}`);
    assert.equal(new Set(listed).size, listed.length, 'an operation is listed twice');
    assert.deepEqual([...new Set(listed)].sort(), [...sent].sort());
  });

  it('the scan sees named, namespace and paginator imports, and ignores type imports', () => {
    const text = [
      "import { GetRoleCommand, paginateListRoles } from '@aws-sdk/client-iam';",
      "import type { Role } from '@aws-sdk/client-iam';",
      "import * as ram from '@aws-sdk/client-ram';",
      'ram.CreateResourceShareCommand; const x: Role = {} as Role;',
    ].join('\n');
    assert.deepEqual([...sentOperations(text)].sort(), ['iam:GetRole', 'iam:ListRoles', 'ram:CreateResourceShare']);
  });

  it('maps services to IAM prefixes (elbv2 is elasticloadbalancing)', () => {
    assert.equal(iamAction({ service: 'elbv2', operation: 'DescribeLoadBalancers' }), 'elasticloadbalancing:DescribeLoadBalancers');
  });

  it('the explorer policy is read only; each flow brings its documented extras', () => {
    const readOnly = actionsFor('explorer');
    assert.ok(readOnly.every((a) => /:(Get|List|Describe)/.test(a)), readOnly.join(', '));
    assert.ok(actionsFor('endpointService').includes('vpce:AllowMultiRegion'));
    assert.ok(actionsFor('vpcResource').includes('ec2:CreateNetworkInterface'));
    assert.ok(actionsFor('vpcResource').includes('vpc-lattice:CreateResourceGateway'));
    assert.ok(!actionsFor('explorer').includes('sts:AssumeRole'));
  });

  it('creating with tags needs the tagging action too (the plans tag what they create)', () => {
    // Service Authorization Reference, VPC Lattice: CreateResourceGateway and CreateResourceConfiguration
    // also authorize vpc-lattice:TagResource; EC2 user guide: tags in TagSpecifications are authorized as ec2:CreateTags.
    assert.ok(actionsFor('vpcResource').includes('vpc-lattice:TagResource'));
    assert.ok(actionsFor('endpointService').includes('ec2:CreateTags'));
    assert.ok(!actionsFor('explorer').includes('vpc-lattice:TagResource'));
  });

  it('a policy has one statement per chosen flow', () => {
    const policy = JSON.parse(policyFor(POLICY_FLOWS));
    assert.equal(policy.Version, '2012-10-17');
    assert.equal(policy.Statement.length, POLICY_FLOWS.length);
    for (const s of policy.Statement) {
      assert.match(s.Sid, /^[A-Za-z0-9]+$/);
      assert.equal(s.Effect, 'Allow');
      assert.ok(s.Action.length > 0);
    }
  });
});

import * as assert from 'node:assert/strict';
import { buildVpcResourcePlan } from '../../../src/model/builders';
import { buildClickhouseEndpointPlan } from '../../../src/model/builders';
import { jmesPath, kebab, renderCli, shellQuote, shellVariable } from '../../../src/model/cli';
import { ctx, vpcForm } from './fixtures';
import { DEFAULT_CREDENTIALS } from '../../../src/model/resources';

describe('cli', () => {
  it('kebab-cases operations and parameters like the AWS CLI', () => {
    const table: [string, string][] = [
      ['CreateResourceGateway', 'create-resource-gateway'],
      ['vpcIdentifier', 'vpc-identifier'],
      ['DBInstanceIdentifier', 'db-instance-identifier'],
      ['EnableIAMDatabaseAuthentication', 'enable-iam-database-authentication'],
      ['ModifyDBCluster', 'modify-db-cluster'],
      ['DescribeClusterV2', 'describe-cluster-v2'],
      ['ipv4AddressesPerEni', 'ipv4-addresses-per-eni'],
      ['CreateVpcEndpointServiceConfiguration', 'create-vpc-endpoint-service-configuration'],
      ['AssumeRolePolicyDocument', 'assume-role-policy-document'],
    ];
    for (const [input, expected] of table) assert.equal(kebab(input), expected, input);
  });

  it('quotes only when needed; variables and JMESPath', () => {
    assert.equal(shellQuote('rgw-0bba03f3d56060135'), 'rgw-0bba03f3d56060135');
    assert.equal(shellQuote('arn:aws:ram:us-east-1:1:resource-share/x'), 'arn:aws:ram:us-east-1:1:resource-share/x');
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
    assert.equal(shellQuote(''), "''");
    assert.equal(shellVariable('gateway', 'id'), 'GATEWAY_ID');
    assert.equal(shellVariable('enableIamAuth', 'status'), 'ENABLE_IAM_AUTH_STATUS');
    assert.equal(jmesPath('DBInstances.0.DBInstanceStatus'), 'DBInstances[0].DBInstanceStatus');
  });

  it('names no --profile for the Default credentials entry (the CLI then uses its own default chain)', () => {
    const named = renderCli(buildVpcResourcePlan(vpcForm, ctx));
    assert.match(named, /--profile /);
    const script = renderCli(buildVpcResourcePlan(vpcForm, { ...ctx, profile: DEFAULT_CREDENTIALS }));
    assert.doesNotMatch(script, /--profile/);
    assert.match(script, /--region us-east-1/);
  });

  it('renders the VPC-resource plan like the seed commands', () => {
    const script = renderCli(buildVpcResourcePlan(vpcForm, ctx));
    assert.ok(script.startsWith('#!/usr/bin/env bash\n'));
    assert.ok(script.includes([
      'GATEWAY_ID=$(aws vpc-lattice create-resource-gateway \\',
      '    --vpc-identifier vpc-0123456789abcdef0 \\',
      '    --subnet-ids subnet-0123abcd subnet-4567abcd \\',
      '    --security-group-ids sg-0123abcd \\',
      '    --name clickpipes-gw \\',
    ].join('\n')), script);
    assert.ok(script.includes('    --region us-east-1 \\\n    --profile dev \\\n    --query id \\\n    --output text)'));
    assert.ok(script.includes('aws vpc-lattice get-resource-gateway \\\n      --resource-gateway-identifier "$GATEWAY_ID" \\'));
    assert.ok(script.includes([
      'read -r CONFIGURATION_ID CONFIGURATION_ARN < <(aws vpc-lattice create-resource-configuration \\',
      '    --resource-gateway-identifier "$GATEWAY_ID" \\',
      '    --type ARN \\',
      `    --resource-configuration-definition '{"arnResource":{"arn":"arn:aws:rds:us-east-1:123456789012:cluster:my-rds-cluster"}}' \\`,
      '    --name my-rds-cluster-config \\',
    ].join('\n')), script);
    assert.ok(script.includes([
      'SHARE_ARN=$(aws ram create-resource-share \\',
      '    --principals 072088201116 \\',
      '    --resource-arns "$CONFIGURATION_ARN" \\',
      '    --name clickpipes-share \\',
      '    --allow-external-principals \\',
    ].join('\n')), script);
    assert.ok(script.includes("--query resourceShare.resourceShareArn"));
    assert.ok(script.includes('echo \'Resource configuration ID:\' "$CONFIGURATION_ID"'));
    assert.ok(script.includes('ACTIVE) break ;;'));
    // The wait reads a JSON-text word: AWS CLI text output would print a boolean as True/False.
    assert.ok(script.includes("--query 'to_string(status)'"), script);
    assert.doesNotMatch(script, /client-token/);
  });

  it('uses an existing gateway id literally and renders the ClickHouse step as a comment', () => {
    const script = renderCli(buildVpcResourcePlan({ ...vpcForm, gatewayMode: 'existing', gatewayId: 'rgw-0bba03f3d56060135' }, ctx));
    assert.ok(script.includes('    --resource-gateway-identifier rgw-0bba03f3d56060135 \\'));
    assert.doesNotMatch(script, /create-resource-gateway/);
    const ch = renderCli(buildClickhouseEndpointPlan({
      organizationId: 'org', serviceId: 'svc', description: 'd', type: 'VPC_ENDPOINT_SERVICE',
      vpcEndpointServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0',
    }, ctx));
    assert.ok(ch.split('\n').filter((l) => l.includes('curl') || l.includes('clickpipesReversePrivateEndpoints')).every((l) => l.startsWith('#')));
    assert.doesNotMatch(ch, /^aws /m);
  });
});

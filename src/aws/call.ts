// The generic call used by the plan executor: (service, operation) → SDK Command class. Only
// operations that plans use are listed, so a typo or an unplanned mutation fails loudly.
// The response comes back as plain JSON: no $metadata, dates as ISO strings, IAM policy
// documents URL-decoded (IAM returns them encoded; every caller wants the JSON text).
import * as lattice from '@aws-sdk/client-vpc-lattice';
import * as ram from '@aws-sdk/client-ram';
import * as kafka from '@aws-sdk/client-kafka';
import * as ec2 from '@aws-sdk/client-ec2';
import * as iam from '@aws-sdk/client-iam';
import * as rds from '@aws-sdk/client-rds';
import * as sts from '@aws-sdk/client-sts';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import * as secretsmanager from '@aws-sdk/client-secrets-manager';
import type { Scope } from './api';
import type { StepService } from '../model/plan';
import type { AwsService } from './clients';
import { AwsCallError } from './errors';
import { AwsContext } from './awsContext';
import { decodePolicyDocument } from './iam';
import { toSdkInput } from './inputShapes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CommandClass = new (input: any) => any;

export const OPERATIONS: Record<AwsService, Record<string, CommandClass>> = {
  'vpc-lattice': {
    CreateResourceGateway: lattice.CreateResourceGatewayCommand,
    GetResourceGateway: lattice.GetResourceGatewayCommand,
    UpdateResourceGateway: lattice.UpdateResourceGatewayCommand,
    DeleteResourceGateway: lattice.DeleteResourceGatewayCommand,
    CreateResourceConfiguration: lattice.CreateResourceConfigurationCommand,
    GetResourceConfiguration: lattice.GetResourceConfigurationCommand,
    UpdateResourceConfiguration: lattice.UpdateResourceConfigurationCommand,
    DeleteResourceConfiguration: lattice.DeleteResourceConfigurationCommand,
  },
  ram: {
    CreateResourceShare: ram.CreateResourceShareCommand,
    GetResourceShares: ram.GetResourceSharesCommand,
    AssociateResourceShare: ram.AssociateResourceShareCommand,
    DeleteResourceShare: ram.DeleteResourceShareCommand,
  },
  kafka: {
    DescribeClusterV2: kafka.DescribeClusterV2Command,
    DescribeClusterOperationV2: kafka.DescribeClusterOperationV2Command,
    UpdateConnectivity: kafka.UpdateConnectivityCommand,
    GetClusterPolicy: kafka.GetClusterPolicyCommand,
    PutClusterPolicy: kafka.PutClusterPolicyCommand,
    DeleteClusterPolicy: kafka.DeleteClusterPolicyCommand,
    GetBootstrapBrokers: kafka.GetBootstrapBrokersCommand,
    CreateConfiguration: kafka.CreateConfigurationCommand,
    UpdateConfiguration: kafka.UpdateConfigurationCommand,
    UpdateClusterConfiguration: kafka.UpdateClusterConfigurationCommand,
    ListConfigurations: kafka.ListConfigurationsCommand,
    DescribeConfigurationRevision: kafka.DescribeConfigurationRevisionCommand,
    BatchAssociateScramSecret: kafka.BatchAssociateScramSecretCommand,
    ListScramSecrets: kafka.ListScramSecretsCommand,
  },
  ec2: {
    CreateVpcEndpointServiceConfiguration: ec2.CreateVpcEndpointServiceConfigurationCommand,
    DescribeVpcEndpointServiceConfigurations: ec2.DescribeVpcEndpointServiceConfigurationsCommand,
    ModifyVpcEndpointServiceConfiguration: ec2.ModifyVpcEndpointServiceConfigurationCommand,
    DeleteVpcEndpointServiceConfigurations: ec2.DeleteVpcEndpointServiceConfigurationsCommand,
    DescribeVpcEndpointServicePermissions: ec2.DescribeVpcEndpointServicePermissionsCommand,
    ModifyVpcEndpointServicePermissions: ec2.ModifyVpcEndpointServicePermissionsCommand,
    DescribeVpcEndpointConnections: ec2.DescribeVpcEndpointConnectionsCommand,
    AcceptVpcEndpointConnections: ec2.AcceptVpcEndpointConnectionsCommand,
    RejectVpcEndpointConnections: ec2.RejectVpcEndpointConnectionsCommand,
    StartVpcEndpointServicePrivateDnsVerification: ec2.StartVpcEndpointServicePrivateDnsVerificationCommand,
    AuthorizeSecurityGroupIngress: ec2.AuthorizeSecurityGroupIngressCommand,
  },
  iam: {
    CreateRole: iam.CreateRoleCommand,
    GetRole: iam.GetRoleCommand,
    PutRolePolicy: iam.PutRolePolicyCommand,
    GetRolePolicy: iam.GetRolePolicyCommand,
    DeleteRolePolicy: iam.DeleteRolePolicyCommand,
    TagRole: iam.TagRoleCommand,
    DeleteRole: iam.DeleteRoleCommand,
  },
  rds: {
    DescribeDBInstances: rds.DescribeDBInstancesCommand,
    DescribeDBClusters: rds.DescribeDBClustersCommand,
    ModifyDBInstance: rds.ModifyDBInstanceCommand,
    ModifyDBCluster: rds.ModifyDBClusterCommand,
    DescribeDBParameters: rds.DescribeDBParametersCommand,
    DescribeDBClusterParameters: rds.DescribeDBClusterParametersCommand,
    CreateDBParameterGroup: rds.CreateDBParameterGroupCommand,
    ModifyDBParameterGroup: rds.ModifyDBParameterGroupCommand,
    CreateDBClusterParameterGroup: rds.CreateDBClusterParameterGroupCommand,
    ModifyDBClusterParameterGroup: rds.ModifyDBClusterParameterGroupCommand,
    RebootDBInstance: rds.RebootDBInstanceCommand,
  },
  sts: {
    GetCallerIdentity: sts.GetCallerIdentityCommand,
  },
  elbv2: {
    DescribeLoadBalancers: elbv2.DescribeLoadBalancersCommand,
    SetSecurityGroups: elbv2.SetSecurityGroupsCommand,
  },
  secretsmanager: {
    ListSecrets: secretsmanager.ListSecretsCommand,
  },
};

/** The (service, operation) pairs call() accepts, e.g. for validating an edited plan. */
export function supportedOperations(): Array<{ service: AwsService; operation: string }> {
  return Object.entries(OPERATIONS).flatMap(([service, ops]) =>
    Object.keys(ops).map((operation) => ({ service: service as AwsService, operation })));
}

const POLICY_FIELDS = new Set(['AssumeRolePolicyDocument', 'PolicyDocument']);

/** JSON-safe copy: Dates → ISO strings, $metadata dropped, IAM documents decoded. */
export function toPlain(value: unknown, decodeIam = false, key = ''): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((v) => toPlain(v, decodeIam));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$metadata' || v === undefined) continue;
      out[k] = toPlain(v, decodeIam, k);
    }
    return out;
  }
  if (decodeIam && typeof value === 'string' && POLICY_FIELDS.has(key)) return decodePolicyDocument(value);
  return value;
}

export async function call(
  ctx: AwsContext, scope: Scope, service: StepService, operation: string, input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const Command = service in OPERATIONS ? OPERATIONS[service as AwsService][operation] : undefined;
  if (!Command) {
    const known = service in OPERATIONS ? Object.keys(OPERATIONS[service as AwsService]).join(', ') : 'none';
    throw new AwsCallError({
      name: 'UnsupportedOperation',
      message: `UnsupportedOperation: the AWS layer has no ${service}:${operation} (known for ${service}: ${known}).`,
      service, operation,
    });
  }
  return ctx.run(scope, service as AwsService, operation, async (client) => {
    // The table pairs each command with its own client; the union of send() overloads cannot say so.
    const send = (client as unknown as { send(command: unknown): Promise<unknown> }).send.bind(client);
    return toPlain(await send(new Command(toSdkInput(service, operation, input))), service === 'iam') as Record<string, unknown>;
  });
}

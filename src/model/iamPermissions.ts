// Every AWS operation the extension can send, with its IAM action, whether it reads or writes,
// and which flow sends it; plus what AWS documents as needed besides the action itself. The
// *Copy Required IAM Policy…* command and the README's permissions section are generated from
// this table, and test/unit/model/iamPermissions.test.ts checks it against the SDK commands
// that src/aws uses (every one listed, nothing more).
import { t } from './text';

/** The AWS layer's service keys (src/aws/clients.ts) and the IAM service prefix of each. */
export const IAM_PREFIX = {
  'vpc-lattice': 'vpc-lattice',
  ram: 'ram',
  kafka: 'kafka',
  ec2: 'ec2',
  iam: 'iam',
  rds: 'rds',
  sts: 'sts',
  elbv2: 'elasticloadbalancing',
  secretsmanager: 'secretsmanager',
} as const;
export type AwsServiceKey = keyof typeof IAM_PREFIX;

/**
 * `explorer`: read-only calls (tree, pickers, plan checks). The write flows: one per creation form,
 * `cleanup` for *Delete…* and the MSK teardown. `credentials`: AssumeRole for role_arn profiles,
 * allowed on the *source* identity, not part of a policy for the profile itself.
 */
export type PermissionFlow = 'explorer' | 'vpcResource' | 'mskMultiVpc' | 'endpointService' | 'iamDbAuth' | 'doctor' | 'doctorFix' | 'cleanup' | 'credentials';

/** Actions AWS requires besides the operation's own, with the page that says so. */
export type ExtraActions = { actions: readonly string[]; when?: string; source: string };

export type AwsOperation = {
  service: AwsServiceKey;
  operation: string;
  access: 'read' | 'write';
  flows: readonly PermissionFlow[];
  extra?: readonly ExtraActions[];
};

// AWS VPC Lattice User Guide, "Amazon VPC Lattice API permissions" (additional-api-permissions):
// "for some VPC Lattice actions, you must grant IAM identities permission to call specific actions
// from other AWS APIs".
const LATTICE_API_PERMISSIONS = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/additional-api-permissions.html';
const GATEWAY_ENI = [
  'ec2:AssignPrivateIpAddresses', 'ec2:AssignIpv6Addresses', 'ec2:CreateNetworkInterface',
  'ec2:CreateNetworkInterfacePermission', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets',
];
// AWS PrivateLink guide, "Identity and access management for AWS PrivateLink", and the Service
// Authorization Reference for `vpce`: AllowMultiRegion is a permission-only action needed to
// create or modify an endpoint service with supported regions (cross-region).
// Creating with tags is also authorized as the service's tagging action: VPC Lattice's operations
// table (Service Authorization Reference) lists vpc-lattice:TagResource under CreateResourceGateway
// and CreateResourceConfiguration; EC2 authorizes TagSpecifications as ec2:CreateTags ("Grant
// permission to tag Amazon EC2 resources during creation"). RAM's CreateResourceShare with tags:
// unverified, so nothing is added for it.
const LATTICE_TAG_ON_CREATE = {
  actions: ['vpc-lattice:TagResource'], when: 'tags (the plans tag what they create)',
  source: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_vpc-lattice.html',
};
const EC2_TAG_ON_CREATE = {
  actions: ['ec2:CreateTags'], when: 'tags (the plans tag what they create)',
  source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html',
};
const MULTI_REGION = {
  actions: ['vpce:AllowMultiRegion'],
  when: 'supported regions other than the service region',
  source: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsprivatelink.html',
};
// Sharing a resource configuration through RAM: whether RAM also needs vpc-lattice resource-policy
// actions on the caller is unverified, so nothing is added for CreateResourceShare.

export const AWS_OPERATIONS: readonly AwsOperation[] = [
  // Explorer, pickers and plan checks: read only.
  { service: 'sts', operation: 'GetCallerIdentity', access: 'read', flows: ['explorer'] },
  { service: 'vpc-lattice', operation: 'ListResourceGateways', access: 'read', flows: ['explorer'] },
  { service: 'vpc-lattice', operation: 'GetResourceGateway', access: 'read', flows: ['explorer'] },
  { service: 'vpc-lattice', operation: 'ListResourceConfigurations', access: 'read', flows: ['explorer'] },
  { service: 'vpc-lattice', operation: 'GetResourceConfiguration', access: 'read', flows: ['explorer'] },
  { service: 'ram', operation: 'GetResourceShares', access: 'read', flows: ['explorer'] },
  { service: 'ram', operation: 'GetResourceShareAssociations', access: 'read', flows: ['explorer'] },
  { service: 'kafka', operation: 'ListClustersV2', access: 'read', flows: ['explorer'] },
  { service: 'kafka', operation: 'DescribeClusterV2', access: 'read', flows: ['explorer'] },
  // The MSK flow follows UpdateConnectivity's ClusterOperationArn to its end state.
  { service: 'kafka', operation: 'DescribeClusterOperationV2', access: 'read', flows: ['mskMultiVpc', 'doctorFix'] },
  { service: 'kafka', operation: 'GetClusterPolicy', access: 'read', flows: ['explorer'] },
  { service: 'kafka', operation: 'GetBootstrapBrokers', access: 'read', flows: ['explorer'] },
  { service: 'ec2', operation: 'DescribeVpcs', access: 'read', flows: ['explorer'] },
  { service: 'ec2', operation: 'DescribeSubnets', access: 'read', flows: ['explorer'] },
  { service: 'ec2', operation: 'DescribeSecurityGroups', access: 'read', flows: ['explorer'] },
  { service: 'ec2', operation: 'DescribeVpcEndpointServiceConfigurations', access: 'read', flows: ['explorer'] },
  { service: 'ec2', operation: 'DescribeVpcEndpointServicePermissions', access: 'read', flows: ['explorer'] },
  { service: 'ec2', operation: 'DescribeVpcEndpointConnections', access: 'read', flows: ['explorer'] },
  { service: 'elbv2', operation: 'DescribeLoadBalancers', access: 'read', flows: ['explorer'] },
  { service: 'rds', operation: 'DescribeDBInstances', access: 'read', flows: ['explorer'] },
  { service: 'rds', operation: 'DescribeDBClusters', access: 'read', flows: ['explorer'] },
  { service: 'iam', operation: 'GetRole', access: 'read', flows: ['explorer'] },
  { service: 'iam', operation: 'GetRolePolicy', access: 'read', flows: ['explorer'] },

  // VPC resource: gateway → configuration → RAM share (Update*/Associate* only in an edited plan).
  {
    service: 'vpc-lattice', operation: 'CreateResourceGateway', access: 'write', flows: ['vpcResource'],
    extra: [{ actions: GATEWAY_ENI, source: LATTICE_API_PERMISSIONS }, LATTICE_TAG_ON_CREATE],
  },
  {
    service: 'vpc-lattice', operation: 'UpdateResourceGateway', access: 'write', flows: ['vpcResource'],
    extra: [{ actions: [...GATEWAY_ENI, 'ec2:UnassignPrivateIpAddresses', 'ec2:ModifyNetworkInterfaceAttribute'], source: LATTICE_API_PERMISSIONS }],
  },
  {
    service: 'vpc-lattice', operation: 'CreateResourceConfiguration', access: 'write', flows: ['vpcResource'],
    extra: [{ actions: ['ec2:DescribeSubnets', 'rds:DescribeDBInstances', 'rds:DescribeDBClusters'], source: LATTICE_API_PERMISSIONS }, LATTICE_TAG_ON_CREATE],
  },
  { service: 'vpc-lattice', operation: 'UpdateResourceConfiguration', access: 'write', flows: ['vpcResource'] },
  { service: 'ram', operation: 'CreateResourceShare', access: 'write', flows: ['vpcResource'] },
  { service: 'ram', operation: 'AssociateResourceShare', access: 'write', flows: ['vpcResource'] },

  // MSK multi-VPC: connectivity + cluster policy; the teardown puts or deletes the policy.
  { service: 'kafka', operation: 'UpdateConnectivity', access: 'write', flows: ['mskMultiVpc', 'doctorFix'] },
  { service: 'kafka', operation: 'PutClusterPolicy', access: 'write', flows: ['mskMultiVpc', 'cleanup', 'doctorFix'] },

  // VPC endpoint service on an NLB.
  {
    service: 'ec2', operation: 'CreateVpcEndpointServiceConfiguration', access: 'write', flows: ['endpointService'],
    extra: [MULTI_REGION, EC2_TAG_ON_CREATE],
  },
  {
    service: 'ec2', operation: 'ModifyVpcEndpointServiceConfiguration', access: 'write', flows: ['endpointService'],
    extra: [MULTI_REGION],
  },
  { service: 'ec2', operation: 'ModifyVpcEndpointServicePermissions', access: 'write', flows: ['endpointService'] },
  { service: 'ec2', operation: 'AcceptVpcEndpointConnections', access: 'write', flows: ['endpointService'] },
  { service: 'ec2', operation: 'RejectVpcEndpointConnections', access: 'write', flows: ['endpointService'] },
  { service: 'ec2', operation: 'StartVpcEndpointServicePrivateDnsVerification', access: 'write', flows: ['endpointService'] },

  // IAM DB auth: turn it on, then a role with rds-db:connect (TagRole only in an edited plan).
  { service: 'rds', operation: 'ModifyDBInstance', access: 'write', flows: ['iamDbAuth', 'doctorFix'] },
  { service: 'rds', operation: 'ModifyDBCluster', access: 'write', flows: ['iamDbAuth', 'doctorFix'] },
  { service: 'iam', operation: 'CreateRole', access: 'write', flows: ['iamDbAuth'] },
  { service: 'iam', operation: 'PutRolePolicy', access: 'write', flows: ['iamDbAuth'] },
  { service: 'iam', operation: 'TagRole', access: 'write', flows: ['iamDbAuth'] },

  // Delete… and teardown.
  {
    service: 'vpc-lattice', operation: 'DeleteResourceGateway', access: 'write', flows: ['cleanup'],
    extra: [{ actions: ['ec2:DeleteNetworkInterface'], source: LATTICE_API_PERMISSIONS }],
  },
  { service: 'vpc-lattice', operation: 'DeleteResourceConfiguration', access: 'write', flows: ['cleanup'] },
  { service: 'ram', operation: 'DeleteResourceShare', access: 'write', flows: ['cleanup'] },
  { service: 'ec2', operation: 'DeleteVpcEndpointServiceConfigurations', access: 'write', flows: ['cleanup'] },
  { service: 'kafka', operation: 'DeleteClusterPolicy', access: 'write', flows: ['cleanup'] },
  { service: 'iam', operation: 'DeleteRolePolicy', access: 'write', flows: ['cleanup'] },
  { service: 'iam', operation: 'DeleteRole', access: 'write', flows: ['cleanup'] },

  // The connectivity doctor reads (src/aws/doctorReads.ts); its fix plans write.
  { service: 'ec2', operation: 'DescribeSecurityGroupRules', access: 'read', flows: ['doctor'] },
  { service: 'ec2', operation: 'DescribeNetworkInterfaces', access: 'read', flows: ['doctor'] },
  { service: 'elbv2', operation: 'DescribeListeners', access: 'read', flows: ['doctor'] },
  { service: 'elbv2', operation: 'DescribeTargetHealth', access: 'read', flows: ['doctor'] },
  { service: 'rds', operation: 'DescribeDBParameters', access: 'read', flows: ['doctor'] },
  { service: 'rds', operation: 'DescribeDBClusterParameters', access: 'read', flows: ['doctor'] },
  { service: 'rds', operation: 'DescribeDBClusterEndpoints', access: 'read', flows: ['doctor'] },
  { service: 'kafka', operation: 'DescribeConfigurationRevision', access: 'read', flows: ['doctor'] },
  { service: 'kafka', operation: 'ListScramSecrets', access: 'read', flows: ['doctor'] },
  { service: 'kafka', operation: 'ListConfigurations', access: 'read', flows: ['doctor'] },
  { service: 'ec2', operation: 'AuthorizeSecurityGroupIngress', access: 'write', flows: ['doctorFix'] },
  { service: 'rds', operation: 'CreateDBParameterGroup', access: 'write', flows: ['doctorFix'] },
  { service: 'rds', operation: 'ModifyDBParameterGroup', access: 'write', flows: ['doctorFix'] },
  { service: 'rds', operation: 'CreateDBClusterParameterGroup', access: 'write', flows: ['doctorFix'] },
  { service: 'rds', operation: 'ModifyDBClusterParameterGroup', access: 'write', flows: ['doctorFix'] },
  { service: 'rds', operation: 'RebootDBInstance', access: 'write', flows: ['doctorFix'] },
  { service: 'kafka', operation: 'CreateConfiguration', access: 'write', flows: ['doctorFix'] },
  { service: 'elbv2', operation: 'SetSecurityGroups', access: 'write', flows: ['doctorFix'] },
  { service: 'kafka', operation: 'UpdateConfiguration', access: 'write', flows: ['doctorFix'] },
  { service: 'kafka', operation: 'UpdateClusterConfiguration', access: 'write', flows: ['doctorFix'] },
  // The SASL/SCRAM secret fix: the AmazonMSK_ secrets to choose from, then the association.
  { service: 'secretsmanager', operation: 'ListSecrets', access: 'read', flows: ['doctorFix'] },
  { service: 'kafka', operation: 'BatchAssociateScramSecret', access: 'write', flows: ['doctorFix'] },

  // Role profiles (role_arn + source_profile): sent with the source profile's credentials.
  { service: 'sts', operation: 'AssumeRole', access: 'write', flows: ['credentials'] },
];

/** `vpc-lattice:CreateResourceGateway`. */
export function iamAction(op: Pick<AwsOperation, 'service' | 'operation'>): string {
  return `${IAM_PREFIX[op.service]}:${op.operation}`;
}

/** The policies the command offers, in QuickPick order. */
export const POLICY_FLOWS = ['explorer', 'vpcResource', 'mskMultiVpc', 'endpointService', 'iamDbAuth', 'doctor', 'doctorFix', 'cleanup'] as const;
export type PolicyFlow = (typeof POLICY_FLOWS)[number];

export function flowLabel(flow: PolicyFlow): string {
  switch (flow) {
    case 'explorer': return t('Explorer (read only)');
    case 'vpcResource': return t('VPC resource: resource gateway, resource configuration, RAM share');
    case 'mskMultiVpc': return t('MSK multi-VPC connectivity and cluster policy');
    case 'endpointService': return t('VPC endpoint service on a Network Load Balancer');
    case 'iamDbAuth': return t('IAM database authentication for RDS and Aurora');
    case 'doctor': return t('Diagnose ClickPipes Connectivity (read only)');
    case 'doctorFix': return t('Connectivity fixes: security-group rules, DB parameter groups, reboot, MSK multi-VPC auth, cluster policy and configuration');
    case 'cleanup': return t('Delete and tear down');
  }
}

/** The IAM actions one flow needs: its operations' own actions, then the documented extras, sorted, no repeats. */
export function actionsFor(flow: PermissionFlow): string[] {
  const actions = new Set<string>();
  for (const op of AWS_OPERATIONS.filter((o) => o.flows.includes(flow))) {
    actions.add(iamAction(op));
    for (const extra of op.extra ?? []) for (const a of extra.actions) actions.add(a);
  }
  return [...actions].sort();
}

/** Statement ids may only hold letters and digits. */
const sid = (flow: PermissionFlow) => `ClickPipesPrivateLink${flow[0].toUpperCase()}${flow.slice(1)}`;

/** An identity policy with one statement per chosen flow, as pretty JSON. */
export function policyFor(flows: readonly PolicyFlow[]): string {
  const statements = flows.map((flow) => ({ Sid: sid(flow), Effect: 'Allow', Action: actionsFor(flow), Resource: '*' }));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

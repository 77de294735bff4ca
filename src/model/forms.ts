// The values each creation form collects. The webview validates them at the field, the host
// validates them again on submit, and the plan builders take them as input — one shape for all.
import type { MskAuth } from './resources';

export type FormKind = 'vpcResource' | 'mskMultiVpc' | 'endpointService' | 'iamDbAuth' | 'clickhouseEndpoint';

export type ConfigurationType = 'SINGLE' | 'GROUP' | 'CHILD' | 'ARN';
export type DefinitionKind = 'arn' | 'ip' | 'dns';

export type VpcResourceForm = {
  /** Create a gateway in this plan, or use an existing one. */
  gatewayMode: 'new' | 'existing';
  gatewayId?: string;
  gatewayName?: string;
  vpcId?: string;
  subnetIds?: string[];
  securityGroupIds?: string[];
  ipAddressType?: 'IPV4' | 'IPV6' | 'DUALSTACK';
  configurationName: string;
  configurationType: ConfigurationType;
  /** CHILD only: the parent GROUP configuration (id or ARN). */
  groupId?: string;
  /** Context for CHILD: the share (with ClickPipes) its group is already in, if any. */
  groupShareArn?: string;
  /** ARN → arn; SINGLE/CHILD → ip or dns; GROUP → ip or dns of its first child. */
  definitionKind?: DefinitionKind;
  arn?: string;
  ipAddress?: string;
  domainName?: string;
  portRanges?: string[];
  protocol?: 'TCP';
  shareName: string;
  allowExternalPrincipals?: boolean;
  /** Context, not typed by the user: the VPC's IPv4 CIDRs, to check an IP definition. */
  vpcCidrs?: string[];
};

export type MskMultiVpcForm = {
  clusterArn: string;
  /** Auth types to enable for multi-VPC connectivity. */
  auth: { iam: boolean; scram: boolean; tls?: boolean };
  /** Context: auth types enabled on the cluster itself (only those can be enabled for multi-VPC). */
  clusterAuth?: MskAuth;
  /** What ClickPipes connects with; asked when both SASL/IAM and SASL/SCRAM are on. */
  clickpipesAuth?: 'SASL_IAM' | 'SASL_SCRAM';
};

export type EndpointServiceForm = {
  mode: 'new' | 'existing';
  /** existing only: `vpce-svc-…`. */
  serviceId?: string;
  /** new only. */
  networkLoadBalancerArns?: string[];
  acceptanceRequired?: boolean;
  privateDnsName?: string;
  /** Cross-region consumers (ClickPipes regions other than the service's own). */
  supportedRegions?: string[];
  /** Context: the service's own region (NLBs must be in it). */
  region?: string;
};

export type IamDbAuthForm = {
  databaseKind: 'instance' | 'cluster';
  /** DBInstanceIdentifier or DBClusterIdentifier. */
  databaseId: string;
  /** `db-…` or `cluster-…` (filled from the picked database). */
  resourceId: string;
  engine: string;
  region: string;
  account: string;
  clickhouseRoleArn: string;
  dbUser: string;
  roleName: string;
  enableIamAuth: boolean;
};

export type ClickhouseEndpointForm = {
  organizationId: string;
  serviceId: string;
  description: string;
  type: 'VPC_ENDPOINT_SERVICE' | 'VPC_RESOURCE' | 'MSK_MULTI_VPC';
  vpcEndpointServiceName?: string;
  vpcResourceConfigurationId?: string;
  vpcResourceShareArn?: string;
  mskClusterArn?: string;
  mskAuthentication?: 'SASL_IAM' | 'SASL_SCRAM';
};

export type FormValues = {
  vpcResource: VpcResourceForm;
  mskMultiVpc: MskMultiVpcForm;
  endpointService: EndpointServiceForm;
  iamDbAuth: IamDbAuthForm;
  clickhouseEndpoint: ClickhouseEndpointForm;
};

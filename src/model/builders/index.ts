// Plan builders, one per flow, and the review documents for any plan.
export { type BuildContext, MANAGED_BY_TAG } from './buildContext';
export { buildVpcResourcePlan, VPC_RESOURCE_RESULTS } from './vpcResource';
export { buildMskMultiVpcPlan, type MskMultiVpcInput } from './mskMultiVpc';
export { buildEndpointServicePlan } from './endpointService';
export { buildIamDbAuthPlan, type IamDbAuthInput, RDS_CONNECT_POLICY_NAME, rdsConnectPolicyName, IAM_DB_AUTH_TAGS } from './iamDbAuth';
export { buildClickhouseEndpointPlan, buildClickhouseEndpointFromPlan, withClickhouseEndpoint } from './clickhouseEndpoint';
export { documentsFor, applyDocumentEdit, reviewTabs, SUMMARY_FILE } from './documents';
export { buildFixPlan, customGroupName } from './doctorFixes';

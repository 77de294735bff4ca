// Whole forms: field name → message, empty when the form is valid. The same rules run in the
// webview (as the user types) and on the host (on submit); the field rules are validation.ts's.
import type {
  ClickhouseEndpointForm, EndpointServiceForm, FormKind, FormValues, IamDbAuthForm, MskMultiVpcForm, VpcResourceForm,
} from './forms';
import { t } from './text';
import {
  validateAccountId, validateConfigurationName, validateDbUser, validateDescription, validateDnsName,
  validateEndpointServiceId, validateEndpointServiceName, validateGatewayName, validateIamRoleArn,
  validateIpAddress, validateList, validateMskAuthSelection, validateMskClusterArn, validateNlbArn,
  validateOrganizationId, validatePortRanges, validatePrivateDnsName, validateRdsArn, validateRegion,
  validateResourceConfigurationId, validateResourceGatewayId, validateResourceShareArn,
  validateResourceShareName, validateRoleName, validateSecurityGroupIds, validateServiceId, validateSubnetIds,
  validateSupportedRegions, validateVpcId,
  required,
} from './validation';

export type FormErrors = Record<string, string>;

function collect(checks: Record<string, string | undefined>): FormErrors {
  const errors: FormErrors = {};
  for (const [field, message] of Object.entries(checks)) if (message) errors[field] = message;
  return errors;
}

// Objects and arrays are never coerced: String() throws on some (no callable toString) and turns
// ['vpc-1'] into a valid-looking 'vpc-1'. They become a text no validator accepts as an id.
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'object' || typeof v === 'function' ? '[not text]' : String(v);
const strs = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(str) : undefined);

function vpcResourceErrors(f: Partial<VpcResourceForm>): FormErrors {
  const newGateway = f.gatewayMode !== 'existing';
  const type = f.configurationType;
  const kind = f.definitionKind;
  const checks: Record<string, string | undefined> = {
    configurationName: validateConfigurationName(str(f.configurationName)),
    // A CHILD is shared only through its GROUP: its plan creates no share.
    shareName: type === 'CHILD' ? undefined : validateResourceShareName(str(f.shareName)),
  };
  if (type !== 'CHILD') {
    if (newGateway) {
      checks.gatewayName = validateGatewayName(str(f.gatewayName));
      checks.vpcId = validateVpcId(str(f.vpcId));
      checks.subnetIds = validateSubnetIds(strs(f.subnetIds));
      checks.securityGroupIds = validateSecurityGroupIds(strs(f.securityGroupIds));
    } else {
      checks.gatewayId = validateResourceGatewayId(str(f.gatewayId));
    }
  }
  if (!type || !['SINGLE', 'GROUP', 'CHILD', 'ARN'].includes(type)) {
    checks.configurationType = t('Configuration type must be SINGLE, GROUP, CHILD or ARN.');
  } else if (type === 'CHILD') {
    checks.groupId = validateResourceConfigurationId(str(f.groupId));
  }
  if (type === 'ARN') {
    checks.arn = validateRdsArn(str(f.arn));
  } else if (type === 'SINGLE' || type === 'CHILD' || type === 'GROUP') {
    // A GROUP's plan creates its first CHILD from this target: an empty group points at nothing.
    if (kind === 'ip') checks.ipAddress = validateIpAddress(str(f.ipAddress), strs(f.vpcCidrs));
    else if (kind === 'dns') checks.domainName = validateDnsName(str(f.domainName));
    else checks.definitionKind = t('Definition: a {0} configuration needs an IP address or a DNS name.', type);
  }
  if (type === 'SINGLE' || type === 'GROUP' || type === 'CHILD') checks.portRanges = validatePortRanges(strs(f.portRanges));
  return collect(checks);
}

/** With SASL/IAM and SASL/SCRAM both on, ClickPipes can use either: the user says which. */
export function validateClickPipesMskAuth(f: Partial<MskMultiVpcForm>): string | undefined {
  const value = f.clickpipesAuth;
  if (value !== undefined && value !== 'SASL_IAM' && value !== 'SASL_SCRAM') return t('ClickPipes authentication must be SASL_IAM or SASL_SCRAM.');
  if (f.auth?.iam && f.auth?.scram && !value) return t('SASL/IAM and SASL/SCRAM are both on: choose the one the ClickPipe will use.');
  return undefined;
}

function mskErrors(f: Partial<MskMultiVpcForm>): FormErrors {
  return collect({
    clusterArn: validateMskClusterArn(str(f.clusterArn)),
    auth: validateMskAuthSelection(f.auth ?? { iam: false, scram: false }, f.clusterAuth),
    clickpipesAuth: validateClickPipesMskAuth(f),
  });
}

function endpointServiceErrors(f: Partial<EndpointServiceForm>): FormErrors {
  const region = typeof f.region === 'string' ? f.region : undefined;
  const checks: Record<string, string | undefined> = {
    supportedRegions: validateSupportedRegions(strs(f.supportedRegions), region),
  };
  if (f.mode === 'existing') {
    checks.serviceId = validateEndpointServiceId(str(f.serviceId));
  } else {
    checks.networkLoadBalancerArns = validateList(t('Network Load Balancers'), strs(f.networkLoadBalancerArns), (v) => validateNlbArn(v, region), 1, 10);
  }
  if (f.privateDnsName) checks.privateDnsName = validatePrivateDnsName(str(f.privateDnsName));
  return collect(checks);
}

function iamDbAuthErrors(f: Partial<IamDbAuthForm>): FormErrors {
  const resourceId = str(f.resourceId);
  const prefix = f.databaseKind === 'cluster' ? 'cluster-' : 'db-';
  return collect({
    clickhouseRoleArn: validateIamRoleArn(str(f.clickhouseRoleArn), t('ClickHouse service role ARN')),
    dbUser: validateDbUser(str(f.dbUser), str(f.engine)),
    roleName: validateRoleName(str(f.roleName)),
    region: validateRegion(str(f.region)),
    account: validateAccountId(str(f.account)),
    databaseId: required(t('Database'), str(f.databaseId)),
    resourceId:
      required(t('Resource ID'), resourceId) ??
      (new RegExp(`^${prefix}[A-Z0-9]+$`).test(resourceId)
        ? undefined
        : f.databaseKind === 'cluster'
          ? t('Resource ID must look like cluster-XXXXXXXX (the DbClusterResourceId).')
          : t('Resource ID must look like db-XXXXXXXX (the DbiResourceId).')),
  });
}

function clickhouseEndpointErrors(f: Partial<ClickhouseEndpointForm>): FormErrors {
  // These values go into the API body as they are: only text counts (a number is not "42").
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const checks: Record<string, string | undefined> = {
    organizationId: validateOrganizationId(str(f.organizationId)),
    serviceId: validateServiceId(str(f.serviceId)),
    description: validateDescription(str(f.description)),
  };
  switch (f.type) {
    case 'VPC_ENDPOINT_SERVICE':
      checks.vpcEndpointServiceName = validateEndpointServiceName(str(f.vpcEndpointServiceName));
      break;
    case 'VPC_RESOURCE':
      checks.vpcResourceConfigurationId = validateResourceConfigurationId(str(f.vpcResourceConfigurationId));
      checks.vpcResourceShareArn = validateResourceShareArn(str(f.vpcResourceShareArn));
      break;
    case 'MSK_MULTI_VPC':
      checks.mskClusterArn = validateMskClusterArn(str(f.mskClusterArn));
      checks.mskAuthentication =
        f.mskAuthentication === 'SASL_IAM' || f.mskAuthentication === 'SASL_SCRAM' ? undefined : t('MSK authentication must be SASL_IAM or SASL_SCRAM.');
      break;
    default:
      checks.type = t('Endpoint type must be VPC_ENDPOINT_SERVICE, VPC_RESOURCE or MSK_MULTI_VPC.');
  }
  return collect(checks);
}

/** Validates a whole form; the webview and the host call this with the same values. */
export function validateForm<K extends FormKind>(kind: K, values: Partial<FormValues[K]> | Record<string, unknown>): FormErrors {
  // A sender may post anything: no values at all is an error, not a crash.
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return { form: t('The form values must be an object.') };
  return { ...formErrors(kind, values), ...shapeErrors(values as Record<string, unknown>) };
}

const isFlags = (v: object) =>
  Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every((x) => x === undefined || typeof x === 'boolean');

/**
 * Form values are text, yes/no, numbers, lists of text or sets of yes/no flags (MSK auth). Anything
 * else (an object where text belongs, a list holding objects) is refused by name, never coerced:
 * builders would otherwise turn it into text or throw.
 */
function shapeErrors(values: Record<string, unknown>): FormErrors {
  const errors: FormErrors = {};
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') continue;
    if (Array.isArray(v) ? v.every((x) => typeof x === 'string') : typeof v === 'object' && isFlags(v)) continue;
    errors[key] = t('{0}: unexpected value (text, yes/no or a list of texts expected).', key);
  }
  return errors;
}

function formErrors<K extends FormKind>(kind: K, values: Partial<FormValues[K]> | Record<string, unknown>): FormErrors {
  switch (kind) {
    case 'vpcResource':
      return vpcResourceErrors(values as Partial<VpcResourceForm>);
    case 'mskMultiVpc':
      return mskErrors(values as Partial<MskMultiVpcForm>);
    case 'endpointService':
      return endpointServiceErrors(values as Partial<EndpointServiceForm>);
    case 'iamDbAuth':
      return iamDbAuthErrors(values as Partial<IamDbAuthForm>);
    case 'clickhouseEndpoint':
      return clickhouseEndpointErrors(values as Partial<ClickhouseEndpointForm>);
    default:
      return { form: t('Unknown form "{0}".', String(kind)) };
  }
}

// EC2 (ec2 query protocol, API 2016-11-15): network discovery and VPC endpoint services.
import { queryHandler } from './query/dispatch';
import { describeNetworkInterfaces, describeSecurityGroups, describeSubnets, describeVpcs } from './query/ec2Network';
import {
  createVpcEndpointServiceConfiguration, deleteVpcEndpointServiceConfigurations, describeVpcEndpointServiceConfigurations,
  modifyVpcEndpointServiceConfiguration, startVpcEndpointServicePrivateDnsVerification,
} from './query/ec2EndpointServices';
import {
  acceptVpcEndpointConnections, describeVpcEndpointConnections, describeVpcEndpointServicePermissions,
  modifyVpcEndpointServicePermissions, rejectVpcEndpointConnections,
} from './query/ec2Connections';
import { authorizeSecurityGroupIngress, describeSecurityGroupRules } from './query/ec2Rules';
import { ec2Wire } from './query/wireNames';

export const handler = queryHandler('ec2', ec2Wire, {
  DescribeVpcs: describeVpcs,
  DescribeSubnets: describeSubnets,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeSecurityGroupRules: describeSecurityGroupRules,
  AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
  CreateVpcEndpointServiceConfiguration: createVpcEndpointServiceConfiguration,
  DescribeVpcEndpointServiceConfigurations: describeVpcEndpointServiceConfigurations,
  ModifyVpcEndpointServiceConfiguration: modifyVpcEndpointServiceConfiguration,
  DeleteVpcEndpointServiceConfigurations: deleteVpcEndpointServiceConfigurations,
  DescribeVpcEndpointServicePermissions: describeVpcEndpointServicePermissions,
  ModifyVpcEndpointServicePermissions: modifyVpcEndpointServicePermissions,
  DescribeVpcEndpointConnections: describeVpcEndpointConnections,
  AcceptVpcEndpointConnections: acceptVpcEndpointConnections,
  RejectVpcEndpointConnections: rejectVpcEndpointConnections,
  StartVpcEndpointServicePrivateDnsVerification: startVpcEndpointServicePrivateDnsVerification,
});

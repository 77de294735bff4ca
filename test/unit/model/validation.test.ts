import * as assert from 'node:assert/strict';
import * as v from '../../../src/model/validation';
import { validateForm } from '../../../src/model/formValidation';

type Case = [name: string, run: () => string | undefined, expected: string];

const VPC = ['10.0.0.0/16'];
const bad: Case[] = [
  // Resource gateway names
  ['gw empty', () => v.validateGatewayName(''), 'Resource gateway name is required.'],
  ['gw short', () => v.validateGatewayName('ab'), 'Resource gateway name must be 3 to 40 characters (got 2).'],
  ['gw long', () => v.validateGatewayName('a'.repeat(41)), 'Resource gateway name must be 3 to 40 characters (got 41).'],
  ['gw upper', () => v.validateGatewayName('MyGateway'), 'Resource gateway name may contain only lowercase letters, digits and hyphens.'],
  ['gw underscore', () => v.validateGatewayName('my_gw'), 'Resource gateway name may contain only lowercase letters, digits and hyphens.'],
  ['gw space', () => v.validateGatewayName('my gw'), 'Resource gateway name may contain only lowercase letters, digits and hyphens.'],
  ['gw prefix', () => v.validateGatewayName('rgw-main'), 'Resource gateway name must not start with "rgw-".'],
  ['gw leading hyphen', () => v.validateGatewayName('-main'), 'Resource gateway name must not start or end with a hyphen.'],
  ['gw trailing hyphen', () => v.validateGatewayName('main-'), 'Resource gateway name must not start or end with a hyphen.'],
  ['gw double hyphen', () => v.validateGatewayName('my--gw'), 'Resource gateway name must not contain two hyphens in a row.'],
  // Resource configuration names
  ['cfg empty', () => v.validateConfigurationName('  '), 'Resource configuration name is required.'],
  ['cfg short', () => v.validateConfigurationName('x'), 'Resource configuration name must be 3 to 40 characters (got 1).'],
  ['cfg prefix', () => v.validateConfigurationName('rcfg-db'), 'Resource configuration name must not start with "rcfg-".'],
  ['cfg dot', () => v.validateConfigurationName('my.db'), 'Resource configuration name may contain only lowercase letters, digits and hyphens.'],
  ['cfg double hyphen', () => v.validateConfigurationName('a--b'), 'Resource configuration name must not contain two hyphens in a row.'],
  ['cfg trailing', () => v.validateConfigurationName('abc-'), 'Resource configuration name must not start or end with a hyphen.'],
  // ids
  ['vpc empty', () => v.validateVpcId(''), 'VPC ID is required.'],
  ['vpc prefix', () => v.validateVpcId('vcp-12345678'), 'VPC ID must be "vpc-" followed by 8 or 17 lowercase hex characters (got "vcp-12345678").'],
  ['vpc length', () => v.validateVpcId('vpc-1234'), 'VPC ID must be "vpc-" followed by 8 or 17 lowercase hex characters (got "vpc-1234").'],
  ['vpc upper', () => v.validateVpcId('vpc-ABCDEF12'), 'VPC ID must be "vpc-" followed by 8 or 17 lowercase hex characters (got "vpc-ABCDEF12").'],
  ['vpc non-hex', () => v.validateVpcId('vpc-1234567z'), 'VPC ID must be "vpc-" followed by 8 or 17 lowercase hex characters (got "vpc-1234567z").'],
  ['subnet bad', () => v.validateSubnetId('subnet-123'), 'Subnet ID must be "subnet-" followed by 8 or 17 lowercase hex characters (got "subnet-123").'],
  ['subnet is sg', () => v.validateSubnetId('sg-12345678'), 'Subnet ID must be "subnet-" followed by 8 or 17 lowercase hex characters (got "sg-12345678").'],
  ['sg bad', () => v.validateSecurityGroupId('sg-0123456789abcdef'), 'Security group ID must be "sg-" followed by 8 or 17 lowercase hex characters (got "sg-0123456789abcdef").'],
  ['subnets none', () => v.validateSubnetIds([]), 'Subnets: choose at least one.'],
  ['subnets dup', () => v.validateSubnetIds(['subnet-12345678', 'subnet-12345678']), 'Subnets: "subnet-12345678" is listed twice.'],
  ['subnets item', () => v.validateSubnetIds(['subnet-12345678', 'x']), 'Subnet ID must be "subnet-" followed by 8 or 17 lowercase hex characters (got "x").'],
  ['sgs too many', () => v.validateSecurityGroupIds(['sg-00000001', 'sg-00000002', 'sg-00000003', 'sg-00000004', 'sg-00000005', 'sg-00000006']), 'Security groups: at most 5 allowed (got 6).'],
  ['rgw id', () => v.validateResourceGatewayId('rgw-0bba03f3d5606013'), 'Resource gateway ID must be "rgw-" followed by 17 lowercase letters or digits (got "rgw-0bba03f3d5606013").'],
  ['rcfg id', () => v.validateResourceConfigurationId('rcfg-ABC'), 'Resource configuration ID must be "rcfg-" followed by 17 lowercase letters or digits (got "rcfg-ABC").'],
  ['rcfg empty', () => v.validateResourceConfigurationId(''), 'Resource configuration ID is required.'],
  // ports
  ['port empty', () => v.validatePortRange(''), 'Port range is required.'],
  ['port text', () => v.validatePortRange('http'), 'Port range "http" must be a port (5432) or a range (1-65535).'],
  ['port zero', () => v.validatePortRange('0'), 'Port range "0": ports must be between 1 and 65535.'],
  ['port big', () => v.validatePortRange('65536'), 'Port range "65536": ports must be between 1 and 65535.'],
  ['port six digits', () => v.validatePortRange('123456'), 'Port range "123456" must be a port (5432) or a range (1-65535).'],
  ['port range big', () => v.validatePortRange('1-70000'), 'Port range "1-70000": ports must be between 1 and 65535.'],
  ['port reversed', () => v.validatePortRange('5433-5432'), 'Port range "5433-5432": the first port must not be greater than the last.'],
  ['port colon', () => v.validatePortRange('5432:5433'), 'Port range "5432:5433" must be a port (5432) or a range (1-65535).'],
  ['port spaces', () => v.validatePortRange('1 - 2'), 'Port range "1 - 2" must be a port (5432) or a range (1-65535).'],
  ['port negative', () => v.validatePortRange('-5'), 'Port range "-5" must be a port (5432) or a range (1-65535).'],
  ['ports none', () => v.validatePortRanges([]), 'Port ranges: choose at least one.'],
  ['ports dup', () => v.validatePortRanges(['5432', '5432']), 'Port ranges: "5432" is listed twice.'],
  // IPs
  ['ip empty', () => v.validateIpAddress(''), 'IP address is required.'],
  ['ip bad', () => v.validateIpAddress('10.0.0.256'), 'IP address "10.0.0.256" is not a valid IPv4 or IPv6 address.'],
  ['ip text', () => v.validateIpAddress('db.local'), 'IP address "db.local" is not a valid IPv4 or IPv6 address.'],
  ['ip cidr', () => v.validateIpAddress('10.0.0.0/24'), 'IP address "10.0.0.0/24" is not a valid IPv4 or IPv6 address.'],
  ['ip v6 bad', () => v.validateIpAddress('2001:db8:::1'), 'IP address "2001:db8:::1" is not a valid IPv4 or IPv6 address.'],
  ['ip outside vpc', () => v.validateIpAddress('10.1.0.5', VPC), 'IP address 10.1.0.5 is not in the VPC (10.0.0.0/16).'],
  ['ip outside two cidrs', () => v.validateIpAddress('192.168.1.1', ['10.0.0.0/16', '172.16.0.0/20']), 'IP address 192.168.1.1 is not in the VPC (10.0.0.0/16, 172.16.0.0/20).'],
  // IPv6 too must be in the VPC: outside its IPv6 block, or a VPC with none.
  ['ipv6 outside vpc', () => v.validateIpAddress('2001:db8::5', ['10.0.0.0/16', '2600:1f18:abcd:1200::/56']), 'IP address 2001:db8::5 is not in the VPC (10.0.0.0/16, 2600:1f18:abcd:1200::/56).'],
  ['ipv6 in an ipv4-only vpc', () => v.validateIpAddress('2001:db8::5', VPC), 'IP address 2001:db8::5 is not in the VPC (10.0.0.0/16).'],
  // DNS names
  ['dns empty', () => v.validateDnsName(''), 'Domain name is required.'],
  ['dns short', () => v.validateDnsName('a.'), 'Domain name must be 3 to 255 characters.'],
  ['dns single label', () => v.validateDnsName('database'), 'Domain name must have at least two labels (e.g. db.example.com).'],
  ['dns ip', () => v.validateDnsName('10.0.0.1'), 'Domain name must be a domain name, not an IP address.'],
  ['dns double dot', () => v.validateDnsName('db..example.com'), 'Domain name must not have empty labels (check for ".." or a trailing dot).'],
  ['dns trailing dot', () => v.validateDnsName('db.example.com.'), 'Domain name must not have empty labels (check for ".." or a trailing dot).'],
  ['dns underscore', () => v.validateDnsName('my_db.example.com'), 'Domain name may contain only letters, digits, hyphens and dots.'],
  ['dns hyphen label', () => v.validateDnsName('-db.example.com'), 'Domain name: labels must not start or end with a hyphen.'],
  ['dns long label', () => v.validateDnsName(`${'a'.repeat(64)}.example.com`), 'Domain name: each label must be at most 63 characters.'],
  ['dns numeric tld', () => v.validateDnsName('db.example.123'), 'Domain name must end in an alphabetic top-level domain.'],
  ['dns .local', () => v.validateDnsName('db.corp.local'), 'Domain name must be publicly resolvable (not .local).'],
  ['dns .internal', () => v.validateDnsName('ip-10-0-0-1.ec2.internal'), 'Domain name must be publicly resolvable (not .internal).'],
  ['dns url', () => v.validateDnsName('https://db.example.com'), 'Domain name may contain only letters, digits, hyphens and dots.'],
  ['private dns port', () => v.validatePrivateDnsName('kafka.example.com:9092'), 'Private DNS name may contain only letters, digits, hyphens and dots.'],
  ['private dns empty', () => v.validatePrivateDnsName(''), 'Private DNS name is required.'],
  // account / region
  ['account short', () => v.validateAccountId('12345'), 'Account ID must be 12 digits (got "12345").'],
  ['account letters', () => v.validateAccountId('12345678901a'), 'Account ID must be 12 digits (got "12345678901a").'],
  ['region empty', () => v.validateRegion(''), 'Region is required.'],
  ['region shape', () => v.validateRegion('US-EAST-1'), 'Region must be an AWS region code such as us-east-1 (got "US-EAST-1").'],
  ['region az', () => v.validateRegion('us-east-1a'), 'Region must be an AWS region code such as us-east-1 (got "us-east-1a").'],
  ['region unknown', () => v.validateRegion('us-north-9'), 'Region "us-north-9" is not an AWS commercial region.'],
  ['region china', () => v.validateRegion('cn-north-1'), 'Region "cn-north-1" is not an AWS commercial region.'],
  // ARNs
  ['rds empty', () => v.validateRdsArn(''), 'RDS ARN is required.'],
  ['rds service', () => v.validateRdsArn('arn:aws:ec2:us-east-1:123456789012:cluster:x'), 'RDS ARN must start with "arn:aws:rds:".'],
  ['rds snapshot', () => v.validateRdsArn('arn:aws:rds:us-east-1:123456789012:snapshot:x'), 'RDS ARN must look like arn:aws:rds:<region>:<12-digit account>:cluster:<name> or …:db:<name>.'],
  ['rds account', () => v.validateRdsArn('arn:aws:rds:us-east-1:1234:cluster:x'), 'RDS ARN must look like arn:aws:rds:<region>:<12-digit account>:cluster:<name> or …:db:<name>.'],
  ['rds name digit', () => v.validateRdsArn('arn:aws:rds:us-east-1:123456789012:cluster:1db'), 'RDS ARN must look like arn:aws:rds:<region>:<12-digit account>:cluster:<name> or …:db:<name>.'],
  ['rds name trailing hyphen', () => v.validateRdsArn('arn:aws:rds:us-east-1:123456789012:db:db-'), 'RDS ARN must look like arn:aws:rds:<region>:<12-digit account>:cluster:<name> or …:db:<name>.'],
  ['rds region', () => v.validateRdsArn('arn:aws:rds:useast1:123456789012:cluster:db'), 'RDS ARN: "useast1" is not an AWS region code.'],
  ['role empty', () => v.validateIamRoleArn(''), 'IAM role ARN is required.'],
  ['role user', () => v.validateIamRoleArn('arn:aws:iam::123456789012:user/bob'), 'IAM role ARN must look like arn:aws:iam::<12-digit account>:role/<name>.'],
  ['role region', () => v.validateIamRoleArn('arn:aws:iam:us-east-1:123456789012:role/x'), 'IAM role ARN must look like arn:aws:iam::<12-digit account>:role/<name>.'],
  ['role no name', () => v.validateIamRoleArn('arn:aws:iam::123456789012:role/'), 'IAM role ARN: the role name must be 1 to 64 letters, digits or +=,.@_- characters.'],
  ['role bad char', () => v.validateIamRoleArn('arn:aws:iam::123456789012:role/my role'), 'IAM role ARN: the role name must be 1 to 64 letters, digits or +=,.@_- characters.'],
  ['role account id only', () => v.validateIamRoleArn('123456789012', 'ClickHouse service role ARN'), 'ClickHouse service role ARN must look like arn:aws:iam::<12-digit account>:role/<name>.'],
  ['msk empty', () => v.validateMskClusterArn(''), 'MSK cluster ARN is required.'],
  ['msk no uuid', () => v.validateMskClusterArn('arn:aws:kafka:us-east-1:123456789012:cluster/demo'), 'MSK cluster ARN must look like arn:aws:kafka:<region>:<12-digit account>:cluster/<name>/<uuid>.'],
  ['msk topic', () => v.validateMskClusterArn('arn:aws:kafka:us-east-1:123456789012:topic/demo/abc-1/t'), 'MSK cluster ARN must look like arn:aws:kafka:<region>:<12-digit account>:cluster/<name>/<uuid>.'],
  ['nlb alb', () => v.validateNlbArn('arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef'), 'Network Load Balancer ARN: endpoint services need a Network Load Balancer (loadbalancer/net/…), not an application or gateway load balancer.'],
  ['nlb shape', () => v.validateNlbArn('arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/123'), 'Network Load Balancer ARN must look like arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/net/<name>/<16 hex>.'],
  ['nlb region', () => v.validateNlbArn('arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/web/0123456789abcdef', 'us-east-1'), 'Network Load Balancer ARN: the load balancer is in us-west-2, not in the service\'s region us-east-1.'],
  ['share arn', () => v.validateResourceShareArn('arn:aws:ram:us-east-1:123456789012:resource-share/abc'), 'Resource share ARN must look like arn:aws:ram:<region>:<12-digit account>:resource-share/<uuid>.'],
  ['service name', () => v.validateEndpointServiceName('vpce-svc-0123456789abcdef0'), 'Endpoint service name must look like com.amazonaws.vpce.<region>.vpce-svc-<17 hex characters>.'],
  ['service id', () => v.validateEndpointServiceId('vpce-svc-123'), 'Endpoint service ID must be "vpce-svc-" followed by 17 hex characters (got "vpce-svc-123").'],
  // names
  ['share empty', () => v.validateResourceShareName(''), 'Resource share name is required.'],
  ['share long', () => v.validateResourceShareName('s'.repeat(256)), 'Resource share name must be at most 255 characters.'],
  ['share control', () => v.validateResourceShareName('a\tb'), 'Resource share name must not contain control characters.'],
  ['share spaces', () => v.validateResourceShareName(' share'), 'Resource share name must not start or end with spaces.'],
  ['role name empty', () => v.validateRoleName(''), 'IAM role name is required.'],
  ['role name long', () => v.validateRoleName('r'.repeat(65)), 'IAM role name must be at most 64 characters (got 65).'],
  ['role name slash', () => v.validateRoleName('path/role'), 'IAM role name may contain only letters, digits and +=,.@_- characters.'],
  ['role name space', () => v.validateRoleName('my role'), 'IAM role name may contain only letters, digits and +=,.@_- characters.'],
  // DB users
  ['db user empty', () => v.validateDbUser('', 'postgres'), 'Database user name is required.'],
  ['db user engine', () => v.validateDbUser('u', 'oracle-ee'), 'Database user name: engine "oracle-ee" is not supported (postgres, aurora-postgresql, mysql, aurora-mysql, mariadb).'],
  ['pg upper', () => v.validateDbUser('ClickPipes', 'postgres'), 'Database user name must start with a lowercase letter or underscore and contain only lowercase letters, digits, _ and $ (PostgreSQL folds unquoted names to lowercase).'],
  ['pg digit', () => v.validateDbUser('1user', 'aurora-postgresql'), 'Database user name must start with a lowercase letter or underscore and contain only lowercase letters, digits, _ and $ (PostgreSQL folds unquoted names to lowercase).'],
  ['pg hyphen', () => v.validateDbUser('click-pipes', 'postgres'), 'Database user name must start with a lowercase letter or underscore and contain only lowercase letters, digits, _ and $ (PostgreSQL folds unquoted names to lowercase).'],
  ['pg long', () => v.validateDbUser('u'.repeat(64), 'postgres'), 'Database user name must be at most 63 characters for PostgreSQL.'],
  ['pg prefix', () => v.validateDbUser('pg_reader', 'postgres'), 'Database user name must not start with "pg_" (reserved by PostgreSQL).'],
  ['pg reserved', () => v.validateDbUser('rdsadmin', 'postgres'), 'Database user name "rdsadmin" is reserved on RDS PostgreSQL.'],
  ['mysql long', () => v.validateDbUser('u'.repeat(33), 'mysql'), 'Database user name must be at most 32 characters for MySQL.'],
  ['mysql quote', () => v.validateDbUser("o'brien", 'aurora-mysql'), 'Database user name may contain only letters, digits, _ and $.'],
  ['mysql at', () => v.validateDbUser('user@host', 'mysql'), 'Database user name may contain only letters, digits, _ and $.'],
  ['mysql root', () => v.validateDbUser('root', 'mysql'), 'Database user name "root" is reserved on RDS MySQL.'],
  ['mariadb long', () => v.validateDbUser('u'.repeat(81), 'mariadb'), 'Database user name must be at most 80 characters for MariaDB.'],
  ['mariadb reserved', () => v.validateDbUser('RDSADMIN', 'mariadb'), 'Database user name "RDSADMIN" is reserved on RDS MariaDB.'],
  // MSK auth
  ['msk auth none', () => v.validateMskAuthSelection({ iam: false, scram: false, tls: true }), 'Authentication: choose SASL/IAM or SASL/SCRAM (ClickPipes connects with one of them).'],
  ['msk auth iam off', () => v.validateMskAuthSelection({ iam: true, scram: false }, { iam: false, scram: true, tls: false }), 'Authentication: SASL/IAM is not enabled on the cluster; enable it on the cluster first.'],
  ['msk auth scram off', () => v.validateMskAuthSelection({ iam: false, scram: true }, { iam: true, scram: false, tls: false }), 'Authentication: SASL/SCRAM is not enabled on the cluster; enable it on the cluster first.'],
  ['msk auth tls off', () => v.validateMskAuthSelection({ iam: true, scram: false, tls: true }, { iam: true, scram: false, tls: false }), 'Authentication: TLS is not enabled on the cluster; enable it on the cluster first.'],
  // ClickHouse side
  ['description empty', () => v.validateDescription(''), 'Description is required.'],
  ['description long', () => v.validateDescription('d'.repeat(256)), 'Description must be at most 255 characters (got 256).'],
  ['org id', () => v.validateOrganizationId('org-1'), 'Organization ID must be a UUID (ClickHouse Cloud → Organization → Details).'],
  ['service uuid', () => v.validateServiceId('abc'), 'Service ID must be a UUID (ClickHouse Cloud → service → Settings).'],
  ['supported regions bad', () => v.validateSupportedRegions(['us-east-1', 'mars-1']), 'Region must be an AWS region code such as us-east-1 (got "mars-1").'],
  ['supported regions own', () => v.validateSupportedRegions(['us-east-2'], 'us-east-2'), "Supported regions: us-east-2 is the service's own region; list only other regions."],
];

const good: [string, () => string | undefined][] = [
  ['gw', () => v.validateGatewayName('clickpipes-gw-1')],
  ['cfg', () => v.validateConfigurationName('my-rds-cluster-config')],
  ['vpc 17', () => v.validateVpcId('vpc-0123456789abcdef0')],
  ['subnet 8', () => v.validateSubnetId('subnet-0123abcd')],
  ['ports', () => v.validatePortRanges(['5432', '1-65535'])],
  ['ipv4 in vpc', () => v.validateIpAddress('10.0.3.4', VPC)],
  ['ipv6 in vpc', () => v.validateIpAddress('2600:1f18:abcd:12ff::5', ['10.0.0.0/16', '2600:1f18:abcd:1200::/56'])],
  ['ipv6, vpc unknown', () => v.validateIpAddress('2001:db8::5')],
  ['dns', () => v.validateDnsName('mydb.abc123.us-east-1.rds.amazonaws.com')],
  ['rds cluster', () => v.validateRdsArn('arn:aws:rds:us-east-1:123456789012:cluster:my-rds-cluster')],
  ['rds db', () => v.validateRdsArn('arn:aws:rds:eu-west-1:123456789012:db:pg-1')],
  ['role', () => v.validateIamRoleArn('arn:aws:iam::123456789012:role/ClickHouseAccessRole-001')],
  ['role path', () => v.validateIamRoleArn('arn:aws:iam::123456789012:role/service-role/x@y.z')],
  ['msk', () => v.validateMskClusterArn('arn:aws:kafka:us-east-1:123456789012:cluster/demo/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5')],
  ['nlb', () => v.validateNlbArn('arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/0123456789abcdef', 'us-east-1')],
  ['share arn', () => v.validateResourceShareArn('arn:aws:ram:us-east-1:123456789012:resource-share/8d7f3e3c-1b2a-4c5d-9e8f-0a1b2c3d4e5f')],
  ['service name', () => v.validateEndpointServiceName('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0')],
  ['pg user', () => v.validateDbUser('clickpipes_iam_user', 'postgres')],
  ['mysql user', () => v.validateDbUser('ClickPipes_IAM', 'aurora-mysql')],
  ['role name', () => v.validateRoleName('ClickPipes-RDS+IAM=,.@_')],
  ['region', () => v.validateRegion('ap-southeast-2')],
  ['msk auth', () => v.validateMskAuthSelection({ iam: true, scram: false }, { iam: true, scram: false, tls: false })],
];

describe('validation: field validators', () => {
  it(`has at least 80 bad inputs (${bad.length})`, () => assert.ok(bad.length >= 80));
  for (const [name, run, expected] of bad) it(`rejects: ${name}`, () => assert.equal(run(), expected));
  for (const [name, run] of good) it(`accepts: ${name}`, () => assert.equal(run(), undefined));
});

describe('validation: validateForm', () => {
  const vpcForm = {
    gatewayMode: 'new' as const, gatewayName: 'cp-gw', vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123abcd'], securityGroupIds: ['sg-0123abcd'],
    configurationName: 'cp-db', configurationType: 'ARN' as const, definitionKind: 'arn' as const,
    arn: 'arn:aws:rds:us-east-1:123456789012:cluster:my-rds-cluster', shareName: 'clickpipes-share',
  };

  it('accepts a valid VPC-resource form', () => assert.deepEqual(validateForm('vpcResource', vpcForm), {}));

  it('reports every bad field of a VPC-resource form', () => {
    assert.deepEqual(validateForm('vpcResource', { ...vpcForm, gatewayName: 'rgw-x', subnetIds: [], arn: 'nope', shareName: '' }), {
      gatewayName: 'Resource gateway name must not start with "rgw-".',
      subnetIds: 'Subnets: choose at least one.',
      arn: 'RDS ARN must start with "arn:aws:rds:".',
      shareName: 'Resource share name is required.',
    });
  });

  it('SINGLE with IP checks the VPC and the ports; existing gateway needs its id', () => {
    assert.deepEqual(
      validateForm('vpcResource', {
        ...vpcForm, gatewayMode: 'existing', gatewayId: 'rgw-1', configurationType: 'SINGLE', definitionKind: 'ip', ipAddress: '10.9.0.1',
        vpcCidrs: VPC, portRanges: ['99999'],
      }),
      {
        gatewayId: 'Resource gateway ID must be "rgw-" followed by 17 lowercase letters or digits (got "rgw-1").',
        ipAddress: 'IP address 10.9.0.1 is not in the VPC (10.0.0.0/16).',
        portRanges: 'Port range "99999": ports must be between 1 and 65535.',
      },
    );
    assert.deepEqual(validateForm('vpcResource', { ...vpcForm, configurationType: 'SINGLE', definitionKind: undefined, portRanges: ['5432'] }), {
      definitionKind: 'Definition: a SINGLE configuration needs an IP address or a DNS name.',
    });
    assert.deepEqual(validateForm('vpcResource', { ...vpcForm, configurationType: 'CHILD', groupId: 'x', definitionKind: 'dns', domainName: 'db.example.com', portRanges: ['5432'] }), {
      groupId: 'Resource configuration ID must be "rcfg-" followed by 17 lowercase letters or digits (got "x").',
    });
    // A GROUP's plan creates its first CHILD, so it needs a target; a CHILD's plan shares nothing.
    assert.deepEqual(validateForm('vpcResource', { ...vpcForm, configurationType: 'GROUP', definitionKind: undefined, portRanges: ['5432'] }), {
      definitionKind: 'Definition: a GROUP configuration needs an IP address or a DNS name.',
    });
    assert.deepEqual(validateForm('vpcResource', {
      ...vpcForm, configurationType: 'CHILD', groupId: 'rcfg-0123456789abcdefg', definitionKind: 'dns', domainName: 'db.example.com', portRanges: ['5432'], shareName: '',
    }), {});
    assert.deepEqual(validateForm('vpcResource', { ...vpcForm, configurationType: 'CIDR' }), {
      configurationType: 'Configuration type must be SINGLE, GROUP, CHILD or ARN.',
    });
  });

  it('MSK, endpoint service, IAM DB auth and ClickHouse endpoint forms', () => {
    assert.deepEqual(validateForm('mskMultiVpc', { clusterArn: '', auth: { iam: false, scram: false } }), {
      clusterArn: 'MSK cluster ARN is required.',
      auth: 'Authentication: choose SASL/IAM or SASL/SCRAM (ClickPipes connects with one of them).',
    });
    assert.deepEqual(validateForm('endpointService', { mode: 'new', networkLoadBalancerArns: [], region: 'us-east-1', supportedRegions: ['us-east-1'] }), {
      networkLoadBalancerArns: 'Network Load Balancers: choose at least one.',
      supportedRegions: "Supported regions: us-east-1 is the service's own region; list only other regions.",
    });
    assert.deepEqual(validateForm('endpointService', { mode: 'existing', serviceId: 'vpce-svc-0123456789abcdef0', supportedRegions: ['eu-west-1'], region: 'us-east-1' }), {});
    assert.deepEqual(
      validateForm('iamDbAuth', {
        databaseKind: 'cluster', databaseId: 'aurora-1', resourceId: 'db-ABC', engine: 'aurora-postgresql', region: 'us-east-1', account: '123456789012',
        clickhouseRoleArn: 'arn:aws:iam::123456789012:role/CH', dbUser: 'Bad-User', roleName: 'ok', enableIamAuth: true,
      }),
      {
        dbUser: 'Database user name must start with a lowercase letter or underscore and contain only lowercase letters, digits, _ and $ (PostgreSQL folds unquoted names to lowercase).',
        resourceId: 'Resource ID must look like cluster-XXXXXXXX (the DbClusterResourceId).',
      },
    );
    assert.deepEqual(
      validateForm('clickhouseEndpoint', {
        organizationId: '5f8e8a4c-1d2b-4c3a-9e8f-0a1b2c3d4e5f', serviceId: '5f8e8a4c-1d2b-4c3a-9e8f-0a1b2c3d4e5f', description: 'x', type: 'MSK_MULTI_VPC',
        mskClusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/abc-1', mskAuthentication: 'TLS',
      }),
      { mskAuthentication: 'MSK authentication must be SASL_IAM or SASL_SCRAM.' },
    );
    // A number where the API wants text is refused, not read as "42" (found by the resilience fuzz).
    assert.deepEqual(
      Object.keys(validateForm('clickhouseEndpoint', {
        organizationId: '5f8e8a4c-1d2b-4c3a-9e8f-0a1b2c3d4e5f', serviceId: '5f8e8a4c-1d2b-4c3a-9e8f-0a1b2c3d4e5f', description: 42, type: 'VPC_ENDPOINT_SERVICE',
        vpcEndpointServiceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0',
      })),
      ['description'],
    );
  });
});

// Entry of the lazily loaded AWS bundle (dist/aws.js): wires profiles, credentials, the client
// cache and the service modules into the AwsLayer contract. Imports no `vscode`.
import type { AwsLayer, AwsLayerOptions, CreateAwsLayer } from './api';
import { CredentialStore } from './credentials';
import { ClientCache, DEFAULT_MAX_ATTEMPTS } from './clients';
import { AwsContext } from './awsContext';
import { profileReader } from './profileReader';
import * as lattice from './lattice';
import * as ram from './ram';
import * as kafka from './kafka';
import * as ec2 from './ec2';
import * as iam from './iam';
import * as sts from './sts';
import * as rds from './rds';
import * as elbv2 from './elbv2';
import * as secrets from './secrets';
import { call } from './call';
import * as doctor from './doctor';

export const createAwsLayer: CreateAwsLayer = (options: AwsLayerOptions = {}): AwsLayer => {
  const credentials = new CredentialStore({ mfaCodeProvider: options.mfaCodeProvider, log: options.log });
  const clients = new ClientCache(credentials, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const ctx = new AwsContext(clients, options.log);
  return {
    listProfiles: profileReader.listProfiles,
    profileFiles: profileReader.profileFiles,
    callerIdentity: (profile) => sts.callerIdentity(ctx, profile),
    listResourceGateways: (scope) => lattice.listResourceGateways(ctx, scope),
    getResourceGateway: (scope, id) => lattice.getResourceGateway(ctx, scope, id),
    listResourceConfigurations: (scope, opts) => lattice.listResourceConfigurations(ctx, scope, !!opts?.details),
    getResourceConfiguration: (scope, id) => lattice.getResourceConfiguration(ctx, scope, id),
    getResourceConfigurations: (scope, ids) => lattice.getResourceConfigurations(ctx, scope, ids),
    listResourceShares: (scope) => ram.listResourceShares(ctx, scope),
    listMskClusters: (scope, opts) => kafka.listMskClusters(ctx, scope, !!opts?.policies),
    describeMskCluster: (scope, arn) => kafka.describeMskCluster(ctx, scope, arn),
    listMskSecrets: (scope) => secrets.listMskSecrets(ctx, scope),
    getMskClusterPolicies: (scope, arns) => kafka.getClusterPolicies(ctx, scope, arns),
    getMskClusterPolicy: async (scope, arn) => (await kafka.getClusterPolicy(ctx, scope, arn)) ?? null,
    getBootstrapBrokers: (scope, arn) => kafka.getBootstrapBrokers(ctx, scope, arn),
    listEndpointServices: (scope) => ec2.listEndpointServices(ctx, scope),
    listDatabases: (scope) => rds.listDatabases(ctx, scope),
    listVpcs: (scope) => ec2.listVpcs(ctx, scope),
    listSubnets: (scope, vpcId) => ec2.listSubnets(ctx, scope, vpcId),
    listSubnetsOfVpcs: (scope, vpcIds) => ec2.listSubnetsOfVpcs(ctx, scope, vpcIds),
    listSecurityGroups: (scope, vpcId) => ec2.listSecurityGroups(ctx, scope, vpcId),
    listLoadBalancers: (scope) => elbv2.listLoadBalancers(ctx, scope),
    getRole: (profile, name) => iam.getRole(ctx, profile, name),
    doctor: {
      vpcResource: (scope, id) => doctor.vpcResourceFacts(ctx, scope, id),
      endpointService: (scope, which, opts) => doctor.endpointServiceFacts(ctx, scope, which, opts),
      mskMultiVpc: (scope, arn, auth) => doctor.mskFacts(ctx, scope, arn, auth),
      database: (scope, kind, id, opts) => doctor.databaseFacts(ctx, scope, kind, id, opts),
      databaseAtEndpoint: (scope, domainName, opts) => doctor.databaseFactsAtEndpoint(ctx, scope, domainName, opts),
    },
    call: (scope, service, operation, input) => call(ctx, scope, service, operation, input),
    reset() {
      clients.reset();
      credentials.reset();
    },
    dispose() {
      clients.reset();
      credentials.reset();
    },
  };
};

// Amazon MSK configurations (restJson1), for the doctor's Kafka ACL fix: ListConfigurations, CreateConfiguration,
// UpdateConfiguration (a new revision), DescribeConfigurationRevision and
// UpdateClusterConfiguration (a cluster operation, followed with DescribeClusterOperationV2).
// Shapes, URIs and required members: the SDK's kafka schema (botocore kafka service-2.json):
// POST /v1/configurations {name, serverProperties, description?, kafkaVersions?};
// PUT /v1/configurations/{Arn} {serverProperties, description?}; both answer latestRevision;
// PUT /v1/clusters/{ClusterArn}/configuration {configurationInfo {arn, revision}, currentVersion}.
// ServerProperties is a blob: base64 on the wire, plain text in the world.
import { ApiError, World } from '../core/types';
import type { RouteContext } from '../core/restRouter';
import { paginate } from '../core/protocols';
import { clusterOf, fromWire, newClusterVersion, toWire } from './kafka';

const CONFIGURATION_ARN = /^arn:aws[a-z-]*:kafka:([a-z0-9-]+):(\d{12}):configuration\/([a-zA-Z0-9-]+)\/[0-9a-f-]+$/;
const NAME = /^[0-9A-Za-z][0-9A-Za-z-]{0,}$/;

const badRequest = (message: string, invalidParameter?: string) =>
  new ApiError('BadRequestException', message, 400, invalidParameter ? { invalidParameter } : {});
const notFound = (message: string) => new ApiError('NotFoundException', message, 404);

function revisionsOf(ctx: RouteContext, arn: string): Record<string, any>[] {
  const m = CONFIGURATION_ARN.exec(arn);
  if (!m) throw badRequest(`The configuration ARN ${arn} is not valid.`, 'arn');
  const revisions = ctx.world.region(ctx.req.accountId, ctx.req.region).mskConfigurations.get(arn);
  if (!revisions || m[1] !== ctx.req.region || m[2] !== ctx.req.accountId) throw notFound(`The configuration ${arn} does not exist.`);
  return revisions;
}

function propertiesText(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw badRequest('serverProperties is required.', 'serverProperties');
  const text = Buffer.from(value, 'base64').toString('utf8');
  for (const line of text.split(/\r?\n/)) {
    const l = line.trim();
    if (l && !l.startsWith('#') && !/^[^=:\s]+\s*[=:]/.test(l)) throw badRequest(`The server properties line "${l}" is not a property.`, 'serverProperties');
  }
  return text;
}

const revisionOut = (r: Record<string, any>) => ({ CreationTime: r.CreationTime, Description: r.Description, Revision: r.Revision });

export function createConfiguration(ctx: RouteContext) {
  const input = fromWire(ctx.body);
  if (typeof input.Name !== 'string' || !NAME.test(input.Name)) throw badRequest('name is required and may hold letters, digits and hyphens.', 'name');
  const text = propertiesText(input.ServerProperties);
  const configurations = ctx.world.region(ctx.req.accountId, ctx.req.region).mskConfigurations;
  if ([...configurations.keys()].some((arn) => CONFIGURATION_ARN.exec(arn)?.[3] === input.Name)) {
    throw new ApiError('ConflictException', `A configuration named ${input.Name} already exists.`, 409, { invalidParameter: 'name' });
  }
  const arn = `arn:aws:kafka:${ctx.req.region}:${ctx.req.accountId}:configuration/${input.Name}/${ctx.world.uuid()}-1`;
  const revision = { Revision: 1, Description: input.Description, CreationTime: new Date(ctx.world.clock.now()).toISOString(), ServerProperties: text, KafkaVersions: input.KafkaVersions ?? [] };
  configurations.set(arn, [revision]);
  return toWire({ Arn: arn, CreationTime: revision.CreationTime, LatestRevision: revisionOut(revision), Name: input.Name, State: 'ACTIVE' });
}

/** GET /v1/configurations (maxResults 1-100, nextToken): every configuration with its latest revision. */
export function listConfigurations(ctx: RouteContext) {
  const raw = ctx.req.query.get('maxResults');
  const size = raw === null ? 100 : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 100) throw badRequest('maxResults must be between 1 and 100.', 'maxResults');
  const all = [...ctx.world.region(ctx.req.accountId, ctx.req.region).mskConfigurations.entries()].map(([arn, revisions]) => {
    const first = revisions[0];
    const latest = revisions[revisions.length - 1];
    return {
      Arn: arn, CreationTime: first.CreationTime, Description: first.Description ?? '', KafkaVersions: first.KafkaVersions ?? [],
      LatestRevision: revisionOut(latest), Name: CONFIGURATION_ARN.exec(arn)?.[3] ?? '', State: 'ACTIVE',
    };
  });
  const { page, nextToken } = paginate(all, {
    scope: `kafka:configurations:${ctx.req.accountId}:${ctx.req.region}`, pageSize: size, token: ctx.req.query.get('nextToken') ?? undefined,
    badToken: () => badRequest('The nextToken is not valid.', 'nextToken'),
  });
  return toWire({ Configurations: page, NextToken: nextToken });
}

export function updateConfiguration(ctx: RouteContext) {
  const arn = ctx.params.Arn;
  const revisions = revisionsOf(ctx, arn);
  const input = fromWire(ctx.body);
  const text = propertiesText(input.ServerProperties);
  const revision = { Revision: revisions.length + 1, Description: input.Description, CreationTime: new Date(ctx.world.clock.now()).toISOString(), ServerProperties: text };
  revisions.push(revision);
  return toWire({ Arn: arn, LatestRevision: revisionOut(revision) });
}

export function describeConfigurationRevision(ctx: RouteContext) {
  const arn = ctx.params.Arn;
  if (!CONFIGURATION_ARN.test(arn)) throw badRequest(`The configuration ARN ${arn} is not valid.`, 'arn');
  const revision = Number(ctx.params.Revision);
  if (!Number.isInteger(revision) || revision < 1) throw badRequest('revision must be a positive integer.', 'revision');
  const r = revisionsOf(ctx, arn).find((x) => x.Revision === revision);
  if (!r) throw notFound(`The revision ${revision} of configuration ${arn} does not exist.`);
  return toWire({
    Arn: arn, CreationTime: r.CreationTime, Description: r.Description, Revision: r.Revision,
    ServerProperties: Buffer.from(String(r.ServerProperties), 'utf8').toString('base64'),
  });
}

/** A cluster operation PENDING → UPDATE_IN_PROGRESS → UPDATE_COMPLETE; `done` runs at the end. */
function startOperation(world: World, req: RouteContext['req'], cluster: Record<string, any>, type: string, done: () => void): string {
  const uuid = /\/([0-9a-f-]+)$/.exec(cluster.ClusterArn)?.[1] ?? '';
  const operationArn = `arn:aws:kafka:${req.region}:${req.accountId}:cluster-operation/${cluster.ClusterName}/${uuid}/${world.uuid()}`;
  const operation: Record<string, any> = {
    ClusterArn: cluster.ClusterArn, ClusterType: 'PROVISIONED', OperationArn: operationArn, OperationType: type,
    OperationState: 'PENDING', StartTime: new Date(world.clock.now()).toISOString(),
  };
  world.region(req.accountId, req.region).mskOperations.set(operationArn, operation);
  cluster.State = 'UPDATING';
  cluster.ActiveOperationArn = operationArn;
  world.schedule(Math.floor(world.timings.update / 4), `cluster ${cluster.ClusterName} ${type} started`, () => {
    if (operation.OperationState === 'PENDING') operation.OperationState = 'UPDATE_IN_PROGRESS';
  });
  world.schedule(world.timings.update, `cluster ${cluster.ClusterName} ${type} done`, () => {
    cluster.State = 'ACTIVE';
    delete cluster.ActiveOperationArn;
    done();
    cluster.CurrentVersion = newClusterVersion(world);
    operation.EndTime = new Date(world.clock.now()).toISOString();
    operation.OperationState = 'UPDATE_COMPLETE';
  });
  return operationArn;
}

export function updateClusterConfiguration(ctx: RouteContext) {
  const cluster = clusterOf(ctx);
  const input = fromWire(ctx.body);
  if (!input.CurrentVersion) throw badRequest('currentVersion is required.', 'currentVersion');
  const info = input.ConfigurationInfo;
  if (!info || typeof info.Arn !== 'string') throw badRequest('configurationInfo.arn is required.', 'configurationInfo');
  if (!Number.isInteger(info.Revision) || info.Revision < 1) throw badRequest('configurationInfo.revision must be a positive integer.', 'configurationInfo');
  if (cluster.ClusterType !== 'PROVISIONED') throw badRequest('Only provisioned clusters run a configuration.', 'clusterArn');
  if (cluster.State !== 'ACTIVE') throw badRequest(`The cluster is in ${cluster.State} state; it must be ACTIVE.`, 'clusterArn');
  if (input.CurrentVersion !== cluster.CurrentVersion) {
    throw badRequest(`The currentVersion ${input.CurrentVersion} does not match the cluster's current version.`, 'currentVersion');
  }
  const revision = revisionsOf(ctx, info.Arn).find((r) => r.Revision === info.Revision);
  if (!revision) throw badRequest(`The revision ${info.Revision} of configuration ${info.Arn} does not exist.`, 'configurationInfo');
  const versions: string[] | undefined = revision.KafkaVersions;
  const kafkaVersion = cluster.Provisioned.CurrentBrokerSoftwareInfo?.KafkaVersion;
  if (versions?.length && kafkaVersion && !versions.includes(kafkaVersion)) {
    throw badRequest(`The configuration is for Apache Kafka ${versions.join(', ')}; the cluster runs ${kafkaVersion}.`, 'configurationInfo');
  }
  const operationArn = startOperation(ctx.world, ctx.req, cluster, 'UPDATE_CLUSTER_CONFIGURATION', () => {
    cluster.Provisioned.CurrentBrokerSoftwareInfo = { ...cluster.Provisioned.CurrentBrokerSoftwareInfo, ConfigurationArn: info.Arn, ConfigurationRevision: info.Revision };
  });
  return toWire({ ClusterArn: cluster.ClusterArn, ClusterOperationArn: operationArn });
}

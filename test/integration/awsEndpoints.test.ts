// Does every client go where the profile's endpoint_url says? Checked at the last middleware step,
// where the request is signed and addressed but not yet sent, so nothing reaches AWS or the network.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { VPCLatticeClient, ListResourceGatewaysCommand } from '@aws-sdk/client-vpc-lattice';
import { GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { ListClustersV2Command } from '@aws-sdk/client-kafka';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { ClientCache, AwsService } from '../../src/aws/clients';
import { CredentialStore } from '../../src/aws/credentials';
import { awsSandbox, AwsSandbox } from './awsEnv';

type Sendable = { send(c: unknown): Promise<unknown>; middlewareStack: { add(mw: unknown, opts: unknown): void } };

/** Where the client would send `command`: protocol//host:port, captured before sending. */
async function destination(client: Sendable, command: unknown): Promise<{ url: string; signingRegion?: string }> {
  let seen: { url: string; signingRegion?: string } | undefined;
  client.middlewareStack.add((_next: unknown) => async (args: { request: { protocol: string; hostname: string; port?: number; headers: Record<string, string> } }) => {
    const r = args.request;
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(r.headers.authorization ?? '');
    seen = { url: `${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ''}`, signingRegion: scope?.[1] };
    throw new Error('captured');
  }, { step: 'finalizeRequest', priority: 'low', name: 'captureDestination' });
  await client.send(command).catch((e: Error) => { if (e.message !== 'captured') throw e; });
  assert.ok(seen, 'the request never reached the capture step');
  return seen;
}

const COMMANDS: Record<AwsService, () => unknown> = {
  'vpc-lattice': () => new ListResourceGatewaysCommand({}),
  ram: () => new GetResourceSharesCommand({ resourceOwner: 'SELF' }),
  kafka: () => new ListClustersV2Command({}),
  ec2: () => new DescribeVpcsCommand({}),
  iam: () => new ListRolesCommand({}),
  sts: () => new GetCallerIdentityCommand({}),
  rds: () => new DescribeDBInstancesCommand({}),
  elbv2: () => new DescribeLoadBalancersCommand({}),
  secretsmanager: () => new ListSecretsCommand({}),
};

describe('AWS layer: endpoint overrides from the profile, for every client', () => {
  let box: AwsSandbox;
  beforeEach(() => {
    box = awsSandbox();
    fs.writeFileSync(box.config, [
      '[default]', 'region = us-east-1', '',
      '[profile emu]', 'region = eu-central-1', 'endpoint_url = http://127.0.0.1:4566', '',
      '[profile split]', 'region = us-east-1', 'services = split-svcs', 'endpoint_url = http://127.0.0.1:4000', '',
      '[services split-svcs]', 'sts =', '  endpoint_url = http://127.0.0.1:4001', '',
    ].join('\n'));
    fs.writeFileSync(box.credentials, ['[emu]', 'aws_access_key_id = AKIAENDPOINTTEST0001', 'aws_secret_access_key = x', '',
      '[split]', 'aws_access_key_id = AKIAENDPOINTTEST0001', 'aws_secret_access_key = x', ''].join('\n'));
  });
  afterEach(() => box.restore());

  it('SDK gap this layer works around: a client given `profile` ignores that profile\'s endpoint_url', async () => {
    // The SDK reads endpoint_url only from AWS_PROFILE/default (getEndpointFromConfig has no profile).
    const plain = new VPCLatticeClient({ profile: 'emu', region: 'eu-central-1', credentials: { accessKeyId: 'AKIAENDPOINTTEST0001', secretAccessKey: 'x' } });
    assert.equal((await destination(plain as unknown as Sendable, new ListResourceGatewaysCommand({}))).url, 'https://vpc-lattice.eu-central-1.amazonaws.com');
    process.env.AWS_PROFILE = 'emu';
    const viaEnv = new VPCLatticeClient({ region: 'eu-central-1', credentials: { accessKeyId: 'AKIAENDPOINTTEST0001', secretAccessKey: 'x' } });
    assert.equal((await destination(viaEnv as unknown as Sendable, new ListResourceGatewaysCommand({}))).url, 'http://127.0.0.1:4566');
    plain.destroy();
    viaEnv.destroy();
  });

  it('every client from the cache goes to the profile\'s endpoint_url; IAM signs with us-east-1', async () => {
    const cache = new ClientCache(new CredentialStore());
    for (const service of Object.keys(COMMANDS) as AwsService[]) {
      const client = (await cache.get({ profile: 'emu', region: 'eu-central-1' }, service)) as unknown as Sendable;
      const d = await destination(client, COMMANDS[service]());
      assert.equal(d.url, 'http://127.0.0.1:4566', service);
      assert.equal(d.signingRegion, service === 'iam' ? 'us-east-1' : 'eu-central-1', service);
    }
    cache.reset();
  });

  it('a profile without endpoint_url goes to AWS even when AWS_PROFILE points at one that has it', async () => {
    process.env.AWS_PROFILE = 'emu';
    fs.appendFileSync(box.credentials, '\n[default]\naws_access_key_id = AKIAENDPOINTTEST0001\naws_secret_access_key = x\n');
    const cache = new ClientCache(new CredentialStore());
    const client = (await cache.get({ profile: 'default', region: 'us-east-1' }, 'ram')) as unknown as Sendable;
    assert.equal((await destination(client, COMMANDS.ram())).url, 'https://ram.us-east-1.amazonaws.com');
    cache.reset();
  });

  it('per-service [services] endpoints and AWS_ENDPOINT_URL_<SERVICE> apply per client', async () => {
    const cache = new ClientCache(new CredentialStore());
    const scope = { profile: 'split', region: 'us-east-1' };
    assert.equal((await destination((await cache.get(scope, 'sts')) as unknown as Sendable, COMMANDS.sts())).url, 'http://127.0.0.1:4001');
    assert.equal((await destination((await cache.get(scope, 'ram')) as unknown as Sendable, COMMANDS.ram())).url, 'http://127.0.0.1:4000');
    cache.reset();
    process.env.AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 = 'http://127.0.0.1:4002';
    try {
      assert.equal((await destination((await cache.get(scope, 'elbv2')) as unknown as Sendable, COMMANDS.elbv2())).url, 'http://127.0.0.1:4002');
    } finally {
      delete process.env.AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2;
      cache.reset();
    }
  });

  it('the files are read once per generation: an edited endpoint_url reaches the next client after reset(), not before', async () => {
    const cache = new ClientCache(new CredentialStore());
    const scope = { profile: 'emu', region: 'eu-central-1' };
    assert.equal((await destination((await cache.get(scope, 'ram')) as unknown as Sendable, COMMANDS.ram())).url, 'http://127.0.0.1:4566');
    fs.writeFileSync(box.config, fs.readFileSync(box.config, 'utf8').replace('http://127.0.0.1:4566', 'http://127.0.0.1:4567'));
    // Same generation: the read it started with.
    assert.equal((await destination((await cache.get(scope, 'kafka')) as unknown as Sendable, COMMANDS.kafka())).url, 'http://127.0.0.1:4566');
    cache.reset();
    assert.equal((await destination((await cache.get(scope, 'ec2')) as unknown as Sendable, COMMANDS.ec2())).url, 'http://127.0.0.1:4567');
    cache.reset();
  });
});

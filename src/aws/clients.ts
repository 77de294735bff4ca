// One SDK client per (profile, region, service), created on first use and kept until reset().
// Endpoint: whatever the profile/env configures (see endpoints.ts), else the AWS default.
// Retries: the SDK's standard strategy (exponential backoff with jitter, longer base delay for
// throttling errors). Not 'adaptive': its client-side rate limiter slows every later call of the
// client after one throttle, which costs the explorer's full load more than it saves.
import { VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { RAMClient } from '@aws-sdk/client-ram';
import { KafkaClient } from '@aws-sdk/client-kafka';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { RDSClient } from '@aws-sdk/client-rds';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DEFAULT_CREDENTIALS } from '../model/resources';
import type { Scope } from './api';
import type { CredentialStore } from './credentials';
import { configuredEndpoint, SERVICE_IDS } from './endpoints';

const CONSTRUCTORS = {
  'vpc-lattice': VPCLatticeClient, ram: RAMClient, kafka: KafkaClient, ec2: EC2Client, iam: IAMClient,
  sts: STSClient, rds: RDSClient, elbv2: ElasticLoadBalancingV2Client, secretsmanager: SecretsManagerClient,
};

export type AwsService = keyof typeof CONSTRUCTORS;
export type ClientOf<S extends AwsService> = InstanceType<(typeof CONSTRUCTORS)[S]>;

/** IAM is a global service: its only endpoint signs with us-east-1 whatever region is shown. */
export function signingRegion(service: AwsService, region: string): string {
  return service === 'iam' ? 'us-east-1' : region;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

export class ClientCache {
  private readonly clients = new Map<string, Promise<{ destroy(): void }>>();
  /** The fresh read of the config files this generation (since construction or reset) started with. */
  private filesRead?: Promise<unknown>;

  constructor(private readonly credentials: CredentialStore, private readonly maxAttempts = DEFAULT_MAX_ATTEMPTS) {}

  get<S extends AwsService>(scope: Scope, service: S): Promise<ClientOf<S>> {
    const region = signingRegion(service, scope.region);
    const key = `${scope.profile}\u0000${region}\u0000${service}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.create(scope.profile, region, service);
      this.clients.set(key, client);
      client.catch(() => this.clients.delete(key));
    }
    return client as Promise<ClientOf<S>>;
  }

  private async create(profile: string, region: string, service: AwsService) {
    // The default chain reads AWS_PROFILE / `default` for endpoints and settings, as the CLI does.
    const sdkProfile = profile === DEFAULT_CREDENTIALS ? undefined : profile;
    // The first client of a generation reads the files; the others wait for that read and reuse it
    // (reading and parsing both files twice per client was most of what a fresh layer cost before
    // its first call). reset() starts a new generation, so edited files are still seen.
    let endpoint: string | undefined;
    if (!this.filesRead) {
      const first = configuredEndpoint(sdkProfile, SERVICE_IDS[service], true);
      this.filesRead = first.catch(() => undefined);
      endpoint = await first;
    } else {
      await this.filesRead;
      endpoint = await configuredEndpoint(sdkProfile, SERVICE_IDS[service], false);
    }
    const Ctor = CONSTRUCTORS[service] as new (config: Record<string, unknown>) => { destroy(): void };
    return new Ctor({
      region,
      ...(sdkProfile ? { profile: sdkProfile } : {}),
      credentials: this.credentials.provider(profile),
      maxAttempts: this.maxAttempts,
      retryMode: 'standard',
      // The SDK's own lookup ignores `profile` (endpoints.ts); ours replaces it, never adds to it.
      ignoreConfiguredEndpointUrls: true,
      ...(endpoint ? { endpoint } : {}),
    });
  }

  /** Close every client's sockets and forget them; the next call creates fresh ones. */
  reset(): void {
    const all = [...this.clients.values()];
    this.clients.clear();
    this.filesRead = undefined;
    for (const c of all) c.then((client) => client.destroy(), () => undefined);
  }
}

// Credentials per profile, resolved by the SDK's fromIni (static keys, source_profile/role_arn
// chains, credential_process, SSO and sso-session, MFA), memoized per profile so every client
// of that profile shares one resolution (one MFA prompt, one AssumeRole), and mapped to the
// few failures the UI acts on. Messages name the profile and the fix, never key material.
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { redact } from '../model/redact';
import { DEFAULT_CREDENTIALS } from '../model/resources';
import { CredentialError } from './errors';
import { configuredEndpoint, SERVICE_IDS } from './endpoints';
import { classify, profileFiles } from './profiles';

export type CredentialOptions = {
  mfaCodeProvider?: (mfaSerial: string) => Promise<string>;
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
};

type Section = Record<string, string | undefined>;
type Sections = Record<string, Section>;

/** Refresh temporary credentials this long before they expire. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

async function loadProfiles(): Promise<Sections> {
  const files = profileFiles();
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    filepath: files.credentials, configFilepath: files.config, ignoreCache: true,
  });
  const merged: Sections = {};
  for (const [name, section] of Object.entries(configFile)) merged[name] = { ...section };
  for (const [name, section] of Object.entries(credentialsFile)) merged[name] = { ...(merged[name] ?? {}), ...section };
  return merged;
}

/** The profile that holds the SSO settings for `name` (itself or along its source_profile chain). */
function ssoProfileOf(name: string, profiles: Sections): string | undefined {
  const seen = new Set<string>();
  for (let p: string | undefined = name; p && !seen.has(p); p = profiles[p]?.source_profile) {
    seen.add(p);
    if (profiles[p] && classify(profiles[p]) === 'sso') return p;
  }
  return undefined;
}

/**
 * AssumeRole for role_arn profiles, through an STS client that honours the profile's configured
 * endpoint (the SDK's default role assumer would only see AWS_PROFILE's; see endpoints.ts).
 */
function roleAssumerFor(profile: string, region: string) {
  let sts: STSClient | undefined;
  let source: AwsCredentialIdentity | undefined;
  return async (sourceCreds: AwsCredentialIdentity, params: ConstructorParameters<typeof AssumeRoleCommand>[0]) => {
    source = sourceCreds;
    if (!sts) {
      const endpoint = await configuredEndpoint(profile, SERVICE_IDS.sts);
      sts = new STSClient({
        region, ignoreConfiguredEndpointUrls: true, ...(endpoint ? { endpoint } : {}),
        credentials: async () => source!,
      });
    }
    const { Credentials, AssumedRoleUser } = await sts.send(new AssumeRoleCommand(params));
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) {
      throw new Error(`STS AssumeRole returned no credentials for ${params.RoleArn}`);
    }
    const accountId = AssumedRoleUser?.Arn?.split(':')[4];
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
      ...(accountId ? { accountId } : {}),
    };
  };
}

export class CredentialStore {
  private readonly cache = new Map<string, { promise: Promise<AwsCredentialIdentity>; at: number }>();
  private readonly providers = new Map<string, AwsCredentialIdentityProvider>();

  constructor(private readonly options: CredentialOptions = {}) {}

  /** One provider per profile, shared by all of its clients. */
  provider(profile: string): AwsCredentialIdentityProvider {
    let p = this.providers.get(profile);
    if (!p) {
      p = () => this.get(profile);
      this.providers.set(profile, p);
    }
    return p;
  }

  /** Forget everything (profile files changed, profile switched, user signed in again). */
  reset(): void {
    this.cache.clear();
    this.providers.clear();
  }

  get(profile: string): Promise<AwsCredentialIdentity> {
    const hit = this.cache.get(profile);
    if (hit) {
      return hit.promise.then((creds) => {
        const exp = creds.expiration?.getTime();
        if (exp !== undefined && exp - Date.now() < EXPIRY_MARGIN_MS && this.cache.get(profile) === hit) {
          this.cache.delete(profile);
          return this.get(profile);
        }
        return creds;
      });
    }
    const entry = { promise: this.resolve(profile), at: Date.now() };
    this.cache.set(profile, entry);
    // A failure is not cached: after `aws sso login` or a typo fix the next call tries again.
    entry.promise.catch(() => { if (this.cache.get(profile) === entry) this.cache.delete(profile); });
    return entry.promise;
  }

  private async resolve(profile: string): Promise<AwsCredentialIdentity> {
    if (profile === DEFAULT_CREDENTIALS) return this.resolveDefaultChain();
    const profiles = await loadProfiles();
    const section = profiles[profile];
    if (!section || profile.startsWith('sso-session.') || profile.startsWith('services.')) {
      const files = profileFiles();
      throw new CredentialError('ProfileNotFound',
        `Profile '${profile}' is not defined in ${files.config} or ${files.credentials}.`, profile);
    }
    const kind = classify(section);
    this.options.log?.('debug', `resolving credentials for profile '${profile}' (${kind})`);
    let mfaCancelled = false;
    const ask = this.options.mfaCodeProvider;
    const mfaCodeProvider = async (serial: string): Promise<string> => {
      let code: string | undefined;
      try {
        code = ask ? await ask(serial) : undefined;
      } catch {
        code = undefined;
      }
      if (!code) {
        mfaCancelled = true;
        throw new CredentialError('MfaCancelled', `MFA code for profile '${profile}' was not entered, so its role could not be assumed.`, profile);
      }
      return code;
    };
    const ssoEndpoint = kind === 'sso' ? await configuredEndpoint(profile, SERVICE_IDS.sso) : undefined;
    try {
      return await fromIni({
        profile,
        ignoreCache: true,
        mfaCodeProvider,
        roleAssumer: roleAssumerFor(profile, section.region || 'us-east-1'),
        // Only the nested SSO client reads clientConfig here (the role assumer is our own).
        clientConfig: { ignoreConfiguredEndpointUrls: true, ...(ssoEndpoint ? { endpoint: ssoEndpoint } : {}) },
      })();
    } catch (err) {
      throw this.explain(err, profile, profiles, mfaCancelled);
    }
  }

  /**
   * The SDK's default chain, in its own order: environment variables, AWS_PROFILE / `default` from
   * the shared files (SSO cache included), web identity, then the container endpoint
   * (AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI) or instance metadata.
   */
  private async resolveDefaultChain(): Promise<AwsCredentialIdentity> {
    this.options.log?.('debug', 'resolving credentials through the default provider chain');
    try {
      return await fromNodeProviderChain({ ignoreCache: true, mfaCodeProvider: this.options.mfaCodeProvider })();
    } catch (err) {
      const text = redact(String((err as Error)?.message ?? err));
      return Promise.reject(new CredentialError('CredentialsUnavailable',
        `No default credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE, sign in with \`aws sso login\`, or run VS Code where a container or instance role is available (${text}).`,
        DEFAULT_CREDENTIALS));
    }
  }

  private explain(err: unknown, profile: string, profiles: Sections, mfaCancelled: boolean): Error {
    if (err instanceof CredentialError) return err;
    if (mfaCancelled) return new CredentialError('MfaCancelled', `MFA code for profile '${profile}' was not entered.`, profile);
    const text = redact(String((err as Error)?.message ?? err));
    const name = (err as Error)?.name ?? 'Error';
    const code = (err as { code?: string })?.code;
    if (code && /^E[A-Z]+$/.test(code)) {
      return new CredentialError(code, `Network: could not reach STS to assume the role of profile '${profile}' (${text}).`, profile);
    }
    // An AWS error from the STS call of a role chain (AccessDenied on sts:AssumeRole, a wrong MFA
    // code…): keep its name, but say it happened while assuming the role, not on the service call.
    if (!/ProviderError$/.test(name) && name !== 'Error') {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      const role = profiles[profile]?.role_arn;
      return new CredentialError(name,
        `${name}: profile '${profile}' could not assume ${role ?? 'its role'} (sts:AssumeRole): ${text}`, profile, undefined, status);
    }
    // From here on the SDK's own provider refused before any call: missing token, missing MFA code…
    const ssoProfile = ssoProfileOf(profile, profiles);
    if (ssoProfile && !/incomplete|missing the following|not present in the shared config/i.test(text)) {
      const command = `aws sso login --profile ${ssoProfile}`;
      return new CredentialError('SsoLoginRequired',
        `The SSO session for profile '${profile}' is missing or expired. Run \`${command}\`.`, profile, command);
    }
    if (/multi-factor|mfa/i.test(text)) {
      return new CredentialError('MfaCancelled', `Profile '${profile}' needs an MFA code and none was given.`, profile);
    }
    return new CredentialError('CredentialsUnavailable', `Could not get credentials for profile '${profile}': ${text}`, profile);
  }

}

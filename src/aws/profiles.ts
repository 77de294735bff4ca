// Profiles from the user's shared config and credentials files, read with the SDK's own loader
// (same file locations, env overrides and INI rules as the CLI and fromIni), never parsed by hand.
import * as path from 'node:path';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/core/config';
import { DEFAULT_CREDENTIALS, type Profile } from '../model/resources';

type Section = Record<string, string | undefined>;

/** The same paths the SDK reads (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE or ~/.aws/…). */
export function profileFiles(): { config: string; credentials: string } {
  const home = getHomeDir();
  return {
    config: process.env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'),
    credentials: process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'),
  };
}

/** AWS_PROFILE or `default`: what every AWS tool uses when no profile is named. */
export function defaultProfileName(): string {
  return process.env.AWS_PROFILE || 'default';
}

/**
 * How fromIni will obtain credentials for this section. Order mirrors fromIni's own decision:
 * a role_arn with source_profile/credential_source wins over keys, then keys, process, SSO.
 */
export function classify(section: Section): Profile['kind'] {
  if (section.role_arn && (section.source_profile || section.credential_source)) return 'assumeRole';
  if (section.aws_access_key_id && section.aws_secret_access_key) return 'static';
  if (section.credential_process) return 'process';
  if (section.sso_session || section.sso_start_url || section.sso_account_id || section.sso_role_name) return 'sso';
  return 'other';
}

// Config-file keys for `[sso-session x]` and `[services x]` keep their prefix; they are not profiles.
const NOT_A_PROFILE = /^(sso-session|services)\./;

export async function listProfiles(): Promise<Profile[]> {
  const files = profileFiles();
  // ignoreCache: the files may have been edited since the last read (the view watches them).
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    filepath: files.credentials, configFilepath: files.config, ignoreCache: true,
  });
  const names = new Set<string>();
  for (const n of Object.keys(configFile)) if (!NOT_A_PROFILE.test(n)) names.add(n);
  for (const n of Object.keys(credentialsFile)) names.add(n);

  const profiles: Profile[] = [];
  for (const name of names) {
    const config: Section = configFile[name] ?? {};
    const creds: Section = credentialsFile[name] ?? {};
    // fromIni reads credentials-file keys before config-file keys; region lives in config.
    const merged: Section = { ...config, ...creds };
    const profile: Profile = { name, kind: classify(merged) };
    const region = config.region ?? creds.region;
    if (region) profile.region = region;
    if (merged.sso_session) profile.ssoSession = merged.sso_session;
    if (merged.mfa_serial) profile.mfaSerial = merged.mfa_serial;
    profiles.push(profile);
  }
  const preferred = defaultProfileName();
  return profiles.sort((a, b) =>
    Number(b.name === preferred) - Number(a.name === preferred) || a.name.localeCompare(b.name));
}

/**
 * The *Default credentials* entry: the SDK's default provider chain, listed after the named
 * profiles. Its region is the one the SDK would use (AWS_REGION, AWS_DEFAULT_REGION).
 */
export function defaultCredentialsEntry(): Profile {
  const region = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
  return { name: DEFAULT_CREDENTIALS, kind: 'defaultChain', ...(region ? { region } : {}) };
}

/** The merged section for one profile (for credentials.ts), or undefined when it does not exist. */
export async function readProfileSection(name: string): Promise<Section | undefined> {
  const files = profileFiles();
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    filepath: files.credentials, configFilepath: files.config, ignoreCache: true,
  });
  if (!(name in configFile) && !(name in credentialsFile)) return undefined;
  return { ...(configFile[name] ?? {}), ...(credentialsFile[name] ?? {}) };
}

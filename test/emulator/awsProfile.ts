// Writes an AWS config + credentials pair that points the SDK at the emulator through the
// standard `endpoint_url` profile setting, so code under test needs no emulator-specific path.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, OTHER_ACCESS_KEY_ID, OTHER_SECRET_ACCESS_KEY,
} from './scenarios/accounts';
import { scale10Profiles } from './scenarios/scale10';

export const DEMO_PROFILE = 'clickpipes-demo';
export const DEMO_EU_PROFILE = 'clickpipes-demo-eu';
export const OTHER_PROFILE = 'clickpipes-other';

export function writeAwsProfile(dir: string, url: string): { configFile: string; credentialsFile: string; profile: string } {
  fs.mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  const profiles: Array<[string, string, string, string]> = [
    [DEMO_PROFILE, 'us-east-1', DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY],
    [DEMO_EU_PROFILE, 'eu-central-1', DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY],
    [OTHER_PROFILE, 'us-east-1', OTHER_ACCESS_KEY_ID, OTHER_SECRET_ACCESS_KEY],
  ];
  fs.writeFileSync(configFile, profiles.map(([name, region]) =>
    `[profile ${name}]\nregion = ${region}\nendpoint_url = ${url}\noutput = json\n`).join('\n'));
  fs.writeFileSync(credentialsFile, profiles.map(([name, , key, secret]) =>
    `[${name}]\naws_access_key_id = ${key}\naws_secret_access_key = ${secret}\n`).join('\n'));
  return { configFile, credentialsFile, profile: DEMO_PROFILE };
}

/** The `scale10` scenario's 20 profiles (scale-01 … scale-20), each with its own account, at `url`. */
export function writeScale10Profiles(dir: string, url: string): { configFile: string; credentialsFile: string; profiles: string[] } {
  fs.mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  const profiles = scale10Profiles();
  fs.writeFileSync(configFile, profiles.map((p) =>
    `[profile ${p.name}]\nregion = ${p.region}\nendpoint_url = ${url}\noutput = json\n`).join('\n'));
  fs.writeFileSync(credentialsFile, profiles.map((p) =>
    `[${p.name}]\naws_access_key_id = ${p.accessKeyId}\naws_secret_access_key = ${p.secretAccessKey}\n`).join('\n'));
  return { configFile, credentialsFile, profiles: profiles.map((p) => p.name) };
}

// Entry of the small profiles bundle (dist/profiles.js, about 4 KB): the explorer's profile rows
// come from the AWS config files alone, so they are read without loading the SDK bundle
// (dist/aws.js, over 1 MB, several hundred ms to evaluate on a busy machine).
// dist/aws.js uses this same code for AwsLayer.listProfiles.
import type { ProfileReader } from './api';
import { toCallError } from './errors';
import { defaultCredentialsEntry, listProfiles, profileFiles } from './profiles';

export const profileReader: ProfileReader = {
  async listProfiles() {
    try {
      // Named profiles, then the SDK's default chain (environment, SSO cache, container, instance).
      return [...await listProfiles(), defaultCredentialsEntry()];
    } catch (err) {
      throw toCallError(err, { profile: '', service: 'sts', operation: 'ListProfiles' });
    }
  },
  profileFiles,
};

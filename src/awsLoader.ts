// Loads the AWS layer bundle (dist/aws.js) on first use. Kept out of extension.js so that
// activation parses and evaluates no @aws-sdk module; the first tree expansion pays for it once.
import * as path from 'node:path';
import type { AwsLayer, AwsLayerOptions, CreateAwsLayer, ProfileReader } from './aws/api';

let layer: AwsLayer | undefined;
let profiles: ProfileReader | undefined;

/**
 * The profile reader (dist/profiles.js, a few KB): the explorer's first rows need only the AWS
 * config files, so they never wait for the SDK bundle.
 */
export function getProfileReader(): ProfileReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  profiles ??= (require(path.join(__dirname, 'profiles.js')) as { profileReader: ProfileReader }).profileReader;
  return profiles;
}

export function getAws(options: AwsLayerOptions = {}): AwsLayer {
  if (!layer) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, 'aws.js')) as { createAwsLayer: CreateAwsLayer };
    layer = mod.createAwsLayer(options);
  }
  return layer;
}

/** True once the AWS bundle has been required: the activation benchmark checks it stays false. */
export function isAwsLoaded(): boolean {
  return layer !== undefined;
}

export function disposeAws(): void {
  layer?.dispose();
  layer = undefined;
}

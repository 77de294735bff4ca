// What the explorer model is built from: the AWS layer, the user's profile and region choices,
// and the callbacks through which it tells the view about changes.
import type { AwsLayer, Scope } from '../../aws/api';
import type { Database } from '../../model/resources';
import type { Profile } from '../../model/resources';
import type { ExplorerNode } from './nodes';
import type { Poller } from './poller';

export interface ExplorerSettings {
  /** Profiles chosen by the user; empty = the default profile. */
  profiles(): string[];
  /** Regions chosen for a profile; undefined = the profile's own region. */
  regions(profile: string): string[] | undefined;
  /** AWS_PROFILE or `default`. */
  defaultProfile(): string;
}

export type ExplorerState = 'noProfiles' | 'ready' | 'error';

export type ExplorerModelOptions = {
  aws: () => AwsLayer;
  settings: ExplorerSettings;
  /** A node changed in place (undefined = the roots): the provider fires onDidChangeTreeData. */
  onDidChange?: (node: ExplorerNode | undefined) => void;
  onState?: (state: ExplorerState) => void;
  /** When given, resources in transition are polled with Get and updated in place. */
  poller?: Poller;
  /** Region used when a profile names none. */
  fallbackRegion?: string;
  /** IAM roles this extension made for a database (src/commands/iamDbAuthRoles.ts: one GetRole per role). */
  /** Profiles without the AWS layer (the extension's small profiles bundle); default aws().listProfiles. */
  listProfiles?: () => Promise<Profile[]>;
  /**
   * Runs background AWS work that no row waits for (the profile's account id): the extension
   * delays it so the rows reach the workbench before the SDK bundle loads. Default: at once.
   */
  defer?: (work: () => void) => void;
  databaseRoles?: (scope: Scope, db: Database) => Promise<{ name: string; arn: string; dbUser?: string }[]>;
};

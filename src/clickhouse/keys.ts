// Names the ClickHouse Cloud side shares with activation (src/views/clickhouse/view.ts, in
// dist/extension.js): the view's description and the signed-in context key are set at activation,
// while the session itself lives in the lazily loaded dist/features.js. No imports: both bundles
// and the plain-mocha tests load this file.
export const DEFAULT_API_URL = 'https://api.clickhouse.cloud';
export const KEY_ID = 'clickpipes.clickhouse.apiKeyId';
export const KEY_SECRET = 'clickpipes.clickhouse.apiKeySecret';
export const SIGNED_IN_CONTEXT = 'clickpipes.clickhouse.signedIn';
export const API_URL_SETTING = 'clickpipes.clickhouse.apiUrl';
export const CLICKHOUSE_VIEW_ID = 'clickpipes.clickhouse';

/** A ClickHouse Cloud API key: its id and secret. */
export type ApiKey = { keyId: string; keySecret: string };

/** The API key in SecretStorage, or undefined when signed out (either half missing). */
export async function storedKey(secrets: { get(key: string): Thenable<string | undefined> }): Promise<ApiKey | undefined> {
  const [keyId, keySecret] = await Promise.all([secrets.get(KEY_ID), secrets.get(KEY_SECRET)]);
  return keyId && keySecret ? { keyId, keySecret } : undefined;
}

/** The API base URL from the clickpipes.clickhouse.apiUrl setting's value. */
export function apiUrlFrom(setting: string | undefined): string {
  return setting?.trim() || DEFAULT_API_URL;
}

/**
 * The API base URL from the user's own settings only. The setting is `scope: application`, so VS Code
 * already ignores it in workspace and folder settings; reading globalValue keeps it so even if the
 * scope were dropped: a repository's .vscode/settings.json must never send the API key elsewhere.
 */
export function userApiUrl(config: { inspect<T>(section: string): { globalValue?: T } | undefined }): string {
  return apiUrlFrom(config.inspect<string>(API_URL_SETTING)?.globalValue);
}

/**
 * What the ClickHouse Cloud view's description says about the API: nothing for the real one, the
 * host of another (an emulator, a proxy), and the text as typed when it is not a URL. It runs at
 * activation, so it never throws: a mistyped setting must not take the explorer down with it
 * (the calls then fail naming that text).
 */
export function apiUrlDescription(baseUrl: string): string | undefined {
  if (baseUrl === DEFAULT_API_URL) return undefined;
  try {
    return new URL(baseUrl).host || baseUrl;
  } catch {
    return baseUrl;
  }
}

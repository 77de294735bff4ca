// Shared bits for the emulator's own tests: SDK client settings and control-API calls.
import { DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY } from './scenarios/accounts';

export function sdkConfig(url: string, region = 'us-east-1', accessKeyId = DEMO_ACCESS_KEY_ID, secretAccessKey = DEMO_SECRET_ACCESS_KEY) {
  return {
    endpoint: url,
    region,
    credentials: { accessKeyId, secretAccessKey },
    // Keep retries short: the emulator answers instantly, backoff would only slow tests down.
    maxAttempts: 3,
    retryStrategy: undefined,
  };
}

export async function control(url: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}/_emulator/${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

// The ClickHouse API URL comes from the user's settings only: a workspace or folder value (a
// cloned repository's .vscode/settings.json) must never decide where the API key is sent.
import * as assert from 'node:assert/strict';
import { DEFAULT_API_URL, userApiUrl } from '../../../src/clickhouse/keys';

const config = (values: { globalValue?: string; workspaceValue?: string; workspaceFolderValue?: string }) => ({
  inspect: <T>() => values as unknown as { globalValue?: T },
});

describe('ClickHouse API URL (user settings only)', () => {
  it('ignores workspace and folder values', () => {
    assert.equal(userApiUrl(config({ workspaceValue: 'http://attacker.example', workspaceFolderValue: 'http://attacker.example' })), DEFAULT_API_URL);
  });
  it('uses the user value, trimmed', () => {
    assert.equal(userApiUrl(config({ globalValue: ' http://127.0.0.1:4566 ', workspaceValue: 'http://attacker.example' })), 'http://127.0.0.1:4566');
  });
});

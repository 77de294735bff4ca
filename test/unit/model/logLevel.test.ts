import * as assert from 'node:assert/strict';
import { DEFAULT_LOG_LEVEL, logLevelAllows, parseLogLevel } from '../../../src/model/logLevel';

describe('clickpipes.logLevel', () => {
  it('reads the four levels and falls back to info for anything else', () => {
    assert.equal(DEFAULT_LOG_LEVEL, 'info');
    for (const v of ['error', 'warn', 'info', 'debug'] as const) assert.equal(parseLogLevel(v), v);
    assert.equal(parseLogLevel(' DEBUG '), 'debug');
    for (const v of [undefined, null, '', 'trace', 3, {}]) assert.equal(parseLogLevel(v), 'info');
  });

  it('writes a message only at or above the setting', () => {
    assert.deepEqual(['error', 'warn', 'info', 'debug'].map((l) => logLevelAllows('warn', l as never)), [true, true, false, false]);
    assert.deepEqual(['error', 'warn', 'info', 'debug'].map((l) => logLevelAllows('info', l as never)), [true, true, true, false]);
    assert.deepEqual(['error', 'warn', 'info', 'debug'].map((l) => logLevelAllows('error', l as never)), [true, false, false, false]);
    assert.ok(logLevelAllows('debug', 'debug'));
  });
});

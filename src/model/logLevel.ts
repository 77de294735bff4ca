// The clickpipes.logLevel setting: which messages the Output channel writes. Pure (no vscode).
export type LogLevelName = 'error' | 'warn' | 'info' | 'debug';

export const LOG_LEVELS: readonly LogLevelName[] = ['error', 'warn', 'info', 'debug'];
export const DEFAULT_LOG_LEVEL: LogLevelName = 'info';

/** A setting value read from configuration; anything unknown falls back to the default. */
export function parseLogLevel(value: unknown): LogLevelName {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value.trim().toLowerCase())
    ? (value.trim().toLowerCase() as LogLevelName)
    : DEFAULT_LOG_LEVEL;
}

/** True when a message at `level` is written under the `threshold` setting (error < warn < info < debug). */
export function logLevelAllows(threshold: LogLevelName, level: LogLevelName): boolean {
  return LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(threshold);
}

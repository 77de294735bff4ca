// The `{0}` / `{name}` substitution of vscode.l10n.t, and the bundle lookup in front of it: pure
// (no vscode, no DOM, no node), so the host's src/l10n.ts and the webviews' t() format alike.
export type L10nArgs = Array<string | number | boolean> | [Record<string, string | number | boolean>];
/** A translation bundle as VS Code loads it (vscode.l10n.bundle): English message → translation. */
export type L10nBundle = Record<string, string>;

export function format(message: string, args: L10nArgs): string {
  const named = args.length === 1 && typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : undefined;
  return message.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
    const value = named ? named[key] : /^\d+$/.test(key) ? (args as unknown[])[Number(key)] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** The translation of `message` (the English text is the key), else the English, then substituted. */
export function translate(bundle: L10nBundle | undefined, message: string, args: L10nArgs): string {
  const translated = bundle && Object.prototype.hasOwnProperty.call(bundle, message) ? bundle[message] : undefined;
  return format(typeof translated === 'string' && translated.length > 0 ? translated : message, args);
}

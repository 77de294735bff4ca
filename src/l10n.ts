// vscode.l10n.t for modules that plain-mocha tests also load without VS Code (tree labels, form
// hosts, plan runners): in the extension host it IS vscode.l10n.t; elsewhere the same `{0}` /
// `{name}` substitution on the English text. Extension-only modules call vscode.l10n.t directly.
type Args = Array<string | number | boolean> | [Record<string, string | number | boolean>];

type L10n = { t(message: string, ...args: Array<string | number | boolean>): string; t(message: string, args: Record<string, string | number | boolean>): string };
let api: L10n | null | undefined;

function vscodeL10n(): L10n | null {
  if (api === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      api = (require('vscode') as { l10n?: L10n }).l10n ?? null;
    } catch {
      api = null;
    }
  }
  return api;
}

function format(message: string, args: Args): string {
  const named = args.length === 1 && typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : undefined;
  return message.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
    const value = named ? named[key] : /^\d+$/.test(key) ? (args as unknown[])[Number(key)] : undefined;
    return value === undefined ? whole : String(value);
  });
}

export const l10n = {
  t(message: string, ...args: Args): string {
    const real = vscodeL10n();
    return real ? real.t(message, ...(args as Array<string | number | boolean>)) : format(message, args);
  },
};

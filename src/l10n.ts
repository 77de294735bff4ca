// vscode.l10n.t for modules that plain-mocha tests also load without VS Code (tree labels, form
// hosts, plan runners): in the extension host it IS vscode.l10n.t; elsewhere the same `{0}` /
// `{name}` substitution on the English text. Extension-only modules call vscode.l10n.t directly.
import { format, type L10nArgs as Args } from './l10nFormat';
import { setTranslator as setModelTranslator } from './model/text';

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

export const l10n = {
  t(message: string, ...args: Args): string {
    const real = vscodeL10n();
    return real ? real.t(message, ...(args as Array<string | number | boolean>)) : format(message, args);
  },
};

/**
 * src/model's messages (src/model/text.ts) through vscode.l10n.t. Each host bundle
 * (dist/extension.js, dist/features.js) has its own copy of src/model, so each entry calls this.
 */
export function translateModelMessages(): void {
  setModelTranslator((message, args) => l10n.t(message, ...args));
}

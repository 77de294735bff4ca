// t() for the messages of the pure model (field errors, readiness findings, explanations): the
// English text is the key, `{0}` / `{name}` are substituted as vscode.l10n.t does. The translator
// is pluggable because src/model may not import vscode (nor the DOM) and is bundled into both the
// extension host bundles and the webview pages: each side plugs in its own at start-up
// (src/l10n.ts's translateModelMessages(): vscode.l10n.t; src/webviews/app/_client.ts: the page's
// bundle). Until then, and under plain mocha, messages are English. `npm run l10n:export` collects
// the first (literal) argument of every t() call in src/model into l10n/bundle.l10n.json.
import { format, type L10nArgs } from '../l10nFormat';

export type Translator = (message: string, args: L10nArgs) => string;

const english: Translator = (message, args) => format(message, args);
let translator: Translator = english;

/** Plugs in the translator of the bundle this copy of src/model runs in; none restores English. */
export function setTranslator(fn?: Translator): void {
  translator = fn ?? english;
}

export function t(message: string, ...args: L10nArgs): string {
  return translator(message, args);
}

// The HTML shell every webview gets: a strict CSP (nothing but our own script with its nonce and
// our own styles), the theme-aware stylesheet, and a root element. Pure, so it is unit-tested.
import { randomBytes } from 'node:crypto';
import type { L10nBundle } from '../l10nFormat';
import { L10N_BUNDLE_ID } from './protocol';

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export type CspOptions = { cspSource: string; nonce: string; fonts?: boolean; images?: boolean };

/**
 * default-src 'none' closes everything; then only what the page needs is opened: the nonce'd
 * script, styles from the extension (Lit's constructable stylesheets need no 'unsafe-inline'),
 * fonts when codicons are used, no network (connect-src stays 'none'), no form posts.
 */
export function buildCsp({ cspSource, nonce, fonts, images }: CspOptions): string {
  if (!/^[A-Za-z0-9+/=]{8,}$/.test(nonce)) throw new Error('A webview nonce must be base64 text of at least 8 characters.');
  // VS Code's cspSource may list several sources ("'self' https://*.vscode-cdn.net"); only a
  // directive separator or a line break could smuggle in another directive.
  if (/[;\r\n,]/.test(cspSource)) throw new Error('Unexpected characters in the webview CSP source.');
  const directives = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    ...(fonts ? [`font-src ${cspSource}`] : []),
    ...(images ? [`img-src ${cspSource} data:`] : []),
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ];
  return directives.join('; ');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The display language and its bundle (vscode.env.language, vscode.l10n.bundle); none in English. */
export type PageL10n = { language: string; bundle: L10nBundle };

export type HtmlOptions = CspOptions & { title: string; scriptUri: string; styleUris: string[]; app: string; l10n?: PageL10n };

/**
 * The bundle as a JSON data block (see L10N_BUNDLE_ID in protocol.ts). `type="application/json"`
 * is never executed, so script-src does not apply and it needs no nonce; every `<` is written as
 * \u003c, so no translation can close the element (`</script>`) or open a comment in it.
 */
export function l10nBlock(bundle: L10nBundle): string {
  const json = JSON.stringify(bundle).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${L10N_BUNDLE_ID}">${json}</script>`;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export function renderHtml(o: HtmlOptions): string {
  const lang = o.l10n && LANGUAGE_TAG.test(o.l10n.language) ? o.l10n.language : 'en';
  const styles = o.styleUris.map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${lang}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(buildCsp(o))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${escapeAttr(o.title)}</title>
  </head>
  <body data-app="${escapeAttr(o.app)}">
    <main id="app" aria-live="polite"><vscode-progress-ring></vscode-progress-ring></main>${o.l10n ? `
    ${l10nBlock(o.l10n.bundle)}` : ''}
    <script nonce="${o.nonce}" src="${escapeAttr(o.scriptUri)}"></script>
  </body>
</html>`;
}

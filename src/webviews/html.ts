// The HTML shell every webview gets: a strict CSP (nothing but our own script with its nonce and
// our own styles), the theme-aware stylesheet, and a root element. Pure, so it is unit-tested.
import { randomBytes } from 'node:crypto';

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

export type HtmlOptions = CspOptions & { title: string; scriptUri: string; styleUris: string[]; app: string };

export function renderHtml(o: HtmlOptions): string {
  const styles = o.styleUris.map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(buildCsp(o))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${escapeAttr(o.title)}</title>
  </head>
  <body data-app="${escapeAttr(o.app)}">
    <main id="app" aria-live="polite"><vscode-progress-ring></vscode-progress-ring></main>
    <script nonce="${o.nonce}" src="${escapeAttr(o.scriptUri)}"></script>
  </body>
</html>`;
}

// Webview l10n: a translated bundle reaches the page as the JSON block renderHtml embeds, and the
// page's t() (app/_client.ts: parseL10nBundle of that block, then translate) returns the
// translation with its {0} / {name} substitution — the English message when there is none.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { translate, type L10nArgs, type L10nBundle } from '../../../src/l10nFormat';
import { renderHtml } from '../../../src/webviews/html';
import { L10N_BUNDLE_ID, parseL10nBundle } from '../../../src/webviews/protocol';

const INTRO = 'Profile {0}, region {1}. Nothing is created until you apply the reviewed plan.';
const german: L10nBundle = {
  [INTRO]: 'Profil {0}, Region {1}. Erst der geprüfte Plan legt etwas an.',
  'Review plan': 'Plan prüfen',
  'Plan "{0}" is open for review. Apply it from the plan tab (CodeLens or the editor title button).': 'Plan „{0}“ ist zur Prüfung geöffnet.',
  'Copy {0}': '{0} kopieren',
};

const page = (bundle?: L10nBundle) => renderHtml({
  cspSource: 's', nonce: 'abcDEF123456', title: 'T', scriptUri: 'https://a/b.js', styleUris: [], app: 'vpcResource',
  l10n: bundle ? { language: 'de', bundle } : undefined,
});

/** What the page's t() does with the page it was given. */
function pageT(html: string): (message: string, ...args: L10nArgs) => string {
  const block = new RegExp(`<script type="application/json" id="${L10N_BUNDLE_ID}">([^<]*)</script>`).exec(html);
  const bundle = parseL10nBundle(block?.[1]);
  return (message, ...args) => translate(bundle, message, args);
}

describe('webviews: l10n', () => {
  it('the messages translated here are real webview messages of the source bundle', () => {
    const source = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../l10n/bundle.l10n.json'), 'utf8')) as L10nBundle;
    for (const key of Object.keys(german)) assert.ok(key in source, key);
  });

  it('t() returns the translation from the embedded bundle, with {0} substituted', () => {
    const html = page(german);
    assert.match(html, /<html lang="de">/);
    const t = pageT(html);
    assert.equal(t(INTRO, 'prod', 'eu-central-1'), 'Profil prod, Region eu-central-1. Erst der geprüfte Plan legt etwas an.');
    assert.equal(t('Review plan'), 'Plan prüfen');
    assert.equal(t('Plan "{0}" is open for review. Apply it from the plan tab (CodeLens or the editor title button).', 'VPC resource'), 'Plan „VPC resource“ ist zur Prüfung geöffnet.');
    assert.equal(t('Copy {0}', 'Share ARN'), 'Share ARN kopieren');
    // Not translated: the English, substituted.
    assert.equal(t('Inside {0}.', '10.0.0.0/16'), 'Inside 10.0.0.0/16.');
  });

  it('in English there is no bundle: the English message, substituted, and lang="en"', () => {
    const html = page(undefined);
    assert.match(html, /<html lang="en">/);
    assert.doesNotMatch(html, new RegExp(L10N_BUNDLE_ID));
    const t = pageT(html);
    assert.equal(t(INTRO, 'p', 'r'), 'Profile p, region r. Nothing is created until you apply the reviewed plan.');
    assert.equal(translate(undefined, 'Hello {who}', [{ who: 'you' }]), 'Hello you');
  });

  it('an empty translation falls back to the English; inherited keys are not translations', () => {
    assert.equal(translate({ 'Review plan': '' }, 'Review plan', []), 'Review plan');
    assert.equal(translate({}, 'constructor', []), 'constructor');
  });

  it('a translation cannot break out of the data block, and the script stays the only executable one', () => {
    const hostile = { 'Review plan': '</script><script>alert(1)</script><!--' };
    const html = page(hostile);
    assert.equal((html.match(/<script/g) ?? []).length, 2);
    assert.equal((html.match(/<script nonce=/g) ?? []).length, 1);
    assert.equal(pageT(html)('Review plan'), hostile['Review plan']);
  });

  it('a malformed block leaves the page in English', () => {
    for (const text of ['', 'not json', '[]', '{"a": 1}', 'null']) assert.equal(parseL10nBundle(text), undefined, text);
    assert.deepEqual(parseL10nBundle('{"a":"b"}'), { a: 'b' });
  });

  it('an odd language tag does not reach the lang attribute', () => {
    const html = renderHtml({ cspSource: 's', nonce: 'abcDEF123456', title: 'T', scriptUri: 'https://a/b.js', styleUris: [], app: 'x', l10n: { language: 'de"><x', bundle: {} } });
    assert.match(html, /<html lang="en">/);
  });
});

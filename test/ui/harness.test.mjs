// The UI and suite runners fail on any request that leaves the machine (scripts/lib/browser.mjs).
// This checks the rule itself: only loopback, non-network schemes and webview resource loads the
// page cancelled are let through.
import assert from 'node:assert/strict';
import { isCancelledWebviewLoad, isLoopbackUrl } from '../../scripts/lib/browser.mjs';

const WEBVIEW_CSS = 'https://vscode-remote+127-002e0-002e0-002e1-003a44841.vscode-resource.vscode-cdn.net/repo/media/webview.css';

describe('harness: what counts as a request leaving the machine', () => {
  it('loopback and non-network URLs never count', () => {
    for (const u of ['http://127.0.0.1:8080/', 'ws://localhost:1/x', 'http://[::1]:9/', 'http://app.localhost/', 'data:text/plain,x', 'blob:http://127.0.0.1/1', 'vscode-file://vscode-app/x']) {
      assert.ok(isLoopbackUrl(u), u);
    }
    for (const u of ['https://api.clickhouse.cloud/v1', 'https://sts.amazonaws.com/', WEBVIEW_CSS, 'http://10.0.0.1/']) assert.ok(!isLoopbackUrl(u), u);
  });

  it('only a webview resource load aborted by its page is a cancelled load; any other failure counts', () => {
    assert.ok(isCancelledWebviewLoad(WEBVIEW_CSS, 'net::ERR_ABORTED'));
    assert.ok(!isCancelledWebviewLoad(WEBVIEW_CSS, 'net::ERR_NAME_NOT_RESOLVED'), 'a DNS failure means it tried to leave');
    assert.ok(!isCancelledWebviewLoad(WEBVIEW_CSS, undefined));
    assert.ok(!isCancelledWebviewLoad('https://api.clickhouse.cloud/v1/organizations', 'net::ERR_ABORTED'), 'another host, even aborted');
    assert.ok(!isCancelledWebviewLoad('https://vscode-resource.vscode-cdn.net.evil.example/x', 'net::ERR_ABORTED'));
  });
});

import * as assert from 'node:assert/strict';
import { MemoryJournalStore, type Journal } from '../../../src/plans/journal';
import { unfinishedSummary } from '../../../src/model/unfinishedPlans';
import { withFakeVscode, fakeVscode } from '../fakeVscode';
import * as path from 'node:path';

const journal = (planId: string, finished: boolean, lastError?: string): Journal => ({
  planId, title: `Plan ${planId}`, profile: 'demo', region: 'us-east-1', startedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  steps: {}, ...(finished ? { finishedAt: '2026-01-01T00:01:00Z' } : {}), ...(lastError ? { lastError } : {}),
});

describe('unfinished plans', () => {
  it('counts journals without a finish, not the ones being applied now', () => {
    assert.equal(unfinishedSummary([journal('a', true)], new Set()), undefined);
    const one = unfinishedSummary([journal('a', true), journal('b', false, 'Create share: network error')], new Set());
    assert.equal(one?.count, 1);
    assert.equal(one?.text, '$(debug-pause) 1 unfinished plan');
    assert.match(one?.tooltip ?? '', /Plan b \(demo · us-east-1\): Create share: network error/);
    assert.equal(unfinishedSummary([journal('b', false), journal('c', false)], new Set())?.text, '$(debug-pause) 2 unfinished plans');
    assert.equal(unfinishedSummary([journal('b', false)], new Set(['b'])), undefined, 'a running apply is not "unfinished"');
  });

  it('the status bar item shows, updates and hides with the journals and the running applies', async () => {
    await withFakeVscode(fakeVscode(), async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, loaded under the fake vscode
      const { UnfinishedPlansStatus } = require(path.resolve(__dirname, '../../../src/commands/unfinishedPlans.js')) as typeof import('../../../src/commands/unfinishedPlans');
      const store = new MemoryJournalStore();
      const shown: string[] = [];
      const item = { text: '', tooltip: '' as unknown, command: undefined as unknown, name: '', show: () => void shown.push(`show ${item.text}`), hide: () => void shown.push('hide'), dispose: () => undefined };
      const status = new UnfinishedPlansStatus(() => store, item as never);
      assert.equal(item.command, 'clickpipes.resumePlan', 'a click resumes');
      await status.refresh();
      await store.save(journal('p1', false));
      await status.refresh(['p1']);
      await status.refresh([]);
      await store.save(journal('p1', true));
      await status.refresh();
      assert.deepEqual(shown, ['hide', 'hide', 'show $(debug-pause) 1 unfinished plan', 'hide']);
    });
  });
});

// The apply result: each value ClickPipes needs with a copy button, what was created, and on
// failure the error in plain words with "Apply again" (which resumes from the journal).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import { CopyCommand, ResultNotification, RetryApplyCommand, type ResultState } from '../protocol';
import { fill, h, loadDraft, onNotification, ready, saveDraft, send, t } from './_client';

const root = document.getElementById('app')!;

/**
 * A value with its copy button. The values to paste carry `data-label` / `data-copy`; the outputs
 * of what was created use their own attributes, since their labels ("DNS name") can be the same.
 */
function valueRow(item: { label: string; value: string }, primary: boolean): HTMLElement {
  const button = h('vscode-button', { secondary: !primary, 'aria-label': t('Copy {0}', item.label), [primary ? 'data-copy' : 'data-copy-output']: item.label, onclick: () => {
    send(CopyCommand, { label: item.label, value: item.value });
    button.textContent = t('Copied');
    setTimeout(() => (button.textContent = t('Copy')), 1500);
  } }, t('Copy'));
  return h('div', { className: 'result-row', [primary ? 'data-label' : 'data-output']: item.label },
    h('div', { className: 'result-label' }, item.label),
    h('code', { className: 'result-value' }, item.value),
    button);
}

function render(state: ResultState): void {
  saveDraft(state);
  const heading = state.status === 'succeeded' ? t('Done: {0}', state.title)
    : state.status === 'cancelled' ? t('Apply cancelled: {0}', state.title) : t('Apply failed: {0}', state.title);
  fill(root,
    h('h1', {}, heading),
    h('p', { className: 'muted' }, state.account ? t('Account {0}, region {1}', state.account, state.region) : t('region {0}', state.region)),
    state.message ? h('p', { className: state.status === 'failed' ? 'error-box' : 'warning-box', role: 'alert' }, state.message) : undefined,
    state.results.length > 0 ? h('section', {},
      h('h2', {}, state.status === 'succeeded' ? t('Paste these into ClickHouse Cloud') : t('Values so far')),
      ...state.results.map((r) => valueRow(r, true))) : undefined,
    state.created.length > 0 ? h('section', {},
      h('vscode-divider', {}),
      h('h2', {}, t('Created in AWS')),
      ...state.created.map((c) => h('div', { className: 'created', 'data-title': c.title },
        h('h3', {}, c.title),
        c.state ? h('p', { className: 'created-state' }, t('State: {0}', c.state)) : undefined,
        ...c.outputs.map((o) => valueRow(o, false))))) : undefined,
    state.status !== 'succeeded'
      ? h('p', {}, h('vscode-button', { onclick: () => send(RetryApplyCommand, { planId: state.planId }) }, t('Apply again (resumes, no duplicates)')))
      : undefined,
  );
}

onNotification(ResultNotification, render);
const draft = loadDraft<ResultState>();
if (draft) render(draft);
ready();

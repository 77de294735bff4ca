// The webview side of the protocol: typed send/request/listen over acquireVsCodeApi(), the ready
// handshake, drafts kept with getState/setState (they survive the page being hidden), and t().
import { translate, type L10nArgs } from '../../l10nFormat';
import { setTranslator } from '../../model/text';
import {
  L10N_BUNDLE_ID, parseL10nBundle, ReadyCommand, ReplyNotification, type IpcCommand, type IpcMessage, type IpcNotification, type IpcRequest,
  type ReplyParams,
} from '../protocol';

type VsCodeApi = { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const listeners = new Map<string, ((params: unknown) => void)[]>();
const pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let counter = 0;
const bundle = parseL10nBundle(document.getElementById(L10N_BUNDLE_ID)?.textContent);

/**
 * vscode.l10n.t for the page: the English message is the key into the bundle the host embedded
 * (none in English), with the same `{0}` / `{name}` substitution. `npm run l10n:export` collects
 * every t() message here into l10n/bundle.l10n.json, next to the host's messages.
 */
export function t(message: string, ...args: L10nArgs): string {
  return translate(bundle, message, args);
}
// The model's validators run in the page too: their messages translate with the same bundle.
setTranslator((message, args) => translate(bundle, message, args));

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as IpcMessage;
  if (!message || typeof message.method !== 'string') return;
  if (message.method === ReplyNotification.method && message.id) {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    const reply = message.params as ReplyParams;
    if (!waiter) return;
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new Error(reply.error));
    return;
  }
  for (const listener of listeners.get(message.method) ?? []) listener(message.params);
});

export function onNotification<P>(type: IpcNotification<P>, listener: (params: P) => void): void {
  const list = listeners.get(type.method) ?? [];
  list.push(listener as (params: unknown) => void);
  listeners.set(type.method, list);
}

export function send<P>(type: IpcCommand<P>, params: P): void {
  vscode.postMessage(params === undefined ? { method: type.method } : { method: type.method, params });
}

export function request<P, R>(type: IpcRequest<P, R>, params: P): Promise<R> {
  const id = `r${++counter}`;
  return new Promise<R>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    vscode.postMessage({ id, method: type.method, params });
  });
}

/** Call once every listener is registered: the host holds its messages until then. */
export function ready(): void {
  send(ReadyCommand, undefined);
}

export function loadDraft<T>(): T | undefined {
  return (vscode.getState() as T | undefined) ?? undefined;
}

export function saveDraft<T>(state: T): void {
  vscode.setState(state);
}

/** Tiny DOM helper: element with attributes/properties and children. */
export function h<K extends string>(tag: K, attrs: Record<string, unknown> = {}, ...children: (Node | string | undefined | false)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'className') el.className = String(value);
    else if (typeof value === 'string' || typeof value === 'number' || value === true) el.setAttribute(key, value === true ? '' : String(value));
    else (el as unknown as Record<string, unknown>)[key] = value;
  }
  for (const child of children) if (child !== undefined && child !== false) el.append(child);
  return el;
}

/** replaceChildren that skips the parts a condition left out. */
export function fill(el: Element, ...children: (Node | string | undefined | false)[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== undefined && c !== false));
}

// ---- form accessibility (shared by the forms) ------------------------------------------------

/** A field's error slot: a live region, so an error is announced when it appears. */
export function errorSlot(field: string): HTMLElement {
  return h('div', { className: 'field-error', id: `error-${field}`, role: 'alert', 'aria-live': 'assertive', 'aria-atomic': 'true', 'data-field': field });
}

/**
 * Ties a label (and the helper text, and the error slot) to its control: `for` on the label,
 * aria-labelledby and aria-describedby on the control, so a screen reader names the field and
 * reads its help and error with it.
 */
export function labelControl(field: string, label: HTMLElement, control: HTMLElement, helper?: HTMLElement): void {
  control.id ||= `field-${field}`;
  // vscode-label keeps its id in a property and only writes the attribute when it has none:
  // set both, so aria-labelledby finds it. Its `for` also gives the inner input its aria-label.
  const labelId = label.getAttribute('id') || `label-${field}`;
  label.id = labelId;
  label.setAttribute('id', labelId);
  label.setAttribute('for', control.id);
  control.setAttribute('aria-labelledby', labelId);
  const described = [`error-${field}`];
  if (helper) {
    helper.id ||= `help-${field}`;
    described.unshift(helper.id);
  }
  control.setAttribute('aria-describedby', described.join(' '));
}

/**
 * After a failed submit: keyboard focus to the first invalid field (its first checkbox when the
 * field is a list), else to the error summary.
 */
export function focusFirstInvalid(root: ParentNode): void {
  const invalid = root.querySelector<HTMLElement>('[invalid], [aria-invalid="true"]');
  const focusable = 'vscode-textfield, vscode-textarea, vscode-single-select, vscode-multi-select, vscode-checkbox, vscode-radio, input, select, textarea, button';
  const target = invalid
    ? (invalid.matches(focusable) ? invalid : invalid.querySelector<HTMLElement>(focusable) ?? invalid)
    : root.querySelector<HTMLElement>('#form-summary');
  if (!target) return;
  if (!target.matches(focusable) && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}

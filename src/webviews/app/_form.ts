// The form runtime shared by the webview forms: the draft (values + touched fields, kept with
// getState/setState), field errors as they change (the app's validators plus what the host sent
// back), the labelled field group, the page frame (heading, notes, banner, error summary, Review
// plan / Cancel), submit with focus on the first invalid field, and the host's form
// notifications. Each app supplies its defaults, validators, sections and what it sends, then
// calls ready() once its own listeners (if any) are registered.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-form-group/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import {
  ErrorNotification, FormCancelCommand, FormClickhouseServicesNotification, FormClickhouseTargetCommand, FormErrorsNotification,
  FormSubmittedNotification, type ClickhouseServiceChoice, type FormErrors, type IpcNotification,
} from '../protocol';
import { errorSlot, fill, focusFirstInvalid, h, labelControl, loadDraft, onNotification, saveDraft, send, t } from './_client';

/** `clickhouseService`: the AWS forms' "also create the ClickPipes endpoint" choice ('' or absent: no). */
export type FormDraft<V> = { values: V; touched: string[]; clickhouseService?: string };
type Child = Node | undefined | false;

type InitBase = { loadError?: string };

export type FormSpec<V, I extends InitBase> = {
  initNotification: IpcNotification<I>;
  defaults(): V;
  /** The page's heading and the line under it (already translated). */
  heading: string;
  intro(init: I): string;
  /** Notes between the intro and the load error (VPC resource: the region warning). */
  notes?(init: I): Child[];
  /** The form's sections, between the banner and the error summary. */
  sections(init: I): Child[];
  /** The app's own errors for the draft (the host's are added to them). */
  errors(): FormErrors;
  /** Fields whose errors submit shows besides those that have one now. */
  submitFields(): string[];
  /** Sends the checked values to the host. */
  submit(): void;
  /** The init arrived: fold its preset into the draft (it is saved and rendered next). */
  applyInit(data: I): void;
  /** After the first render of an init (IAM DB auth: the role-name check). */
  afterInit?(): void;
  /** The submit button stays disabled while this holds (MSK: the cluster fails a prerequisite). */
  blocked?(): boolean;
  /** The banner once the plan is open; the default names the plan tab. */
  submittedText?(planTitle: string): string;
};

export type Form<V, I extends InitBase, D extends FormDraft<V>> = {
  readonly draft: D;
  readonly init: I | undefined;
  banner: { kind: 'error' | 'info'; text: string } | undefined;
  persist(): void;
  touch(field: string): void;
  /** Changes the draft, clears the host's error for the field, saves; re-renders or re-checks. */
  update(field: string, change: (values: V) => void, rerender?: boolean): void;
  set<K extends keyof V & string>(field: K, value: V[K], rerender?: boolean): void;
  errors(): FormErrors;
  showErrors(): void;
  render(): void;
  /** A labelled field: label, control, optional helper text and the error slot, tied together. */
  group(label: string, field: string, control: HTMLElement, help?: string | HTMLElement): HTMLElement;
  /** A text field bound to the draft (lists shown comma-separated); `parse` turns the text into the value. */
  textField<K extends keyof V & string>(field: K, placeholder?: string, opts?: { parse?: (text: string) => V[K]; onChange?: () => void }): HTMLElement;
};

export function createForm<V, I extends InitBase, D extends FormDraft<V> = FormDraft<V>>(spec: FormSpec<V, I>): Form<V, I, D> {
  const root = document.getElementById('app')!;
  let init: I | undefined;
  let hostErrors: FormErrors = {};
  let busy = false;
  let clickhouseServices: ClickhouseServiceChoice[] = [];

  const form: Form<V, I, D> = {
    draft: loadDraft<D>() ?? ({ values: spec.defaults(), touched: [] } as FormDraft<V> as D),
    get init() {
      return init;
    },
    banner: undefined,
    persist() {
      saveDraft(form.draft);
    },
    touch(field) {
      if (!form.draft.touched.includes(field)) form.draft.touched.push(field);
    },
    update(field, change, rerender = false) {
      change(form.draft.values);
      delete hostErrors[field];
      form.touch(field);
      form.persist();
      if (rerender) form.render();
      else form.showErrors();
    },
    set(field, value, rerender = false) {
      form.update(field, (v) => { v[field] = value; }, rerender);
    },
    errors() {
      const errs = spec.errors();
      for (const [k, m] of Object.entries(hostErrors)) errs[k] ??= m;
      return errs;
    },
    showErrors() {
      const errs = form.errors();
      const { touched } = form.draft;
      for (const slot of root.querySelectorAll<HTMLElement>('.field-error[data-field]')) {
        const field = slot.dataset.field!;
        const message = touched.includes(field) ? errs[field] : undefined;
        slot.textContent = message ?? '';
        const control = root.querySelector(`#field-${field}`);
        if (control) {
          if (message) control.setAttribute('invalid', '');
          else control.removeAttribute('invalid');
          control.setAttribute('aria-invalid', message ? 'true' : 'false');
        }
      }
      const unshown = Object.keys(errs).filter((f) => touched.includes(f) && !root.querySelector(`#error-${f}`));
      const summary = root.querySelector<HTMLElement>('#form-summary');
      if (summary) summary.textContent = unshown.map((f) => errs[f]).join(' ');
      const button = root.querySelector<HTMLElement & { disabled: boolean }>('#submit');
      if (button) button.disabled = busy || Boolean(spec.blocked?.());
    },
    render() {
      if (!init) return;
      const banner = form.banner;
      fill(root,
        h('h1', {}, spec.heading),
        h('p', { className: 'muted' }, spec.intro(init)),
        ...(spec.notes?.(init) ?? []),
        init.loadError ? h('p', { className: 'warning-box' }, init.loadError) : undefined,
        banner ? h('p', { className: banner.kind === 'error' ? 'error-box' : 'info-box', role: 'alert' }, banner.text) : undefined,
        ...spec.sections(init),
        clickhouseSection(),
        h('p', { id: 'form-summary', className: 'field-error', role: 'alert' }),
        h('div', { className: 'actions' },
          h('vscode-button', { id: 'submit', disabled: busy || Boolean(spec.blocked?.()), onclick: submit }, busy ? t('Building plan…') : t('Review plan')),
          h('vscode-button', { secondary: true, onclick: () => send(FormCancelCommand, undefined) }, t('Cancel'))),
      );
      form.showErrors();
    },
    group(label, field, control, help) {
      const labelEl = h('vscode-label', {}, label);
      const helper = help ? h('vscode-form-helper', {}, help) : undefined;
      labelControl(field, labelEl, control, helper);
      return h('vscode-form-group', { variant: 'vertical', 'data-group': field }, labelEl, control, helper, errorSlot(field));
    },
    textField(field, placeholder = '', opts = {}) {
      const raw = form.draft.values[field];
      const value = Array.isArray(raw) ? raw.join(', ') : String(raw ?? '');
      const el = h('vscode-textfield', { id: `field-${field}`, name: field, value, placeholder }) as HTMLElement & { value: string };
      el.addEventListener('input', () => form.set(field, opts.parse ? opts.parse(el.value) : (el.value as V[typeof field])));
      el.addEventListener('change', () => {
        form.touch(field);
        form.showErrors();
        opts.onChange?.();
      });
      return el;
    },
  };

  /** Shown only when the host listed services (signed in to ClickHouse Cloud); off by default. */
  function clickhouseSection(): Child {
    if (!clickhouseServices.length) return undefined;
    const current = form.draft.clickhouseService ?? '';
    const el = h('vscode-single-select', { id: 'field-clickhouseService', name: 'clickhouseService' },
      h('vscode-option', { value: '', selected: current === '' }, t('No, only the AWS side')),
      ...clickhouseServices.map((s) => h('vscode-option', { value: s.value, selected: s.value === current }, s.label))) as HTMLElement & { value: string };
    el.addEventListener('change', () => {
      form.draft.clickhouseService = el.value;
      form.persist();
      send(FormClickhouseTargetCommand, { service: el.value });
    });
    return form.group(t('Also create the ClickPipes endpoint in service…'), 'clickhouseService', el,
      t('Adds a ClickHouse Cloud step to the plan: the reverse private endpoint, from this plan\'s outputs, waited until Ready.'));
  }

  function submit(): void {
    const errs = form.errors();
    for (const field of [...spec.submitFields(), ...Object.keys(errs)]) form.touch(field);
    form.persist();
    form.showErrors();
    if (Object.keys(errs).length > 0) {
      focusFirstInvalid(root);
      return;
    }
    busy = true;
    form.render();
    spec.submit();
  }

  onNotification(spec.initNotification, (data) => {
    init = data;
    spec.applyInit(data);
    form.persist();
    form.render();
    spec.afterInit?.();
  });
  onNotification(FormClickhouseServicesNotification, ({ services }) => {
    clickhouseServices = services;
    // A draft's choice of a service that is no longer listed is dropped, never sent.
    if (form.draft.clickhouseService && !services.some((s) => s.value === form.draft.clickhouseService)) form.draft.clickhouseService = '';
    // Only a kept choice is sent back (a rebuilt page restoring its draft): "no service" is the
    // host's default, and an answer of '' here could undo a choice made meanwhile.
    if (form.draft.clickhouseService) send(FormClickhouseTargetCommand, { service: form.draft.clickhouseService });
    form.render();
  });
  onNotification(FormErrorsNotification, ({ errors }) => {
    busy = false;
    hostErrors = errors;
    for (const f of Object.keys(errors)) form.touch(f);
    form.render();
    focusFirstInvalid(root);
  });
  onNotification(FormSubmittedNotification, ({ planTitle }) => {
    busy = false;
    form.banner = {
      kind: 'info',
      text: spec.submittedText?.(planTitle) ?? t('Plan "{0}" is open for review. Apply it from the plan tab (CodeLens or the editor title button).', planTitle),
    };
    form.render();
  });
  onNotification(ErrorNotification, ({ message }) => {
    busy = false;
    form.banner = { kind: 'error', text: message };
    form.render();
  });
  return form;
}

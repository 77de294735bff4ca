// A small multi-step QuickPick/InputBox runner (after quickinput-sample's MultiStepInput):
// steps are recomputed from the answers so far, each shows "step n of m", has a Back button,
// and Escape cancels the whole flow.
// The prompts are vscode.l10n.t strings from the flows; the validators' messages come from
// src/model, translated through src/model/text.ts (plugged into vscode.l10n.t at activation).
import * as vscode from 'vscode';
import { buildPlan, type FormContext, type FormSession } from '../../webviews/forms/index';

export const BACK = Symbol('back');
export type StepResult = 'next' | typeof BACK | undefined;

export type StepIo = {
  title: string;
  step: number;
  total: number;
};

export type PickItem<T> = vscode.QuickPickItem & { value: T };

export function pickOne<T>(io: StepIo, placeholder: string, items: PickItem<T>[], active?: T): Promise<T | typeof BACK | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<PickItem<T>>();
    Object.assign(qp, { title: io.title, step: io.step, totalSteps: io.total, placeholder, items, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
    qp.buttons = io.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const current = items.find((i) => i.value === active);
    if (current) qp.activeItems = [current];
    let done = false;
    const finish = (v: T | typeof BACK | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidTriggerButton(() => finish(BACK));
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0];
      if (item) finish(item.value);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

export function pickMany<T>(io: StepIo, placeholder: string, items: PickItem<T>[], selected: T[], validate: (values: T[]) => string | undefined): Promise<T[] | typeof BACK | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<PickItem<T>>();
    Object.assign(qp, { title: io.title, step: io.step, totalSteps: io.total, placeholder, items, canSelectMany: true, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
    qp.selectedItems = items.filter((i) => selected.includes(i.value));
    qp.buttons = io.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (v: T[] | typeof BACK | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidChangeSelection((sel) => {
      const problem = validate(sel.map((s) => s.value));
      qp.placeholder = problem ?? placeholder;
    });
    qp.onDidTriggerButton(() => finish(BACK));
    qp.onDidAccept(() => {
      const values = qp.selectedItems.map((s) => s.value);
      const problem = validate(values);
      if (problem) {
        qp.placeholder = problem;
        return;
      }
      finish(values);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

export function inputText(io: StepIo, prompt: string, value: string, validate: (v: string) => string | undefined, placeholder = ''): Promise<string | typeof BACK | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    Object.assign(box, { title: io.title, step: io.step, totalSteps: io.total, prompt, value, placeholder, ignoreFocusOut: true });
    box.buttons = io.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (v: string | typeof BACK | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      box.dispose();
    };
    box.onDidChangeValue((v) => (box.validationMessage = v ? validate(v) : undefined));
    box.onDidTriggerButton(() => finish(BACK));
    box.onDidAccept(() => {
      const problem = validate(box.value);
      if (problem) {
        box.validationMessage = problem;
        return;
      }
      finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

/**
 * Runs steps until the last one answers 'next'. `steps()` is called before every step so that
 * answers can add or remove later steps (a CHILD configuration has no gateway steps).
 */
export async function runSteps(steps: () => ((io: StepIo) => Promise<StepResult>)[], title: string): Promise<boolean> {
  let index = 0;
  for (;;) {
    const list = steps();
    if (index >= list.length) return true;
    const result = await list[index]({ title, step: index + 1, total: list.length });
    if (result === undefined) return false;
    index = result === BACK ? Math.max(0, index - 1) : index + 1;
  }
}

/** A step's answer: Back and cancel pass through; a value is applied and the flow goes on. */
export function next<T>(r: T | typeof BACK | undefined, apply: (value: T) => void): StepResult {
  if (r === undefined || r === BACK) return r as StepResult;
  apply(r);
  return 'next';
}

/**
 * The end of a flow: the answers checked like a submitted form (validate, then the AWS checks
 * where the session has them); problems are shown and end the flow, else the plan is built and
 * opened for review.
 */
export async function reviewAnswers<V>(ctx: FormContext, session: FormSession<V, unknown>, values: V, planPrefix: string): Promise<vscode.Uri | undefined> {
  let errors = session.validate(values);
  if (!Object.keys(errors).length && session.checkRemote) errors = await session.checkRemote(values);
  if (Object.keys(errors).length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The answers have problems: {0}', Object.values(errors).join(' ')));
    return undefined;
  }
  return ctx.review(await buildPlan(session.build, values, planPrefix, ctx.deps, ctx.scope));
}

/** The three prompts as one object, so a flow can be driven by a script in tests. */
export type Prompter = { pickOne: typeof pickOne; pickMany: typeof pickMany; inputText: typeof inputText };
export const quickInputPrompter: Prompter = { pickOne, pickMany, inputText };

// What every flow command does first: the form context of the tree node it ran on (or, from the
// palette, of a picked profile · region), then the flow; nothing happens when the pick is cancelled.
import type { FormContext } from '../webviews/forms';

export type FormContextOf = (node: unknown) => Promise<FormContext | undefined>;

export function withForm<T>(formContext: FormContextOf, run: (ctx: FormContext, node: unknown) => T | Promise<T>) {
  return async (node?: unknown): Promise<T | undefined> => {
    const ctx = await formContext(node);
    return ctx ? run(ctx, node) : undefined;
  };
}

import type { z } from 'zod';

/**
 * Runs a core schema on form values and returns the first message per top-level field.
 * `messages` maps a field (and optionally an issue code, "field.code") to translated words;
 * unmapped issues keep the schema's own message.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
  messages: Record<string, string> = {},
): { ok: true; data: z.output<S> } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(values);
  if (result.success) {
    return { ok: true, data: result.data };
  }
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field === '' || errors[field] !== undefined) {
      continue;
    }
    errors[field] = messages[`${field}.${issue.code}`] ?? messages[field] ?? issue.message;
  }
  return { ok: false, errors };
}

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
export function focusFirstError(form: HTMLFormElement | null, fields: string[], errors: Record<string, string>): void {
  const first = fields.find((field) => errors[field] !== undefined);
  if (form && first) {
    const element = form.elements.namedItem(first);
    if (element instanceof HTMLElement) {
      element.focus();
    }
  }
}

// What an admin form action answered, read by the page without knowing which action's shape it is:
// failures carry { action, field, error, values } (admin.server.ts `refused`), successes
// { action, notice }. A form with several copies on a page (one per row) sends a hidden `_row`.

interface Outcome {
  action?: unknown;
  field?: unknown;
  error?: unknown;
  values?: unknown;
  notice?: unknown;
}

const of = (form: unknown, action: string, row?: string): Outcome | null => {
  if (!form || typeof form !== 'object' || (form as Outcome).action !== action) {
    return null;
  }
  const outcome = form as Outcome;
  if (row !== undefined && valuesOf(outcome)['_row'] !== row) {
    return null;
  }
  return outcome;
};

const valuesOf = (outcome: Outcome): Record<string, string> =>
  outcome.values && typeof outcome.values === 'object'
    ? (outcome.values as Record<string, string>)
    : {};

/** The API's complaint about one field of one form, to show beside it. */
export function fieldError(form: unknown, action: string, field: string, row?: string) {
  const outcome = of(form, action, row);
  return outcome && outcome.field === field && typeof outcome.error === 'string'
    ? outcome.error
    : null;
}

/** A complaint about the form as a whole, or about a field the form does not show. */
export function formError(form: unknown, action: string, fields: readonly string[], row?: string) {
  const outcome = of(form, action, row);
  if (!outcome || typeof outcome.error !== 'string') {
    return null;
  }
  return typeof outcome.field === 'string' && fields.includes(outcome.field) ? null : outcome.error;
}

/** What was typed into a field before the form was refused. */
export function typed(form: unknown, action: string, name: string, row?: string): string | null {
  const outcome = of(form, action, row);
  return outcome && typeof outcome.error === 'string' ? (valuesOf(outcome)[name] ?? null) : null;
}

/** The confirmation of a form that went through. */
export function notice(form: unknown, action: string, row?: string) {
  const outcome = of(form, action, row);
  return outcome && typeof outcome.notice === 'string' ? outcome.notice : null;
}

/**
 * A form action's URL that keeps the page's query (class, date, student): SvelteKit lands on the
 * action's URL without its `/name` parameter, so a bare `?/name` would drop what the page shows.
 */
export function actionUrl(search: Iterable<[string, string]>, name: string): string {
  const kept = new URLSearchParams([...search].filter(([key]) => !key.startsWith('/'))).toString();
  return kept ? `?${kept}&/${name}` : `?/${name}`;
}

import { badInput } from '../../core/errors.js';

/** Trimmed optional text, null when blank; BAD_USER_INPUT past `max` characters. */
export function optionalText(
  text: string | null | undefined,
  field: string,
  max: number,
): string | null {
  const trimmed = text?.trim() || null;
  if (trimmed && trimmed.length > max) {
    throw badInput(field, 'input.tooLong', { max });
  }
  return trimmed;
}

/** The reason a correction needs (R-DATA-3): never blank. */
export function requiredReason(text: string | null | undefined, field: string): string {
  const reason = optionalText(text, field, 500);
  if (!reason) {
    throw badInput(field, 'journal.reasonRequired');
  }
  return reason;
}

/** A calendar date as the API takes it: `YYYY-MM-DD`, and a real day. */
export function isoDateInput(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(field, 'input.date');
  }
  return value;
}

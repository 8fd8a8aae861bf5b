import type { GradingScale } from '#lib/graphql/graphql.ts';

// Dates, numbers and marks as the diary pages show them. Dates travel as YYYY-MM-DD school days;
// they are formatted at UTC so that no time zone moves them to the day before.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (not 2026-02-31), or null. */
export function isoDateOrNull(text: string | null): string | null {
  if (!text || !ISO_DATE.test(text)) {
    return null;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the ISO week containing `date`, as the API counts weeks (R-DRY-2). */
export const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));

/** Today's date where the school is: lessons and weeks are in school time. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

export function formatDate(
  intlLocale: string,
  date: string,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' },
): string {
  return new Intl.DateTimeFormat(intlLocale, { ...options, timeZone: 'UTC' }).format(utc(date));
}

/** «30 ноября – 6 декабря 2026 г.» */
export function formatRange(intlLocale: string, from: string, to: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(utc(from), utc(to));
}

export function formatAverage(intlLocale: string, value: number): string {
  return new Intl.NumberFormat(intlLocale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** «Смирнова А. П.»: how a diary names a teacher. */
export function shortName(person: {
  lastName: string;
  firstName: string;
  middleName?: string | null;
}): string {
  const initials = [person.firstName, person.middleName]
    .filter((part): part is string => Boolean(part))
    .map((part) => `${part.charAt(0)}.`)
    .join(' ');
  return initials ? `${person.lastName} ${initials}` : person.lastName;
}

/** «Петрова Маша»: how the switcher names a child. */
export const childName = (person: { lastName: string; firstName: string }) =>
  `${person.lastName} ${person.firstName}`;

/** Fills `{name}` placeholders of a message. */
export function fill(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The lowest and highest mark of a school's scale: the chart's axis and MarkBadge's `max`. */
export function scaleOf(scale: GradingScale): { min: number; max: number } {
  switch (scale) {
    case 'FIVE_POINT':
      return { min: 1, max: 5 };
    case 'TEN_POINT':
      return { min: 1, max: 10 };
    case 'PERCENT':
      return { min: 0, max: 100 };
  }
}

/**
 * The colour band of a mark, the same thresholds as MarkBadge.svelte (5 best, 4 good, 3 fair,
 * 2 and 1 poor on the five-point scale), for the chart's dots to match the badges.
 */
export function markTone(value: number, max: number): 'best' | 'good' | 'fair' | 'poor' {
  const share = value / max;
  return share >= 0.9 ? 'best' : share >= 0.7 ? 'good' : share >= 0.5 ? 'fair' : 'poor';
}

/** `?student=…&week=…` with the empty parameters left out, for the diary's links. */
export function query(params: Record<string, string | null | undefined>): string {
  return new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
}

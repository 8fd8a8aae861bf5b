import type { Locale } from '#lib/i18n/index.ts';

// What the mail pages print, shared by their server loads and their components.

/** The parts of a person the mail pages show. */
export interface Named {
  id: string;
  lastName: string;
  firstName: string;
  middleName?: string | null;
}

/** Family name first, as in school records: «Иванова Анна Петровна». */
export const personName = (p: Named) =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

/** Everyone in a conversation but the viewer, by name. */
export const othersIn = (participants: readonly Named[], meId: string) =>
  participants
    .filter((p) => p.id !== meId)
    .map(personName)
    .join(', ');

/**
 * A moment in the school's time zone (the server renders first, the browser re-renders after live
 * updates: both must print the same clock). Today's messages show the time only.
 */
export function formatWhen(iso: string, locale: Locale, timeZone: string): string {
  const when = new Date(iso);
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
  const sameDay = day(when) === day(new Date());
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    ...(sameDay
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
  }).format(when);
}

/** Today (YYYY-MM-DD) in a time zone. */
export const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

import * as admin from './areas/admin.ts';
import * as apiClients from './areas/api-clients.ts';
import * as classroom from './areas/classroom.ts';
import * as compromise from './areas/compromise.ts';
import * as control from './areas/control.ts';
import * as diary from './areas/diary.ts';
import * as journal from './areas/journal.ts';
import * as mail from './areas/mail.ts';
import * as nav from './areas/nav.ts';
import * as reports from './areas/reports.ts';
import * as security from './areas/security.ts';
import { en } from './en.ts';
import { ru, type CoreMessages } from './ru.ts';

// Each area of the client keeps its own catalogue (areas/*.ts), so pages grow without touching
// one shared file; the core words (sign-in, roles, errors) stay in ru.ts / en.ts.
const areas = {
  nav,
  journal,
  diary,
  classroom,
  mail,
  admin,
  control,
  reports,
  compromise,
  security,
  apiClients,
};
type Areas = typeof areas;

export type Messages = CoreMessages & { [A in keyof Areas]: Areas[A]['ru'] };

const withAreas = (core: CoreMessages, locale: 'ru' | 'en'): Messages => ({
  ...core,
  ...(Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, area[locale]])) as {
    [A in keyof Areas]: Areas[A]['ru'];
  }),
});

const catalogues = { ru: withAreas(ru, 'ru'), en: withAreas(en, 'en') };

export type Locale = keyof typeof catalogues;

/** Russian unless the person or the browser asks for a language we have. */
export const DEFAULT_LOCALE: Locale = 'ru';

/** Every language the interface has, in the order a choice lists them. */
export const LOCALES = Object.keys(catalogues) as Locale[];

/** The person's own choice, before sign-in, is kept in this cookie (issue 6). */
export const LOCALE_COOKIE = 'classbook_locale';

/** The locale a tag names, if we have it (`en-GB` → `en`); null otherwise. */
export function supported(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && Object.hasOwn(catalogues, primary) ? (primary as Locale) : null;
}

/**
 * The signed-in person's own choice wins; without one, the language chosen on the sign-in page
 * (the `classbook_locale` cookie), then the browser's Accept-Language (by q-value); else Russian. A person whose locale we lack (e.g. `kk` before it is translated) gets Russian,
 * not the browser's language, since that is what their school set up for them.
 */
export function pickLocale(
  personLocale: string | null | undefined,
  acceptLanguage: string | null,
  cookieLocale: string | null = null,
): Locale {
  if (personLocale) {
    return supported(personLocale) ?? DEFAULT_LOCALE;
  }
  const chosen = supported(cookieLocale);
  if (chosen) {
    return chosen;
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ q }) => Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = supported(tag);
    if (locale) {
      return locale;
    }
  }
  return DEFAULT_LOCALE;
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

import { en } from './en.ts';
import { ru, type Messages } from './ru.ts';

export type { Messages };

const catalogues = { ru, en } satisfies Record<string, Messages>;

export type Locale = keyof typeof catalogues;

/** Russian unless the person or the browser asks for a language we have. */
export const DEFAULT_LOCALE: Locale = 'ru';

function supported(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && Object.hasOwn(catalogues, primary) ? (primary as Locale) : null;
}

/**
 * The signed-in person's own choice wins; without one, the browser's Accept-Language (by q-value);
 * else Russian. A person whose locale we lack (e.g. `kk` before it is translated) gets Russian,
 * not the browser's language, since that is what their school set up for them.
 */
export function pickLocale(
  personLocale: string | null | undefined,
  acceptLanguage: string | null,
): Locale {
  if (personLocale) {
    return supported(personLocale) ?? DEFAULT_LOCALE;
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

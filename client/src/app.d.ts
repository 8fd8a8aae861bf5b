import type { ViewerFieldsFragment } from '#lib/graphql/graphql.ts';
import type { Locale } from '#lib/i18n/index.ts';

declare global {
  namespace App {
    interface Locals {
      /** Who is signed in, read once per request in hooks.server.ts; null when nobody is. */
      viewer: ViewerFieldsFragment | null;
      /** The session token from the `classbook_session` cookie, kept only when it is valid. */
      token: string | null;
      /** The UI language for this request. */
      locale: Locale;
    }
  }
}

export {};

import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core';
import { CLASSBOOK_API_URL } from '$app/env/private';
import type { Locale } from '#lib/i18n/index.ts';

/** Who is asking the API, on behalf of which browser. */
export interface ApiCaller {
  /** The session token; null for operations that need none (signIn, redeemInvitation). */
  token: string | null;
  /** The page's language: the API words its error messages in it. */
  locale: Locale;
  /** The browser's User-Agent, which the API keeps with a new session. */
  userAgent: string | null;
  /**
   * The browser's address (`event.getClientAddress()`), sent as X-Forwarded-For: the API
   * throttles sign-in per address and believes the header only from its TRUSTED_PROXIES.
   */
  clientAddress?: string | null;
}

/**
 * A new Apollo Client for one server-side request, authenticated as that request's person.
 *
 * Never share one across requests: its cache would hand one person's data to the next
 * (STYLE.md, habit 6). The cache is also bypassed (`no-cache`) because a client lives for a single
 * request and nothing would read it back.
 */
export function createApolloClient({
  token,
  locale,
  userAgent,
  clientAddress,
}: ApiCaller): ApolloClient {
  const headers: Record<string, string> = { 'accept-language': locale };
  if (token) {
    headers['authorization'] = `Bearer ${token}`;
  }
  if (userAgent) {
    headers['user-agent'] = userAgent;
  }
  if (clientAddress) {
    headers['x-forwarded-for'] = clientAddress;
  }
  return new ApolloClient({
    link: new HttpLink({ uri: CLASSBOOK_API_URL, headers }),
    cache: new InMemoryCache(),
    ssrMode: true,
    // errorPolicy 'none' (errors throw) as declared in src/apollo.d.ts.
    defaultOptions: {
      query: { fetchPolicy: 'no-cache', errorPolicy: 'none' },
      mutate: { fetchPolicy: 'no-cache', errorPolicy: 'none' },
    },
  });
}

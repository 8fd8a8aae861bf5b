import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core';

let client: ApolloClient | null = null;

/**
 * The one Apollo Client of this browser tab, for what a page does after it has loaded (a mark
 * typed into the grid, a message sent). It talks to the same-origin proxy /api/graphql, which adds
 * the session from the httpOnly cookie. Server-side loads use #lib/apollo.ts instead: a new client
 * per request (STYLE.md, habit 6). Never import this from a +page.server.ts or hooks.
 */
export function browserApollo(): ApolloClient {
  if (typeof window === 'undefined') {
    throw new Error('browserApollo() is for the browser; server code uses createApolloClient()');
  }
  client ??= new ApolloClient({
    link: new HttpLink({ uri: '/api/graphql' }),
    cache: new InMemoryCache(),
    defaultOptions: {
      query: { fetchPolicy: 'network-only', errorPolicy: 'none' },
      mutate: { errorPolicy: 'none' },
    },
  });
  return client;
}

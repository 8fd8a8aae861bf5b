import '@apollo/client';

// Operations throw on errors (errorPolicy 'none', set in #lib/apollo.ts). Declaring it here makes
// Apollo Client use its "modern" signatures, which type `data` as present whenever the call did
// not throw, instead of `data | undefined` everywhere.
declare module '@apollo/client' {
  namespace ApolloClient {
    namespace DeclareDefaultOptions {
      interface Query {
        errorPolicy: 'none';
      }
      interface Mutate {
        errorPolicy: 'none';
      }
    }
  }
}

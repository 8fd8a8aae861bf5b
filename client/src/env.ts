import { defineEnvVars } from '@sveltejs/kit/env';

// SvelteKit 3's explicit environment variables (read through `$app/env/private`, server only);
// they replace the deprecated `$env/dynamic/private`.
export const variables = defineEnvVars({
  CLASSBOOK_API_URL: {
    description: 'The GraphQL endpoint of the Classbook API, read on the server at start-up.',
    schema: (value) => {
      const url = value || 'http://127.0.0.1:4000/graphql';
      if (!URL.canParse(url)) {
        throw new Error(`CLASSBOOK_API_URL is not a URL: ${url}`);
      }
      return url;
    },
  },
});

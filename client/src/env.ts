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
  CLASSBOOK_API_WS_URL: {
    description:
      "The API's WebSocket URL as browsers reach it (ws:// or wss://), for live updates. " +
      'Default: CLASSBOOK_API_URL with http(s) turned into ws(s); set it when browsers reach the ' +
      'API by another address (a proxy, another host name).',
    schema: (value) => {
      if (!value) {
        return '';
      }
      if (!URL.canParse(value) || !/^wss?:$/.test(new URL(value).protocol)) {
        throw new Error(`CLASSBOOK_API_WS_URL is not a ws:// or wss:// URL: ${value}`);
      }
      return value;
    },
  },
});

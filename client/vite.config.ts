import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// SvelteKit 3 takes its options here; there is no svelte.config.js.
export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter(),
      // Issue 8: form actions are refused unless posted from this site's own origin (SvelteKit's
      // CSRF check). Said explicitly so nobody widens it: no other origin is trusted, ever ('*'
      // would switch the check off). The JSON routes under /api check Origin themselves.
      csrf: { trustedOrigins: [] },
    }),
  ],
});

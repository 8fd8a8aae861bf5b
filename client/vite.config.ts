import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// SvelteKit 3 takes its options here; there is no svelte.config.js.
export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter(),
    }),
  ],
});

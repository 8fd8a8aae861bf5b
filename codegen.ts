import type { CodegenConfig } from '@graphql-codegen/cli';

// The client's typed operations. Output is committed and never edited by hand; CI re-runs
// `pnpm codegen` and fails on drift (STYLE.md, habit 4).
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['client/src/**/*.{ts,svelte}', '!client/src/lib/graphql/**'],
  ignoreNoDocuments: false,
  generates: {
    'client/src/lib/graphql/': {
      preset: 'client',
      presetConfig: {
        // Operations here are small; masking would only add ceremony for now.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // JSONObject: audit snapshots (`before`/`after`), free-form by design.
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
      },
    },
  },
};

export default config;

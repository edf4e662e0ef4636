import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The types of the clients' operations (src/operations/operations.js), generated from schema/ and the operations:
 * `npm run codegen` writes them, `npm run check` fails when the file is stale.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: 'src/operations/operations.js',
  generates: {
    'src/operations/operations.generated.ts': {
      plugins: ['typescript-operations'],
      config: {
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string' },
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;

import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isLeafType,
  OperationTypeNode,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type GraphQLInputType,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** What Apollo Server hands a gateway's executor (the fields used here; `context` is the
 * operation's context value). */
interface ExecutorRequest {
  readonly document: DocumentNode;
  readonly operation?: OperationDefinitionNode;
  readonly request: { variables?: Record<string, unknown>; operationName?: string };
  readonly context: unknown;
}

/**
 * graphql-jit's errors are its own kind of GraphQLError: `extensions` is undefined unless the
 * resolver's error had some (Apollo's formatting reads `extensions.code` and fails on it) and the
 * properties are read-only. Each becomes the error graphql-js would have made: the resolver's error
 * as `originalError` (which formatError unwraps), its extensions or an empty object, the same path
 * and locations.
 */
function asGraphqlJsError(e: GraphQLError): GraphQLError {
  const error = new GraphQLError(e.message, {
    path: e.path,
    originalError: e.originalError ?? undefined,
    extensions: e.extensions,
  });
  // graphql-js computes locations from AST nodes, which graphql-jit no longer has at run time.
  (error as { locations?: GraphQLError['locations'] }).locations = e.locations;
  return error;
}

/**
 * Whether graphql-jit runs `operation`: queries whose variables and arguments are scalars and enums
 * (or lists of them). graphql-jit coerces variables with its own code, which leaves out an input object's
 * field defaults when the field is non-null (`add: [NewMarkInput!]! = []` arrived missing, and
 * setMarks failed: found by journal-live.int.test.ts); mutations and input objects stay with
 * graphql-js, which the write paths were tested with, and they are not where the read pages'
 * time went.
 */
function jitFits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) {
    return false;
  }
  const leaf = (type: GraphQLInputType | undefined | null) =>
    !!type && isLeafType(getNamedType(type));
  if (
    !(operation.variableDefinitions ?? []).every((d) =>
      leaf(typeFromAST(schema, d.type) as GraphQLInputType),
    )
  ) {
    return false;
  }
  // Arguments written in the document are coerced by graphql-jit too: leaves only, likewise.
  let fits = true;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument() {
        const arg = typeInfo.getArgument();
        if (!arg || !leaf(arg.type)) {
          fits = false;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return fits;
}

/**
 * Queries executed by graphql-jit instead of graphql-js (issue 9: graphql-js's
 * execution was a third of the journal page's node CPU, mostly a promise per field and row).
 * Apollo Server has no executor option of its own; a gateway is its one hook for replacing
 * `execute`, and everything before it still runs: parsing, validation with the limit rules, the
 * plugins' `didResolveOperation` checks, error formatting and translation. The schema's field
 * resolvers are the same ones graphql-js calls (type-graphql's, wrapped by graphql-shield), so
 * permissions hold unchanged.
 *
 * A document is compiled once, on its first run, and the compiled query kept for as long as
 * Apollo's document store keeps the parsed document (a WeakMap on it). Variables are coerced by
 * graphql-js first, so a bad variable gets graphql-js's error, code and status as before; and a
 * document graphql-jit does not compile (an unknown operation name, say) runs through graphql-js.
 */
export function jitGateway(
  schema: GraphQLSchema,
): ApolloServerOptionsWithGateway<never>['gateway'] {
  const compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | null) => {
    let byName = compiled.get(document);
    if (!byName) {
      byName = new Map();
      compiled.set(document, byName);
    }
    if (!byName.has(operationName)) {
      const operation = getOperationAST(document, operationName);
      if (!operation || !jitFits(schema, document, operation)) {
        byName.set(operationName, null);
        return null;
      }
      const q = compileQuery(schema, document, operationName ?? undefined, {
        // Stacks of field errors are never sent (includeStacktraceInErrorResponses: false) and the
        // resolver's own error keeps its stack for the log.
        disablingCapturingStackErrors: true,
      });
      byName.set(operationName, isCompiledQuery(q) ? q : null);
    }
    return byName.get(operationName)!;
  };

  const executor = async (rc: ExecutorRequest): Promise<ExecutionResult> => {
    const { document, request, context: contextValue } = rc;
    const variables = request.variables ?? {};
    const query = compiledFor(document, request.operationName ?? null);
    if (!query) {
      return execute({
        schema,
        document,
        contextValue,
        variableValues: variables,
        operationName: request.operationName,
      });
    }
    const definitions = rc.operation?.variableDefinitions ?? [];
    if (definitions.length > 0) {
      // graphql-js's defaults: at most 50 errors, then "Too many errors" (graphql-errors.ts).
      const coerced = getVariableValues(schema, definitions, variables, { maxErrors: 50 });
      if (coerced.errors) {
        return { errors: coerced.errors };
      }
    }
    const result = await query.query(undefined, contextValue, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };

  return {
    load: () => Promise.resolve({ schema, executor }),
    onSchemaLoadOrUpdate(
      callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void,
    ) {
      // One schema for the life of the server: no supergraph, nothing to update.
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: () => Promise.resolve(),
  };
}

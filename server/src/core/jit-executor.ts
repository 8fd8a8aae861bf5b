import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  BREAK,
  execute,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  OperationTypeNode,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** What Apollo Server hands a gateway's executor (the fields used here; `context` is the
 * operation's context value). */
interface ExecutorRequest {
  readonly document: DocumentNode;
  readonly operation?: OperationDefinitionNode;
  readonly request: { variables?: Record<string, unknown>; operationName?: string };
  readonly context: unknown;
}

/** Compiled documents kept; a document out of it is compiled again (a few ms) on its next run. */
const MAX_COMPILED = 500;

/**
 * graphql-jit's errors are its own kind of GraphQLError: `extensions` is undefined unless the
 * resolver's error had some (Apollo's formatting reads `extensions.code`) and the properties are
 * read-only. Each becomes the error graphql-js would have made: the resolver's error as
 * `originalError` (which formatError unwraps), its extensions, the same path and locations.
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
 * Whether graphql-jit can coerce values of `type` as graphql-js does: scalars, enums, and input
 * objects none of whose fields (at any depth) has a default. graphql-jit's own coercion leaves a
 * defaulted input field out when the caller omits it (`add: [NewMarkInput!]! = []` arrived
 * missing and setMarks failed: found by journal-live.int.test.ts on the earlier attempt).
 */
function coercesAlike(type: GraphQLInputType, seen = new Set<GraphQLNamedType>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named)) {
    return true;
  }
  seen.add(named);
  return Object.values(named.getFields()).every(
    (f) => f.defaultValue === undefined && coercesAlike(f.type, seen),
  );
}

/**
 * Whether graphql-jit runs `operation`: queries only (mutations and subscriptions stay with
 * graphql-js, which the write and live paths were tested with), and only when every variable and
 * every argument written in the document coerces alike (`coercesAlike`).
 */
export function jitFits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  /** Subscriptions too: their events' execution (`liveJit`), never their `subscribe`. */
  kinds: readonly OperationTypeNode[] = [OperationTypeNode.QUERY],
): boolean {
  if (!kinds.includes(operation.operation)) {
    return false;
  }
  for (const d of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, d.type) as GraphQLInputType | undefined;
    if (!type || !coercesAlike(type)) {
      return false;
    }
  }
  let fits = true;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument() {
        const arg = typeInfo.getArgument();
        if (!arg || !coercesAlike(arg.type)) {
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
 * Queries executed by graphql-jit instead of graphql-js (issue 9: graphql-js's execution is about a
 * third of the journal page's node CPU; with `simpleResolvers` on the page's types graphql-jit reads
 * their plain fields inline). Apollo Server has no executor option of its own; a gateway is its
 * one hook for replacing `execute`, and everything around it still runs: parsing, validation with
 * the limit rules, the plugins' `didResolveOperation` checks, error formatting and translation.
 * The field resolvers are the ones graphql-js calls (type-graphql's, wrapped by graphql-shield),
 * so permissions hold unchanged (parity: jit-executor.int.test.ts).
 *
 * Each document is compiled on its first run and kept in a bounded LRU. Variables are coerced by
 * graphql-js first, so a bad variable gets graphql-js's error, code and status; whatever does not
 * fit graphql-jit (`jitFits`) or does not compile runs through graphql-js.
 */
export function jitGateway(
  schema: GraphQLSchema,
): ApolloServerOptionsWithGateway<never>['gateway'] {
  // Keyed by the parsed document, which Apollo's document store reuses for the same query text.
  const compiledFor = compiler(
    schema,
    new LRUCache<DocumentNode, Map<string | null, CompiledQuery | null>>({ max: MAX_COMPILED }),
  );

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
      // graphql-js's own limit: at most 50 errors, then "Too many errors" (graphql-errors.ts).
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

/** One live event executed for one context (`rootValue`: the event), as graphql-js would. */
export type LiveExecutor = (
  event: unknown,
  contextValue: unknown,
  variables: Record<string, unknown> | null | undefined,
) => Promise<ExecutionResult>;

/**
 * The per-event execution of live subscriptions by graphql-jit (issue 9: every event of a live group
 * is executed once per permission set or person; graphql-js's execution was a tenth of a burst's
 * CPU). Only the event's execution — graphql-js's `mapSourceToResponse`, the subscription field's
 * `resolve` with the event as root — never `subscribe`, which stays with graphql-js. Where the
 * operation does not fit (`jitFits`: the same conditions as queries) or does not compile: null,
 * and the live group executes with graphql-js. Variables were coerced and checked by graphql-js
 * when subscribing (core/app.ts onSubscribe). Parity: live-jit.int.test.ts.
 */
export function liveJit(
  schema: GraphQLSchema,
): (document: DocumentNode, operationName: string | null) => LiveExecutor | null {
  // Keyed by the parsed document, which core/app.ts's checked subscriptions reuse per query text.
  const compiledFor = compiler(schema, new WeakMap(), [OperationTypeNode.SUBSCRIPTION]);
  return (document, operationName) => {
    const q = compiledFor(document, operationName);
    if (!q) {
      return null;
    }
    return async (event, contextValue, variables) => {
      const { data, errors } = await q.query(event, contextValue, variables ?? {});
      // graphql-js's order of keys (errors first), which the socket's frame keeps.
      return errors?.length ? { errors: errors.map(asGraphqlJsError), data } : { data };
    };
  };
}

/**
 * Compiles an operation of a document once, where it fits graphql-jit (`jitFits` with `kinds`);
 * null where it does not fit or does not compile (the caller then runs graphql-js). `store` bounds
 * what is kept (an LRU for queries, a WeakMap for live groups' documents).
 */
function compiler(
  schema: GraphQLSchema,
  store: {
    get(document: DocumentNode): Map<string | null, CompiledQuery | null> | undefined;
    set(document: DocumentNode, byName: Map<string | null, CompiledQuery | null>): unknown;
  },
  kinds?: readonly OperationTypeNode[],
) {
  return (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byName = store.get(document);
    if (!byName) {
      byName = new Map();
      store.set(document, byName);
    }
    let query = byName.get(operationName);
    if (query === undefined) {
      const operation = getOperationAST(document, operationName);
      query = null;
      if (operation && jitFits(schema, document, operation, kinds)) {
        const q = compileQuery(schema, document, operationName ?? undefined, {
          // Stacks of field errors are never sent (includeStacktraceInErrorResponses: false), and
          // the resolver's own error keeps its stack for the log.
          disablingCapturingStackErrors: true,
        });
        query = isCompiledQuery(q) ? q : null;
      }
      byName.set(operationName, query);
    }
    return query;
  };
}

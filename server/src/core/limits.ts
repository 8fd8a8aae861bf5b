import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { STAFF_ROLES, type Viewer } from '../auth/viewer.js';
import { isApiViewer } from '../modules/api-clients/api-scope.js';
import { DomainError, ErrorCode } from './errors.js';

/**
 * What one operation may ask, on HTTP and graphql-ws alike (issue 8). The largest real screens
 * (the journal page, the diary week) sit well inside these; a hostile query does not.
 */
export const LIMITS = {
  depth: 10,
  cost: 5000,
  aliases: 15,
  directives: 20,
  tokens: 4000,
} as const;

export const parseOptions: ParseOptions = { maxTokens: LIMITS.tokens };

// Reported as validation errors (GRAPHQL_VALIDATION_FAILED) rather than thrown, which the
// servers would turn into internal errors.
const reported = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};

export const limitRules: ValidationRule[] = [
  maxDepthRule({ n: LIMITS.depth, ignoreIntrospection: true, ...reported }),
  costLimitRule({ maxCost: LIMITS.cost, ignoreIntrospection: true, ...reported }),
  maxAliasesRule({ n: LIMITS.aliases, ...reported }),
  maxDirectivesRule({ n: LIMITS.directives, ...reported }),
];

/** Whether an operation asks about the schema itself (`__schema`, `__type`; not `__typename`). */
export function asksForIntrospection(document: DocumentNode): boolean {
  return documentFacts(document).introspection;
}

/**
 * What the checks below read from an operation's text, found in one walk per parsed document:
 * Apollo's document store hands the same parsed document to every request with the same query, so
 * a page asked over and over is walked once (issue 9: per-request cost), not twice per request.
 */
const facts = new WeakMap<DocumentNode, { introspection: boolean; invalidText: boolean }>();
function documentFacts(document: DocumentNode) {
  let found = facts.get(document);
  if (!found) {
    const seen = { introspection: false, invalidText: false };
    visit(document, {
      [Kind.FIELD]: (node) => {
        if (node.name.value === '__schema' || node.name.value === '__type') {
          seen.introspection = true;
        }
      },
      [Kind.STRING]: (node) => {
        if (invalidText(node.value)) {
          seen.invalidText = true;
        }
      },
    });
    found = seen;
    facts.set(document, found);
  }
  return found;
}

/** The schema is documentation for staff and API clients, never for anonymous callers or families. */
export function mayIntrospect(viewer: Viewer | null): boolean {
  return isApiViewer(viewer) || Boolean(viewer?.hasAnyRole(...STAFF_ROLES));
}

/**
 * A refusal from the request pipeline (a plugin hook), before execution. Apollo answers an error
 * thrown there with 500 unless it carries an HTTP status; the domain error gives code and message.
 */
const refusal = (error: DomainError, status: number) =>
  new GraphQLError(error.messageKey, { originalError: error, extensions: { http: { status } } });

export const introspectionRefused = () =>
  refusal(new DomainError(ErrorCode.FORBIDDEN, 'error.introspection'), 403);

export const invalidTextRefused = () =>
  refusal(new DomainError(ErrorCode.BAD_USER_INPUT, 'error.invalidText'), 400);

/** Subscriptions live on graphql-ws; over HTTP they would run once as a broken query. */
export const subscriptionOverHttpRefused = () =>
  new GraphQLError('Subscriptions are accepted over WebSocket only.', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });

/** Half of a UTF-16 surrogate pair without the other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const invalidText = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/**
 * Whether any text in the operation or its variables holds NUL, which PostgreSQL cannot store in
 * text, or a lone surrogate, which is no character at all (PostgreSQL's json refuses it: an
 * audited write failed deep inside with an internal error): refused up front for every field at
 * once instead of failing deep in a write.
 */
export function carriesInvalidText(document: DocumentNode, variables: unknown): boolean {
  const found = documentFacts(document).invalidText;
  const inValue = (value: unknown): boolean =>
    typeof value === 'string'
      ? invalidText(value)
      : Array.isArray(value)
        ? value.some(inValue)
        : value !== null && typeof value === 'object'
          ? Object.values(value).some(inValue)
          : false;
  return found || inValue(variables);
}

/** graphql-js suggests field names on a typo ("Did you mean …?"): that maps the schema for free. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [\s\S]*\?$/, '');
}

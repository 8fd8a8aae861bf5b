import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from './context.js';
import { DomainError, ErrorCode } from './errors.js';
import { withoutSuggestions } from './limits.js';
import type { Logger } from './logger.js';
import { isMessageKey, translate, type MessageParams } from './messages.js';

// Codes graphql-js and Apollo give to malformed requests: safe and useful to pass on.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The one place that decides what an error looks like to a client. Domain errors keep their code
 * and field and get a message key (translated per viewer in `translateErrors`); anything else is
 * logged in full and leaves the server as a bare INTERNAL_SERVER_ERROR.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // A DomainError thrown outside a resolver (a plugin hook) arrives wrapped once more.
    const original =
      unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainError
        ? unwrapped.originalError
        : unwrapped;
    if (original instanceof DomainError) {
      return domainFormatted(formatted, original);
    }
    if (original instanceof OptimisticLockError) {
      return domainFormatted(formatted, new DomainError(ErrorCode.CONFLICT, 'error.conflict'));
    }
    if (original instanceof UniqueConstraintViolationException) {
      return domainFormatted(formatted, new DomainError(ErrorCode.CONFLICT, 'error.conflict'));
    }
    // graphql-js stops coercing variables after 50 errors with a bare error of its own, which
    // is still the caller's bad input (the fuzz test found it), not a fault of the server.
    if (
      original instanceof GraphQLError &&
      !original.originalError &&
      original.message.startsWith('Too many errors processing variables')
    ) {
      return {
        message: original.message,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && original === error) {
      // Variable coercion errors ("… enum. Did you mean the enum value …?") map the schema too.
      return {
        message: withoutSuggestions(formatted.message),
        locations: formatted.locations,
        extensions: { code },
      };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
    return {
      message: 'error.internal',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'error.internal' },
    };
  };
}

function domainFormatted(formatted: GraphQLFormattedError, e: DomainError): GraphQLFormattedError {
  return {
    message: e.messageKey,
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: e.code,
      ...(e.options.field ? { field: e.options.field } : {}),
      ...(e.options.details ?? {}),
      messageKey: e.messageKey,
      messageParams: e.options.params ?? {},
    },
  };
}

/** Turns message keys into the viewer's language just before the response leaves. */
export function translateErrors(
  errors: readonly GraphQLFormattedError[],
  ctx: Pick<Context, 'locale'>,
) {
  return errors.map((e) => {
    const { messageKey, messageParams, ...extensions } = e.extensions ?? {};
    if (!isMessageKey(messageKey)) {
      return e;
    }
    return {
      ...e,
      message: translate(ctx.locale, messageKey, (messageParams ?? {}) as MessageParams),
      extensions,
    };
  });
}

export function translateErrorsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = translateErrors(
              response.body.singleResult.errors,
              contextValue,
            );
          }
        },
      };
    },
  };
}

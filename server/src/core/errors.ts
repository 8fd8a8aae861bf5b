import { registerEnumType } from 'type-graphql';
import { type MessageKey, type MessageParams } from './messages.js';

/** The one list of error codes clients branch on (STYLE: errors). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  /** Sign-in held back for a while (issue 8); `extensions.retryAfter` says how many seconds. */
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
}
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Codes carried in `extensions.code` of GraphQL errors.',
});

/**
 * A refusal the user should understand. The message is a key into the message catalogue, turned
 * into the viewer's language when the response is sent; `field` names the input at fault.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly options: {
      field?: string;
      params?: MessageParams;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(`${code}: ${messageKey}${options.field ? ` (${options.field})` : ''}`);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, key: MessageKey, params?: MessageParams) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, key, { field, params });
export const notFound = (field?: string) =>
  new DomainError(ErrorCode.NOT_FOUND, 'error.notFound', { field });
export const forbidden = () => new DomainError(ErrorCode.FORBIDDEN, 'error.forbidden');
export const unauthenticated = (key: MessageKey = 'error.unauthenticated') =>
  new DomainError(ErrorCode.UNAUTHENTICATED, key);

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${String(value)}`);
}

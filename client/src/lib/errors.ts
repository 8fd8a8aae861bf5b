import { CombinedGraphQLErrors } from '@apollo/client/core';

/** The error codes the API puts in `extensions.code` (STYLE.md, "Names"). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'TOO_MANY_ATTEMPTS';

const API_ERROR_CODES: ReadonlySet<string> = new Set<ApiErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'TOO_MANY_ATTEMPTS',
]);

/** The first GraphQL error of a failed operation, in the shape the UI needs. */
export interface ApiError {
  code: ApiErrorCode;
  /** The API's message for people; shown as is when the UI has no text of its own for the case. */
  message: string;
  /** The input field at fault, for BAD_USER_INPUT. */
  field: string | null;
}

/**
 * Reads the API's error out of what Apollo threw; null when it was not a GraphQL error with one of
 * the known codes (network failure, a bug), which the caller reports as unexpected.
 */
export function apiErrorOf(thrown: unknown): ApiError | null {
  if (!CombinedGraphQLErrors.is(thrown)) {
    return null;
  }
  const first = thrown.errors[0];
  const code = first?.extensions?.['code'];
  if (!first || typeof code !== 'string' || !API_ERROR_CODES.has(code)) {
    return null;
  }
  const field = first.extensions?.['field'];
  return {
    code: code as ApiErrorCode,
    message: first.message,
    field: typeof field === 'string' ? field : null,
  };
}

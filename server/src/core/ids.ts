import { notFound } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot exist is answered like one that does not: NOT_FOUND, never a database error. */
export function requireId(value: string, field: string): string {
  if (!UUID.test(value)) {
    throw notFound(field);
  }
  return value.toLowerCase();
}

import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS), by the `canonicalize` package (written by one of
 * the RFC's authors): object keys sorted by UTF-16 code units, no whitespace, numbers and strings
 * as ECMAScript's JSON.stringify prints them. Every hash of the archive (R-DATA-2) is taken over
 * this form, so anyone can recompute it from the archive's JSON with any JCS implementation.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) {
    throw new Error('canonicalJson: value has no JSON form');
  }
  return text;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

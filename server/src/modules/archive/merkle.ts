import { createHash } from 'node:crypto';

/**
 * Merkle root in the RFC 6962 (Certificate Transparency) form: leaf = SHA-256(0x00 || data),
 * node = SHA-256(0x01 || left || right), the tree split at the largest power of two below the
 * count. The prefixes keep a leaf from ever passing for an inner node. Written here with
 * node:crypto rather than `merkletreejs`, whose defaults neither prefix nor split this way (it
 * would need its options set to match a published standard anyway, plus a Buffer polyfill
 * dependency); RFC 6962 is a dozen lines and checkable by any CT tool. An empty tree's root is
 * SHA-256 of nothing.
 */
export function merkleRoot(leaves: readonly Uint8Array[]): string {
  return hashRange(leaves, 0, leaves.length).toString('hex');
}

function hashRange(leaves: readonly Uint8Array[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 0) {
    return createHash('sha256').digest();
  }
  if (n === 1) {
    return createHash('sha256')
      .update(Buffer.from([0]))
      .update(leaves[from]!)
      .digest();
  }
  let split = 1;
  while (split * 2 < n) {
    split *= 2;
  }
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(hashRange(leaves, from, from + split))
    .update(hashRange(leaves, from + split, to))
    .digest();
}

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { merkleRoot } from './merkle.js';

const h = (...parts: (number[] | string | Buffer)[]) =>
  createHash('sha256')
    .update(Buffer.concat(parts.map((p) => (Array.isArray(p) ? Buffer.from(p) : Buffer.from(p)))))
    .digest();

describe('merkleRoot (RFC 6962)', () => {
  it('R-DATA-2: empty, one and three leaves follow the RFC 6962 definition', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleRoot([Buffer.from('a')])).toBe(h([0], 'a').toString('hex'));
    const [a, b, c] = ['a', 'b', 'c'].map((x) => h([0], x));
    const expected = h([1], h([1], a!, b!), c!).toString('hex');
    expect(merkleRoot(['a', 'b', 'c'].map((x) => Buffer.from(x)))).toBe(expected);
  });

  it('R-DATA-2: changing, adding or reordering a leaf changes the root', () => {
    const base = ['a', 'b', 'c', 'd'].map((x) => Buffer.from(x));
    const root = merkleRoot(base);
    expect(merkleRoot([...base.slice(0, 3), Buffer.from('e')])).not.toBe(root);
    expect(merkleRoot([...base, Buffer.from('e')])).not.toBe(root);
    expect(merkleRoot([base[1]!, base[0]!, base[2]!, base[3]!])).not.toBe(root);
  });
});

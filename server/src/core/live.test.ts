import { describe, expect, it } from 'vitest';
import { sameJson } from './live.js';

// A session's cached viewer is kept while its row compares equal (core/live.ts viewerOf): a false
// "same" would keep a revoked role or an ended session's viewer.
describe('sameJson', () => {
  it('is true for equal rows whatever the order of their keys', () => {
    expect(
      sameJson(
        { session: { id: 's', expires_at: '2026-12-01' }, roles: [{ role: { role: 'PARENT' } }] },
        { roles: [{ role: { role: 'PARENT' } }], session: { expires_at: '2026-12-01', id: 's' } },
      ),
    ).toBe(true);
    expect(sameJson(null, null)).toBe(true);
    expect(sameJson([], [])).toBe(true);
  });

  it('is false for any difference: a value, a key more or less, an item more, a type', () => {
    const role = { role: 'TEACHER', school_id: 'a', revoked_at: null };
    expect(sameJson({ ...role }, { ...role, revoked_at: '2026-12-01' })).toBe(false);
    expect(sameJson({ ...role }, { ...role, extra: null })).toBe(false);
    expect(sameJson({ ...role, extra: null }, { ...role })).toBe(false);
    expect(sameJson([role], [role, role])).toBe(false);
    expect(sameJson([role, role], [role])).toBe(false);
    expect(sameJson({ 0: role }, [role])).toBe(false);
    expect(sameJson([role], { 0: role })).toBe(false);
    expect(sameJson({ a: null }, { a: undefined })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson({ a: {} }, { a: null })).toBe(false);
    expect(sameJson({ a: { b: [1, 2] } }, { a: { b: [2, 1] } })).toBe(false);
  });
});

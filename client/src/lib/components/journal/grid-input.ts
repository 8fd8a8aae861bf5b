// The journal grid's pure logic (issue 6, R-JRN-2/3/5): what a typed cell means, and where the
// arrow keys lead. Kept out of JournalGrid.svelte so it is tested without a browser.
import { scaleRange } from './journal.ts';

export type Scale = 'FIVE_POINT' | 'TEN_POINT' | 'PERCENT';

/** A lesson cell's typed text, read. */
export type CellInput =
  | { kind: 'empty' }
  | { kind: 'mark'; value: string }
  | { kind: 'absent' }
  | { kind: 'late' }
  | { kind: 'invalid' };

/** The period-mark cell's typed text, read. */
export type PeriodInput =
  | { kind: 'empty' }
  | { kind: 'value'; value: string }
  | { kind: 'special'; special: 'EXEMPT' | 'NOT_ATTESTED' }
  | { kind: 'invalid' };

const ABSENT_CODES = new Set(['н', 'n']);
const LATE_CODES = new Set(['оп', 'op']);
const EXEMPT_CODES = new Set(['осв', 'осв.', 'освоб', 'освобожден']);
const NOT_ATTESTED_CODES = new Set(['н/а', 'на', 'н.а.', 'н/а.']);

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '');

/** A whole mark on the school's scale, written as the API stores it («05» → «5»); else null. */
export function markOnScale(text: string, scale: Scale): string | null {
  const value = text.trim();
  if (!/^\d{1,3}$/.test(value)) {
    return null;
  }
  const n = Number(value);
  const { min, max } = scaleRange(scale);
  return n >= min && n <= max ? String(n) : null;
}

/** A lesson cell: a mark on the scale, «н» (absent), «оп» (late), or nothing. */
export function parseCellInput(text: string, scale: Scale): CellInput {
  const value = normal(text);
  if (!value) {
    return { kind: 'empty' };
  }
  if (ABSENT_CODES.has(value)) {
    return { kind: 'absent' };
  }
  if (LATE_CODES.has(value)) {
    return { kind: 'late' };
  }
  const mark = markOnScale(value, scale);
  return mark === null ? { kind: 'invalid' } : { kind: 'mark', value: mark };
}

/** The period-mark cell: a mark on the scale, «осв» (exempt), «н/а» (not attested), or nothing. */
export function parsePeriodInput(text: string, scale: Scale): PeriodInput {
  const value = normal(text);
  if (!value) {
    return { kind: 'empty' };
  }
  if (EXEMPT_CODES.has(value)) {
    return { kind: 'special', special: 'EXEMPT' };
  }
  if (NOT_ATTESTED_CODES.has(value)) {
    return { kind: 'special', special: 'NOT_ATTESTED' };
  }
  const mark = markOnScale(value, scale);
  return mark === null ? { kind: 'invalid' } : { kind: 'value', value: mark };
}

/** Whether a period mark entered equals the one set (no write, no reason asked). */
export function samePeriodMark(
  input: PeriodInput,
  current: { value?: string | null; special?: string | null } | null | undefined,
): boolean {
  if (!current) {
    return false;
  }
  if (input.kind === 'value') {
    return !current.special && current.value === input.value;
  }
  if (input.kind === 'special') {
    return current.special === input.special;
  }
  return false;
}

/**
 * Where a navigation key leads from (r, c) in a grid of `rows` × `cols` cells (the lesson
 * columns, then the period-mark column): clamped to the edges; null for a key that does not move.
 * Home/End go to the row's first lesson and its period mark.
 */
export function navigate(
  key: string,
  at: { r: number; c: number },
  size: { rows: number; cols: number },
): { r: number; c: number } | null {
  const deltas: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const clamp = (r: number, c: number) => ({
    r: Math.max(0, Math.min(size.rows - 1, r)),
    c: Math.max(0, Math.min(size.cols - 1, c)),
  });
  const delta = deltas[key];
  if (delta) {
    return clamp(at.r + delta[0], at.c + delta[1]);
  }
  if (key === 'Home') {
    return clamp(at.r, 0);
  }
  if (key === 'End') {
    return clamp(at.r, size.cols - 1);
  }
  return null;
}

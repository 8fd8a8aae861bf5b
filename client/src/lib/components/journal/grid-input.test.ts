import { describe, expect, it } from 'vitest';
import {
  markOnScale,
  navigate,
  parseCellInput,
  parsePeriodInput,
  samePeriodMark,
} from './grid-input.ts';

describe('markOnScale', () => {
  it('accepts whole marks within the school scale and writes them as the API stores them', () => {
    expect(markOnScale('5', 'FIVE_POINT')).toBe('5');
    expect(markOnScale(' 1 ', 'FIVE_POINT')).toBe('1');
    expect(markOnScale('05', 'FIVE_POINT')).toBe('5');
    expect(markOnScale('10', 'TEN_POINT')).toBe('10');
    expect(markOnScale('0', 'PERCENT')).toBe('0');
    expect(markOnScale('100', 'PERCENT')).toBe('100');
  });

  it('refuses marks off the scale, fractions and words', () => {
    expect(markOnScale('7', 'FIVE_POINT')).toBeNull();
    expect(markOnScale('0', 'FIVE_POINT')).toBeNull();
    expect(markOnScale('11', 'TEN_POINT')).toBeNull();
    expect(markOnScale('101', 'PERCENT')).toBeNull();
    expect(markOnScale('4.5', 'FIVE_POINT')).toBeNull();
    expect(markOnScale('-1', 'PERCENT')).toBeNull();
    expect(markOnScale('5+', 'FIVE_POINT')).toBeNull();
    expect(markOnScale('', 'FIVE_POINT')).toBeNull();
  });
});

describe('parseCellInput', () => {
  it('reads a mark on the scale', () => {
    expect(parseCellInput('4', 'FIVE_POINT')).toEqual({ kind: 'mark', value: '4' });
    expect(parseCellInput('9', 'TEN_POINT')).toEqual({ kind: 'mark', value: '9' });
  });

  it('reads «н» as absent and «оп» as late, in either case and with the Latin layout', () => {
    for (const text of ['н', 'Н', ' н ', 'n']) {
      expect(parseCellInput(text, 'FIVE_POINT')).toEqual({ kind: 'absent' });
    }
    for (const text of ['оп', 'ОП', 'Оп', 'op']) {
      expect(parseCellInput(text, 'FIVE_POINT')).toEqual({ kind: 'late' });
    }
  });

  it('is empty for blank input and invalid for anything else', () => {
    expect(parseCellInput('', 'FIVE_POINT')).toEqual({ kind: 'empty' });
    expect(parseCellInput('   ', 'FIVE_POINT')).toEqual({ kind: 'empty' });
    expect(parseCellInput('7', 'FIVE_POINT')).toEqual({ kind: 'invalid' });
    expect(parseCellInput('осв', 'FIVE_POINT')).toEqual({ kind: 'invalid' });
    expect(parseCellInput('нн', 'FIVE_POINT')).toEqual({ kind: 'invalid' });
  });
});

describe('parsePeriodInput', () => {
  it('reads a period mark on the scale', () => {
    expect(parsePeriodInput('3', 'FIVE_POINT')).toEqual({ kind: 'value', value: '3' });
    expect(parsePeriodInput('85', 'PERCENT')).toEqual({ kind: 'value', value: '85' });
  });

  it('reads «осв» as exempt and «н/а» as not attested', () => {
    for (const text of ['осв', 'осв.', 'ОСВ', ' Осв ']) {
      expect(parsePeriodInput(text, 'FIVE_POINT')).toEqual({ kind: 'special', special: 'EXEMPT' });
    }
    for (const text of ['н/а', 'Н/А', 'на', 'н. а.']) {
      expect(parsePeriodInput(text, 'FIVE_POINT')).toEqual({
        kind: 'special',
        special: 'NOT_ATTESTED',
      });
    }
  });

  it('does not take lesson codes or marks off the scale', () => {
    expect(parsePeriodInput('', 'FIVE_POINT')).toEqual({ kind: 'empty' });
    expect(parsePeriodInput('н', 'FIVE_POINT')).toEqual({ kind: 'invalid' });
    expect(parsePeriodInput('оп', 'FIVE_POINT')).toEqual({ kind: 'invalid' });
    expect(parsePeriodInput('6', 'FIVE_POINT')).toEqual({ kind: 'invalid' });
  });
});

describe('samePeriodMark', () => {
  it('tells an unchanged value or special mark, so nothing is sent and no reason asked', () => {
    expect(samePeriodMark({ kind: 'value', value: '4' }, { value: '4', special: null })).toBe(true);
    expect(samePeriodMark({ kind: 'value', value: '5' }, { value: '4', special: null })).toBe(
      false,
    );
    expect(
      samePeriodMark({ kind: 'special', special: 'EXEMPT' }, { value: null, special: 'EXEMPT' }),
    ).toBe(true);
    expect(
      samePeriodMark(
        { kind: 'special', special: 'NOT_ATTESTED' },
        { value: null, special: 'EXEMPT' },
      ),
    ).toBe(false);
    expect(samePeriodMark({ kind: 'value', value: '4' }, null)).toBe(false);
    expect(samePeriodMark({ kind: 'invalid' }, { value: '4' })).toBe(false);
  });
});

describe('navigate', () => {
  const size = { rows: 3, cols: 5 }; // four lessons, then the period-mark column

  it('moves one cell with the arrow keys', () => {
    expect(navigate('ArrowRight', { r: 1, c: 1 }, size)).toEqual({ r: 1, c: 2 });
    expect(navigate('ArrowLeft', { r: 1, c: 1 }, size)).toEqual({ r: 1, c: 0 });
    expect(navigate('ArrowUp', { r: 1, c: 1 }, size)).toEqual({ r: 0, c: 1 });
    expect(navigate('ArrowDown', { r: 1, c: 1 }, size)).toEqual({ r: 2, c: 1 });
  });

  it('reaches the period-mark column after the last lesson and stops at the edges', () => {
    expect(navigate('ArrowRight', { r: 0, c: 3 }, size)).toEqual({ r: 0, c: 4 });
    expect(navigate('ArrowRight', { r: 0, c: 4 }, size)).toEqual({ r: 0, c: 4 });
    expect(navigate('ArrowLeft', { r: 0, c: 0 }, size)).toEqual({ r: 0, c: 0 });
    expect(navigate('ArrowUp', { r: 0, c: 2 }, size)).toEqual({ r: 0, c: 2 });
    expect(navigate('ArrowDown', { r: 2, c: 2 }, size)).toEqual({ r: 2, c: 2 });
  });

  it('goes to the row’s first lesson with Home and its period mark with End', () => {
    expect(navigate('Home', { r: 2, c: 3 }, size)).toEqual({ r: 2, c: 0 });
    expect(navigate('End', { r: 2, c: 1 }, size)).toEqual({ r: 2, c: 4 });
  });

  it('does not move for other keys', () => {
    expect(navigate('Enter', { r: 1, c: 1 }, size)).toBeNull();
    expect(navigate('5', { r: 1, c: 1 }, size)).toBeNull();
  });
});

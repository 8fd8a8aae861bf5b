import { describe, expect, it } from 'vitest';
import { GradingScale } from '../school/school.entity.js';
import { averages, parseMark } from './grading.js';

describe('grading', () => {
  it('R-JRN-3: accepts only marks on the school scale', () => {
    expect(parseMark(GradingScale.FIVE_POINT, '5')).toBe(5);
    expect(parseMark(GradingScale.FIVE_POINT, ' 2 ')).toBe(2);
    expect(parseMark(GradingScale.FIVE_POINT, '6')).toBeNull();
    expect(parseMark(GradingScale.FIVE_POINT, '0')).toBeNull();
    expect(parseMark(GradingScale.TEN_POINT, '10')).toBe(10);
    expect(parseMark(GradingScale.TEN_POINT, '11')).toBeNull();
    expect(parseMark(GradingScale.PERCENT, '0')).toBe(0);
    expect(parseMark(GradingScale.PERCENT, '100')).toBe(100);
    expect(parseMark(GradingScale.PERCENT, '101')).toBeNull();
    for (const junk of ['', '4.5', '-1', 'five', '5+', '1e1']) {
      expect(parseMark(GradingScale.FIVE_POINT, junk)).toBeNull();
    }
  });

  it('R-JRN-5: weighs written work by its work type', () => {
    expect(averages([])).toEqual({ plain: null, weighted: null });
    expect(
      averages([
        { value: 5, weight: 1 },
        { value: 3, weight: 2 },
        { value: 4, weight: 1 },
      ]),
    ).toEqual({ plain: 4, weighted: 3.75 });
    expect(
      averages([
        { value: 5, weight: 1 },
        { value: 4, weight: 1 },
        { value: 4, weight: 1 },
      ]),
    ).toEqual({ plain: 4.33, weighted: 4.33 });
  });
});

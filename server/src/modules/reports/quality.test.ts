import { describe, expect, it } from 'vitest';
import { PeriodMarkSpecial } from '../journal/period-mark.entity.js';
import { GradingScale } from '../school/school.entity.js';
import { MarkBand, markBand, percent, standing } from './quality.js';
import { proposedPeriodMark } from './rounding.js';

const FIVE = GradingScale.FIVE_POINT;
const n = (...values: number[]) => values.map((v) => ({ numericValue: v, special: null }));
const EXEMPT = { numericValue: null, special: PeriodMarkSpecial.EXEMPT };
const NA = { numericValue: null, special: PeriodMarkSpecial.NOT_ATTESTED };

describe('R-RPT-2: bands of a period mark per scale', () => {
  it('five-point: 5 excellent, 4 good, 3 satisfactory, 2 and 1 failing', () => {
    expect([5, 4, 3, 2, 1].map((v) => markBand(FIVE, v))).toEqual([
      MarkBand.EXCELLENT,
      MarkBand.GOOD,
      MarkBand.SATISFACTORY,
      MarkBand.FAILING,
      MarkBand.FAILING,
    ]);
  });

  it('ten-point: 9–10 excellent, 7–8 good, 5–6 satisfactory, 1–4 failing', () => {
    const bands = [10, 9, 8, 7, 6, 5, 4, 1].map((v) => markBand(GradingScale.TEN_POINT, v));
    expect(bands).toEqual([
      MarkBand.EXCELLENT,
      MarkBand.EXCELLENT,
      MarkBand.GOOD,
      MarkBand.GOOD,
      MarkBand.SATISFACTORY,
      MarkBand.SATISFACTORY,
      MarkBand.FAILING,
      MarkBand.FAILING,
    ]);
  });

  it('percent: 85–100 excellent, 65–84 good, 40–64 satisfactory, 0–39 failing', () => {
    const bands = [100, 85, 84, 65, 64, 40, 39, 0].map((v) => markBand(GradingScale.PERCENT, v));
    expect(bands).toEqual([
      MarkBand.EXCELLENT,
      MarkBand.EXCELLENT,
      MarkBand.GOOD,
      MarkBand.GOOD,
      MarkBand.SATISFACTORY,
      MarkBand.SATISFACTORY,
      MarkBand.FAILING,
      MarkBand.FAILING,
    ]);
  });
});

describe('R-RPT-2: a student’s standing over their period marks', () => {
  it('all fives: excellent, quality, success', () => {
    expect(standing(FIVE, n(5, 5, 5))).toEqual({
      attested: true,
      succeeds: true,
      quality: true,
      excellent: true,
      singleGood: false,
      singleSatisfactory: false,
      failing: false,
    });
  });

  it('a single 4 among fives; two fours are neither single-4 nor excellent but still quality', () => {
    expect(standing(FIVE, n(5, 4, 5))).toMatchObject({
      quality: true,
      excellent: false,
      singleGood: true,
    });
    expect(standing(FIVE, n(4, 4, 5))).toMatchObject({
      quality: true,
      excellent: false,
      singleGood: false,
      singleSatisfactory: false,
    });
  });

  it('a single 3 among fours and fives: success without quality', () => {
    expect(standing(FIVE, n(3, 4, 5))).toMatchObject({
      succeeds: true,
      quality: false,
      singleSatisfactory: true,
      singleGood: false,
      failing: false,
    });
    expect(standing(FIVE, n(3, 3, 5))).toMatchObject({ succeeds: true, singleSatisfactory: false });
  });

  it('a 2 or «н/а» fails; failing students are never single-3', () => {
    expect(standing(FIVE, n(2, 5, 5))).toMatchObject({
      succeeds: false,
      failing: true,
      singleSatisfactory: false,
      singleGood: false,
      excellent: false,
    });
    expect(standing(FIVE, [...n(5, 5), NA])).toMatchObject({ succeeds: false, failing: true });
    expect(standing(FIVE, [NA])).toMatchObject({ attested: true, failing: true });
  });

  it('«осв» is left out: exempt from one subject changes nothing, from all leaves the student out', () => {
    expect(standing(FIVE, [...n(5, 5), EXEMPT])).toMatchObject({ excellent: true });
    expect(standing(FIVE, [EXEMPT, EXEMPT])).toEqual({
      attested: false,
      succeeds: false,
      quality: false,
      excellent: false,
      singleGood: false,
      singleSatisfactory: false,
      failing: false,
    });
    expect(standing(FIVE, [])).toMatchObject({ attested: false });
  });

  it('percentages with one decimal, null over nobody', () => {
    expect(percent(3, 5)).toBe(60);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 4)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('R-JRN-5: the period mark proposed from the weighted average (x.5 rounds up)', () => {
  it('rounds half up on the average as shown', () => {
    expect(proposedPeriodMark(FIVE, 3.5)).toBe('4');
    expect(proposedPeriodMark(FIVE, 3.49)).toBe('3');
    expect(proposedPeriodMark(FIVE, 4.5)).toBe('5');
    expect(proposedPeriodMark(FIVE, 4.67)).toBe('5');
    expect(proposedPeriodMark(FIVE, 2.5)).toBe('3');
    expect(proposedPeriodMark(FIVE, 2)).toBe('2');
  });

  it('keeps within the scale and proposes nothing without marks', () => {
    expect(proposedPeriodMark(GradingScale.TEN_POINT, 9.5)).toBe('10');
    expect(proposedPeriodMark(GradingScale.PERCENT, 84.5)).toBe('85');
    expect(proposedPeriodMark(GradingScale.PERCENT, 0.2)).toBe('0');
    expect(proposedPeriodMark(FIVE, null)).toBeNull();
  });
});

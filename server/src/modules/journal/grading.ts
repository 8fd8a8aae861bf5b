import { assertUnreachable } from '../../core/errors.js';
import { GradingScale } from '../school/school.entity.js';

/** The marks a scale allows, lowest first (R-JRN-3: a mark on the school's scale). */
export function scaleRange(scale: GradingScale): { min: number; max: number } {
  switch (scale) {
    case GradingScale.FIVE_POINT:
      return { min: 1, max: 5 };
    case GradingScale.TEN_POINT:
      return { min: 1, max: 10 };
    case GradingScale.PERCENT:
      return { min: 0, max: 100 };
    default:
      return assertUnreachable(scale);
  }
}

/** A mark as a teacher writes it → its numeric value, or null when the scale has no such mark. */
export function parseMark(scale: GradingScale, written: string): number | null {
  const text = written.trim();
  if (!/^\d{1,3}$/.test(text)) {
    return null;
  }
  const value = Number(text);
  const { min, max } = scaleRange(scale);
  return value >= min && value <= max ? value : null;
}

export interface WeightedValue {
  value: number;
  weight: number;
}

/** Plain and weighted (by work type) means, two decimals; null without marks (R-JRN-5). */
export function averages(marks: readonly WeightedValue[]): {
  plain: number | null;
  weighted: number | null;
} {
  if (marks.length === 0) {
    return { plain: null, weighted: null };
  }
  const sum = marks.reduce((s, m) => s + m.value, 0);
  const weights = marks.reduce((s, m) => s + m.weight, 0);
  const weightedSum = marks.reduce((s, m) => s + m.value * m.weight, 0);
  return { plain: round2(sum / marks.length), weighted: round2(weightedSum / weights) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

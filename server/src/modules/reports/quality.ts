import { assertUnreachable } from '../../core/errors.js';
import { GradingScale } from '../school/school.entity.js';
import { PeriodMarkSpecial } from '../journal/period-mark.entity.js';

/**
 * Where a period mark stands for the performance and quality report (R-RPT-2), on any scale: the
 * four grades of the five-point tradition the report's figures are defined by.
 */
export enum MarkBand {
  /** «5». */
  EXCELLENT = 'EXCELLENT',
  /** «4»: the top marks but one. */
  GOOD = 'GOOD',
  /** «3». */
  SATISFACTORY = 'SATISFACTORY',
  /** «2» and below: failing. */
  FAILING = 'FAILING',
}

/**
 * The lowest mark of each band, per scale. "Top marks" (quality) are EXCELLENT and GOOD.
 * - Five-point: 5 / 4 / 3; 2 and 1 fail — the regulations' own definition (4 and 5 are quality).
 * - Ten-point: 9–10 / 7–8 / 5–6; 1–4 fail. Our choice: the usual conversion of the Kazakh
 *   ten-point scale to five points (9–10 → «5», 7–8 → «4», 5–6 → «3»).
 * - Percent: 85–100 / 65–84 / 40–64; 0–39 fail. Our choice: the usual conversion of percentages
 *   of criteria-based assessment to five points (85 % → «5», 65 % → «4», 40 % → «3»).
 */
export function bandFloors(scale: GradingScale): { excellent: number; good: number; pass: number } {
  switch (scale) {
    case GradingScale.FIVE_POINT:
      return { excellent: 5, good: 4, pass: 3 };
    case GradingScale.TEN_POINT:
      return { excellent: 9, good: 7, pass: 5 };
    case GradingScale.PERCENT:
      return { excellent: 85, good: 65, pass: 40 };
    default:
      return assertUnreachable(scale);
  }
}

/** The band of a numeric period mark on the school's scale. */
export function markBand(scale: GradingScale, value: number): MarkBand {
  const floors = bandFloors(scale);
  if (value >= floors.excellent) {
    return MarkBand.EXCELLENT;
  }
  if (value >= floors.good) {
    return MarkBand.GOOD;
  }
  return value >= floors.pass ? MarkBand.SATISFACTORY : MarkBand.FAILING;
}

/** One period mark as the report reads it: a number, or a special value. */
export interface ReportMark {
  numericValue: number | null;
  special: PeriodMarkSpecial | null;
}

/** What one student's marks (in the group being reported) say about them. */
export interface StudentStanding {
  /** False when every mark is «осв» (exempt) or there is none: left out of every figure. */
  attested: boolean;
  /** No failing mark and no «н/а». */
  succeeds: boolean;
  /** Only top marks (EXCELLENT or GOOD) — the quality rate. */
  quality: boolean;
  excellent: boolean;
  /** Exactly one GOOD, every other mark EXCELLENT. */
  singleGood: boolean;
  /** Exactly one SATISFACTORY, every other mark GOOD or EXCELLENT. */
  singleSatisfactory: boolean;
  /** A failing mark or «н/а» (the complement of `succeeds` among the attested). */
  failing: boolean;
}

/**
 * R-RPT-2 for one student over a set of period marks (all their subjects for a class or the
 * school; one subject for a subject's row; the teacher's subjects for a teacher's row).
 * «осв» (exempt) marks are dropped: an exempt subject neither helps nor harms, and a student
 * exempt from everything is not attested at all. «н/а» (not attested) counts as failing.
 */
export function standing(scale: GradingScale, marks: readonly ReportMark[]): StudentStanding {
  const counted = marks.filter((m) => m.special !== PeriodMarkSpecial.EXEMPT);
  const bands = counted.map((m) =>
    m.special === PeriodMarkSpecial.NOT_ATTESTED || m.numericValue === null
      ? MarkBand.FAILING
      : markBand(scale, m.numericValue),
  );
  const count = (band: MarkBand) => bands.filter((b) => b === band).length;
  const attested = bands.length > 0;
  const failing = attested && count(MarkBand.FAILING) > 0;
  const satisfactory = count(MarkBand.SATISFACTORY);
  const good = count(MarkBand.GOOD);
  return {
    attested,
    succeeds: attested && !failing,
    quality: attested && !failing && satisfactory === 0,
    excellent: attested && count(MarkBand.EXCELLENT) === bands.length,
    singleGood: !failing && satisfactory === 0 && good === 1,
    singleSatisfactory: !failing && satisfactory === 1,
    failing,
  };
}

/** A share as a percentage with one decimal; null when nobody is counted. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

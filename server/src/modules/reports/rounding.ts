import { scaleRange } from '../journal/grading.js';
import type { GradingScale } from '../school/school.entity.js';

/**
 * The period mark a rule proposes from the weighted average ("explain this average", R-JRN-5):
 * the weighted average as the journal shows it (two decimals) rounded half up to a whole mark —
 * 3.50 → 4, 3.49 → 3, 4.5 → 5 — and kept within the scale. Rounding what is shown means the
 * teacher can check the proposal by eye. Null without marks. The teacher's mark is final; this is
 * only a comparison.
 */
export function proposedPeriodMark(
  scale: GradingScale,
  weightedAverage: number | null,
): string | null {
  if (weightedAverage === null) {
    return null;
  }
  const { min, max } = scaleRange(scale);
  // + 1e-9: 2.675 and friends are stored a hair below the half in binary floating point.
  const rounded = Math.floor(weightedAverage + 0.5 + 1e-9);
  return String(Math.min(max, Math.max(min, rounded)));
}

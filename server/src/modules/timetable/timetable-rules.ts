import { badInput } from '../../core/errors.js';

/**
 * Pure rules of the timetable (R-YEAR-4), free of the database: lesson numbers, weekdays and the
 * bell schedule. Times are `HH:MM` in the school's time zone, so they compare as strings.
 */

export const MAX_LESSON_NUMBER = 12;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Lesson 0 is the "zero lesson" some schools hold before the first. */
export function lessonNumberInput(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_LESSON_NUMBER) {
    throw badInput(field, 'lesson.numberRange');
  }
  return value;
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayInput(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 7) {
    throw badInput(field, 'timetable.weekday');
  }
  return value;
}

export interface BellTimeRow {
  lessonNumber: number;
  startsAt: string;
  endsAt: string;
}

/**
 * A whole bell schedule, checked: `HH:MM` times, each lesson number once, every lesson ending
 * after it starts and starting no earlier than the one before ends. Returned by lesson number;
 * the field at fault is named by the position in the list as given (`times.2.startsAt`).
 */
export function checkBellTimes(times: readonly BellTimeRow[]): BellTimeRow[] {
  const rows = times.map((t, i) => {
    const lessonNumber = lessonNumberInput(t.lessonNumber, `times.${i}.lessonNumber`);
    for (const key of ['startsAt', 'endsAt'] as const) {
      if (!TIME.test(t[key])) {
        throw badInput(`times.${i}.${key}`, 'bell.time');
      }
    }
    return { index: i, lessonNumber, startsAt: t.startsAt, endsAt: t.endsAt };
  });
  const sorted = rows.sort((a, b) => a.lessonNumber - b.lessonNumber);
  sorted.forEach((t, k) => {
    const previous = sorted[k - 1];
    const number = t.lessonNumber;
    if (previous?.lessonNumber === number) {
      throw badInput(`times.${t.index}.lessonNumber`, 'bell.duplicate', { number });
    }
    if (t.endsAt <= t.startsAt || (previous && t.startsAt < previous.endsAt)) {
      throw badInput(`times.${t.index}.startsAt`, 'bell.order', { number });
    }
  });
  return sorted.map(({ lessonNumber, startsAt, endsAt }) => ({ lessonNumber, startsAt, endsAt }));
}

import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.js';
import { checkBellTimes, lessonNumberInput, weekdayInput } from './timetable-rules.js';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return [(err as DomainError).code, (err as DomainError).options.field];
  }
  throw new Error('expected a refusal');
};

describe('timetable rules (R-YEAR-4)', () => {
  it('R-YEAR-4: a bell schedule comes back by lesson number', () => {
    expect(
      checkBellTimes([
        { lessonNumber: 2, startsAt: '09:25', endsAt: '10:10' },
        { lessonNumber: 0, startsAt: '07:45', endsAt: '08:25' },
        { lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' },
      ]).map((t) => t.lessonNumber),
    ).toEqual([0, 1, 2]);
    expect(checkBellTimes([])).toEqual([]);
  });

  it('R-YEAR-4: lessons touching end to start are allowed; overlapping ones are not', () => {
    const first = { lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' };
    expect(
      checkBellTimes([first, { lessonNumber: 2, startsAt: '09:15', endsAt: '10:00' }]),
    ).toHaveLength(2);
    expect(
      fieldOf(() =>
        checkBellTimes([{ lessonNumber: 2, startsAt: '09:14', endsAt: '10:00' }, first]),
      ),
    ).toEqual(['BAD_USER_INPUT', 'times.0.startsAt']);
  });

  it.each([
    [[{ lessonNumber: 1, startsAt: '9:00', endsAt: '09:45' }], 'times.0.startsAt'],
    [[{ lessonNumber: 1, startsAt: '09:00', endsAt: '24:00' }], 'times.0.endsAt'],
    [[{ lessonNumber: 1, startsAt: '09:45', endsAt: '09:45' }], 'times.0.startsAt'],
    [[{ lessonNumber: -1, startsAt: '09:00', endsAt: '09:45' }], 'times.0.lessonNumber'],
    [[{ lessonNumber: 1.5, startsAt: '09:00', endsAt: '09:45' }], 'times.0.lessonNumber'],
    [
      [
        { lessonNumber: 3, startsAt: '09:00', endsAt: '09:45' },
        { lessonNumber: 3, startsAt: '10:00', endsAt: '10:45' },
      ],
      'times.1.lessonNumber',
    ],
  ])('R-YEAR-4: refuses %j at %s', (times, field) => {
    expect(fieldOf(() => checkBellTimes(times))).toEqual(['BAD_USER_INPUT', field]);
  });

  it('R-YEAR-4: weekdays are ISO (1..7) and lesson numbers 0..12', () => {
    expect(weekdayInput(7, 'weekday')).toBe(7);
    expect(fieldOf(() => weekdayInput(0, 'weekday'))).toEqual(['BAD_USER_INPUT', 'weekday']);
    expect(lessonNumberInput(0, 'n')).toBe(0);
    expect(fieldOf(() => lessonNumberInput(13, 'n'))).toEqual(['BAD_USER_INPUT', 'n']);
  });
});

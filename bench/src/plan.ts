// The shape of the benchmark school: a Russian 11-grade school's subjects and weekly hours, its
// year 2025/2026 (a closed, fully kept year), quarters, holidays and bells.

export interface SubjectPlan {
  name: string;
  short: string;
  /** Teachers' specialism: a class's subjects of one specialism go to one teacher. */
  specialism: string;
  /** Lessons a week by grade (1–11). */
  hours: Partial<Record<number, number>>;
  /** Two subgroups taught at the same time by two teachers (foreign languages). */
  split?: boolean;
  noHomework?: boolean;
}

const range = (from: number, to: number, h: number) =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [from + i, h]));

/** 15 subjects. Grades 1–4 have a class teacher for Russian, reading, maths and the world around. */
export const SUBJECTS: readonly SubjectPlan[] = [
  {
    name: 'Русский язык',
    short: 'Рус',
    specialism: 'rus',
    hours: { ...range(1, 4, 5), 5: 5, 6: 6, 7: 4, 8: 3, 9: 3, 10: 3, 11: 3 },
  },
  {
    name: 'Литература',
    short: 'Лит',
    specialism: 'rus',
    hours: { ...range(1, 4, 4), 5: 3, 6: 3, 7: 3, 8: 3, 9: 3, 10: 3, 11: 3 },
  },
  {
    name: 'Математика',
    short: 'Мат',
    specialism: 'math',
    hours: { ...range(1, 4, 5), 5: 5, 6: 5 },
  },
  { name: 'Алгебра', short: 'Алг', specialism: 'math', hours: { ...range(7, 9, 3), 10: 4, 11: 4 } },
  { name: 'Геометрия', short: 'Гео', specialism: 'math', hours: range(7, 11, 2) },
  {
    name: 'Информатика',
    short: 'Инф',
    specialism: 'cs',
    hours: { 5: 1, 6: 1, ...range(7, 11, 2) },
  },
  {
    name: 'Английский язык',
    short: 'Англ',
    specialism: 'eng',
    hours: range(2, 11, 3),
    split: true,
  },
  { name: 'Окружающий мир', short: 'Окр', specialism: 'primary', hours: range(1, 4, 2) },
  { name: 'История', short: 'Ист', specialism: 'history', hours: range(5, 11, 2) },
  {
    name: 'Обществознание',
    short: 'Общ',
    specialism: 'history',
    hours: range(6, 11, 2),
  },
  {
    name: 'География',
    short: 'Геогр',
    specialism: 'geo',
    hours: { 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 2, 11: 2 },
  },
  {
    name: 'Биология',
    short: 'Био',
    specialism: 'bio',
    hours: { 5: 2, 6: 2, 7: 2, 8: 2, 9: 2, 10: 2, 11: 2 },
  },
  {
    name: 'Физика',
    short: 'Физ',
    specialism: 'phys',
    hours: { 7: 2, 8: 2, 9: 3, 10: 2, 11: 2 },
  },
  { name: 'Химия', short: 'Хим', specialism: 'chem', hours: { 8: 2, 9: 2, 10: 2, 11: 2 } },
  {
    name: 'Физическая культура',
    short: 'Физ-ра',
    specialism: 'pe',
    hours: range(1, 11, 3),
    noHomework: true,
  },
];

/** In grades 1–4 these go to the class's own primary teacher. */
export const PRIMARY_SUBJECTS = new Set([
  'Русский язык',
  'Литература',
  'Математика',
  'Окружающий мир',
]);

export const YEAR = { name: '2025/2026', startsOn: '2025-09-01', endsOn: '2026-05-31' } as const;
export const QUARTERS = [
  ['2025-09-01', '2025-10-26'],
  ['2025-11-05', '2025-12-28'],
  ['2026-01-12', '2026-03-22'],
  ['2026-03-30', '2026-05-31'],
] as const;
/** Public holidays on weekdays inside the quarters. */
export const HOLIDAYS = new Set(['2026-02-23', '2026-03-09', '2026-05-01', '2026-05-11']);

export const BELLS = ['08:30', '09:25', '10:20', '11:25', '12:30', '13:25', '14:20', '15:15'];
export const LESSON_MINUTES = 45;
export const TIME_ZONE = 'Europe/Moscow';
/** Moscow has had no daylight saving time since 2014: UTC+3 all year. */
export const UTC_OFFSET_HOURS = 3;

export const WORK_TYPES = [
  { code: 'oral', name: 'Ответ на уроке', weight: 1, isWritten: false },
  { code: 'homework', name: 'Домашняя работа', weight: 1, isWritten: false },
  { code: 'independent', name: 'Самостоятельная работа', weight: 1.5, isWritten: true },
  { code: 'test', name: 'Контрольная работа', weight: 2, isWritten: true },
  { code: 'dictation', name: 'Диктант', weight: 2, isWritten: true },
  { code: 'lab', name: 'Лабораторная работа', weight: 1.5, isWritten: true },
] as const;

/** Class letters in the order classes are opened: 40 classes = А–В in every grade, Г in 5–11. */
export function classList(count: number): { grade: number; letter: string }[] {
  const gradeOrder = [5, 6, 7, 8, 9, 10, 11, 1, 2, 3, 4];
  const out: { grade: number; letter: string }[] = [];
  for (const letter of ['А', 'Б', 'В', 'Г', 'Д', 'Е', 'Ж']) {
    for (const grade of gradeOrder) {
      if (out.length < count) {
        out.push({ grade, letter });
      }
    }
  }
  if (out.length < count) {
    throw new Error(`at most ${out.length} classes`);
  }
  return out.sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru'));
}

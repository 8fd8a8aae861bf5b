// Words printed on documents, in every interface language (the error messages live in
// core/messages.ts; these never travel as errors).
import type { Locale } from '../../core/messages.js';

const ru = {
  printedAt: 'Напечатано {at}',
  printedAtBy: 'Напечатано {at}, {by}',
  pageOf: 'стр. {page} из {pages}',
  journalPage: 'Классный журнал',
  school: 'Школа',
  schoolClass: 'Класс',
  subgroup: 'Группа',
  individual: 'Индивидуально',
  subject: 'Предмет',
  teacher: 'Учитель',
  period: 'Период',
  number: '№',
  student: 'Ученик',
  periodMark: 'Итог',
  average: 'Ср.',
  absent: 'н',
  late: 'оп',
  exempt: 'осв.',
  notAttested: 'н/а',
  marksAndAttendance: 'Оценки и посещаемость',
  lessonList: 'Что пройдено на уроке',
  date: 'Дата',
  lessonNumber: 'Урок',
  topic: 'Тема урока',
  homework: 'Домашнее задание',
  workType: 'Вид работы',
  diaryWeek: 'Дневник за неделю',
  week: 'Неделя',
  time: 'Время',
  marks: 'Оценки',
  attendance: 'Посещение',
  cancelled: 'отменён',
  noLessons: 'Уроков нет',
  changed: 'изменение',
  weekdays: 'Пн,Вт,Ср,Чт,Пт,Сб,Вс',
  left: 'выбыл(а) {date}',
  arrived: 'с {date}',
};

type LabelKey = keyof typeof ru;

const en: Record<LabelKey, string> = {
  printedAt: 'Printed {at}',
  printedAtBy: 'Printed {at} by {by}',
  pageOf: 'page {page} of {pages}',
  journalPage: 'Class journal',
  school: 'School',
  schoolClass: 'Class',
  subgroup: 'Group',
  individual: 'Individual',
  subject: 'Subject',
  teacher: 'Teacher',
  period: 'Period',
  number: 'No.',
  student: 'Student',
  periodMark: 'Final',
  average: 'Avg',
  absent: 'abs',
  late: 'late',
  exempt: 'exempt',
  notAttested: 'n/a',
  marksAndAttendance: 'Marks and attendance',
  lessonList: 'Lessons taught',
  date: 'Date',
  lessonNumber: 'Lesson',
  topic: 'Topic',
  homework: 'Homework',
  workType: 'Work type',
  diaryWeek: 'Diary for the week',
  week: 'Week',
  time: 'Time',
  marks: 'Marks',
  attendance: 'Attendance',
  cancelled: 'cancelled',
  noLessons: 'No lessons',
  changed: 'changed',
  weekdays: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
  left: 'left {date}',
  arrived: 'from {date}',
};

const kk: Record<LabelKey, string> = {
  printedAt: 'Басып шығарылды {at}',
  printedAtBy: 'Басып шығарылды {at}, {by}',
  pageOf: '{page}-бет, барлығы {pages}',
  journalPage: 'Сынып журналы',
  school: 'Мектеп',
  schoolClass: 'Сынып',
  subgroup: 'Топ',
  individual: 'Жеке',
  subject: 'Пән',
  teacher: 'Мұғалім',
  period: 'Кезең',
  number: '№',
  student: 'Оқушы',
  periodMark: 'Қорытынды',
  average: 'Орт.',
  absent: 'ж',
  late: 'кеш',
  exempt: 'босат.',
  notAttested: 'аттест. емес',
  marksAndAttendance: 'Бағалар және сабаққа қатысу',
  lessonList: 'Сабақта өтілгені',
  date: 'Күні',
  lessonNumber: 'Сабақ',
  topic: 'Сабақтың тақырыбы',
  homework: 'Үй тапсырмасы',
  workType: 'Жұмыс түрі',
  diaryWeek: 'Апталық күнделік',
  week: 'Апта',
  time: 'Уақыты',
  marks: 'Бағалар',
  attendance: 'Қатысу',
  cancelled: 'болмады',
  noLessons: 'Сабақ жоқ',
  changed: 'өзгеріс',
  weekdays: 'Дс,Сс,Ср,Бс,Жм,Сб,Жс',
  left: 'шықты {date}',
  arrived: '{date} бастап',
};

const catalogues: Record<Locale, Record<LabelKey, string>> = { ru, en, kk };

export function label(
  locale: Locale,
  key: LabelKey,
  params: Record<string, string | number> = {},
): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}

/** 2026-09-14 → 14.09 (the paper journal's column head). */
export function dayMonth(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}`;
}

/** 2026-09-14 → 14.09.2026 */
export function fullDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

export function personName(p: {
  lastName: string;
  firstName: string;
  middleName?: string | null;
}): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

// Messages of the classroom pages (issue 6). Russian is the source of truth; English must match it.

/** Russian plural: 1 оценка, 2 оценки, 5 оценок. */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) {
    return many;
  }
  if (units === 1) {
    return one;
  }
  return units >= 2 && units <= 4 ? few : many;
}

export const ru = {
  myClasses: 'Мой класс',
  noClasses: 'Вы не классный руководитель ни одного класса в этом учебном году.',
  noClassesHint:
    'Классного руководителя назначает администрация школы при настройке классов. Если класс уже ваш, попросите администратора отметить вас в карточке класса.',
  notYourClass: 'Этот класс не найден среди классов, которыми вы руководите в этом году.',
  classTeacherOf: 'Классное руководство',
  saving: 'Сохраняем…',
  tabs: {
    label: 'Разделы класса',
    dashboard: 'Сегодня',
    journal: 'Журнал класса',
    attendance: 'Пропуски недели',
    families: 'Семьи',
  },
  lessonNumber: (n: number) => `${n}-й урок`,
  lateFor: (minutes: number | null) =>
    minutes === null ? 'Опоздание' : `Опоздание на ${minutes} мин`,
  status: {
    ABSENT: 'Отсутствие',
    LATE: 'Опоздание',
    PRESENT: 'Был(а) на уроке — снять отметку',
  },
  reasons: {
    ILLNESS: 'болезнь',
    EXCUSED: 'уважительная',
    UNEXCUSED: 'неуважительная',
    OTHER: 'другая',
  },
  dashboard: {
    title: 'Сегодня',
    live: 'Обновляется сам, без перезагрузки',
    updatedAt: (time: string) => `последнее изменение в ${time}`,
    summary: 'Коротко о дне',
    absentCount: (n: number) => ruPlural(n, 'отсутствие', 'отсутствия', 'отсутствий'),
    lateCount: (n: number) => ruPlural(n, 'опоздание', 'опоздания', 'опозданий'),
    marksCount: (n: number) => ruPlural(n, 'оценка', 'оценки', 'оценок'),
    lowCount: (n: number) => ruPlural(n, 'низкая оценка', 'низкие оценки', 'низких оценок'),
    missingCount: (n: number) => `${ruPlural(n, 'урок', 'урока', 'уроков')} без темы или задания`,
    unreadCount: (n: number) =>
      `${ruPlural(n, 'непрочитанное', 'непрочитанных', 'непрочитанных')} от родителей`,
    absences: 'Отсутствия и опоздания',
    noAbsences: 'Сегодня все на месте.',
    lowMarks: 'Низкие оценки',
    noLowMarks: 'Низких оценок сегодня нет.',
    marks: 'Оценки за день',
    noMarks: 'Сегодня оценок пока нет.',
    missing: 'Уроки без темы или домашнего задания',
    noMissing: 'Все сегодняшние уроки заполнены.',
    noTopic: 'нет темы',
    noHomework: 'нет домашнего задания',
    unknownSubject: 'Урок',
  },
  journal: {
    title: 'Журнал класса',
    readOnly:
      'Только просмотр: оценки ставит учитель предмета. Откройте страницу предмета, чтобы увидеть уроки и оценки.',
    noPeriods: 'Учебные периоды этого года ещё не заданы.',
    period: 'Учебный период',
    show: 'Показать',
    noPages: 'У класса пока нет страниц журнала: администрация ещё не распределила нагрузку.',
    pages: 'Страницы предметов',
    lessonsHeld: (n: number) =>
      `${n} ${ruPlural(n, 'урок проведён', 'урока проведено', 'уроков проведено')}`,
    summary: 'Средние баллы по предметам',
    summaryHint: 'В каждой клетке — средний балл ученика за период и число его оценок.',
    noStudents: 'В журналах этого периода нет учеников.',
    student: 'Ученик',
    markCount: 'Число оценок за период',
    marks: (n: number) => `${n} ${ruPlural(n, 'оценка', 'оценки', 'оценок')}`,
  },
  attendance: {
    title: (monday: string) => `Пропуски недели с ${monday}`,
    hint: 'Исправьте отметку, если ученик принёс справку или опоздание было по уважительной причине. Причина исправления сохраняется в истории.',
    weeks: 'Недели',
    previous: 'Прошлая неделя',
    next: 'Следующая неделя',
    none: 'На этой неделе пропусков и опозданий нет.',
    corrected: 'исправлено',
    status: 'Отметка',
    reason: 'Причина пропуска',
    noReason: 'не указана',
    note: 'Основание исправления',
    notePlaceholder: 'Например: справка от врача',
    save: 'Исправить',
    saved: 'Исправление сохранено.',
    savedRemoved: 'Отметка снята: ученик был на уроке.',
    noteRequired: 'Укажите основание исправления: оно сохраняется в истории.',
  },
  families: {
    title: 'Ученики и родители',
    hint: 'Код приглашения нужен, чтобы ученик или родитель сам создал логин и пароль. Код одноразовый; новый код отменяет прежний.',
    noStudents: 'В классе сегодня нет учеников.',
    student: 'Ученик',
    guardians: 'Родители и опекуны',
    noAccess: 'Личные данные ученика вам недоступны.',
    noGuardians:
      'Родители не указаны. Их связывает с учеником администрация или делопроизводитель.',
    kinds: { MOTHER: 'мама', FATHER: 'папа', GUARDIAN: 'опекун', OTHER: 'представитель' },
    issue: 'Выдать код приглашения',
    issueFor: (name: string) => `Выдать код приглашения: ${name}`,
    codeFor: (name: string) => `Код приглашения для: ${name}`,
    expires: (when: string) => `Действует до ${when}`,
    howToUse:
      'На странице входа выберите «Создать вход по приглашению», введите код и придумайте логин и пароль.',
    copy: 'Скопировать код',
    copied: 'Скопировано',
    print: 'Распечатать',
  },
};

/** English plural: 1 mark, 2 marks. */
const enPlural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const en: typeof ru = {
  myClasses: 'My class',
  noClasses: 'You are not the class teacher of any class this school year.',
  noClassesHint:
    'The school administration names class teachers when it sets up classes. If a class is yours, ask an administrator to mark you on the class.',
  notYourClass: 'This class is not among the classes you lead this year.',
  classTeacherOf: 'Class teacher',
  saving: 'Saving…',
  tabs: {
    label: 'Class sections',
    dashboard: 'Today',
    journal: 'Class journal',
    attendance: 'Week absences',
    families: 'Families',
  },
  lessonNumber: (n: number) => `lesson ${n}`,
  lateFor: (minutes: number | null) => (minutes === null ? 'Late' : `Late by ${minutes} min`),
  status: {
    ABSENT: 'Absent',
    LATE: 'Late',
    PRESENT: 'Was at the lesson — remove the record',
  },
  reasons: {
    ILLNESS: 'illness',
    EXCUSED: 'excused',
    UNEXCUSED: 'unexcused',
    OTHER: 'other',
  },
  dashboard: {
    title: 'Today',
    live: 'Updates by itself, no reload needed',
    updatedAt: (time: string) => `last change at ${time}`,
    summary: 'The day in short',
    absentCount: (n: number) => enPlural(n, 'absence', 'absences'),
    lateCount: (n: number) => enPlural(n, 'late', 'lates'),
    marksCount: (n: number) => enPlural(n, 'mark', 'marks'),
    lowCount: (n: number) => enPlural(n, 'low mark', 'low marks'),
    missingCount: (n: number) => `${enPlural(n, 'lesson', 'lessons')} without topic or homework`,
    unreadCount: () => 'unread from parents',
    absences: 'Absences and lates',
    noAbsences: 'Everyone is here today.',
    lowMarks: 'Low marks',
    noLowMarks: 'No low marks today.',
    marks: 'Marks of the day',
    noMarks: 'No marks yet today.',
    missing: 'Lessons without a topic or homework',
    noMissing: 'All of today’s lessons are filled in.',
    noTopic: 'no topic',
    noHomework: 'no homework',
    unknownSubject: 'Lesson',
  },
  journal: {
    title: 'Class journal',
    readOnly:
      'Read only: subject teachers give the marks. Open a subject’s page to see its lessons and marks.',
    noPeriods: 'This year’s reporting periods are not set up yet.',
    period: 'Reporting period',
    show: 'Show',
    noPages:
      'The class has no journal pages yet: the administration has not assigned the teaching load.',
    pages: 'Subject pages',
    lessonsHeld: (n: number) => `${n} ${enPlural(n, 'lesson held', 'lessons held')}`,
    summary: 'Averages by subject',
    summaryHint: 'Each cell shows the student’s average for the period and their number of marks.',
    noStudents: 'No students on this period’s pages.',
    student: 'Student',
    markCount: 'Marks in the period',
    marks: (n: number) => `${n} ${enPlural(n, 'mark', 'marks')}`,
  },
  attendance: {
    title: (monday: string) => `Absences of the week from ${monday}`,
    hint: 'Correct a record when a student brings a note or was late for a good reason. The reason for the correction is kept in the history.',
    weeks: 'Weeks',
    previous: 'Previous week',
    next: 'Next week',
    none: 'No absences or lates this week.',
    corrected: 'corrected',
    status: 'Record',
    reason: 'Reason for absence',
    noReason: 'not given',
    note: 'Grounds for the correction',
    notePlaceholder: 'E.g. a doctor’s note',
    save: 'Correct',
    saved: 'Correction saved.',
    savedRemoved: 'Record removed: the student was at the lesson.',
    noteRequired: 'Give the grounds for the correction: they are kept in the history.',
  },
  families: {
    title: 'Students and parents',
    hint: 'An invitation code lets a student or parent create their own login and password. A code works once; a new code cancels the previous one.',
    noStudents: 'The class has no students today.',
    student: 'Student',
    guardians: 'Parents and guardians',
    noAccess: 'You cannot read this student’s personal data.',
    noGuardians:
      'No parents on record. The administration or records clerk links them to the student.',
    kinds: { MOTHER: 'mother', FATHER: 'father', GUARDIAN: 'guardian', OTHER: 'representative' },
    issue: 'Issue an invitation code',
    issueFor: (name: string) => `Issue an invitation code: ${name}`,
    codeFor: (name: string) => `Invitation code for ${name}`,
    expires: (when: string) => `Valid until ${when}`,
    howToUse:
      'On the sign-in page choose “Create a sign-in with an invitation”, enter the code and choose a login and password.',
    copy: 'Copy the code',
    copied: 'Copied',
    print: 'Print',
  },
};

// Messages of the mail pages (issue 6). Russian is the source of truth; English must match it.

/** Russian plural form for a count: one, few, many. */
const ruPlural = (n: number, one: string, few: string, many: string) => {
  const ten = n % 10;
  const hundred = n % 100;
  if (ten === 1 && hundred !== 11) {
    return one;
  }
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) {
    return few;
  }
  return many;
};

export const ru = {
  sections: 'Почта',
  inbox: 'Входящие',
  compose: 'Написать',
  announcements: 'Объявления',
  inboxTitle: 'Сообщения',
  unreadTotal: (n: number) =>
    `${n} ${ruPlural(n, 'непрочитанное', 'непрочитанных', 'непрочитанных')}`,
  unreadInThread: (n: number) =>
    `${n} ${ruPlural(n, 'новое сообщение', 'новых сообщения', 'новых сообщений')}`,
  allRead: 'Всё прочитано',
  emptyInbox: 'Переписки пока нет. Здесь появятся сообщения от учителей, родителей и школы.',
  writeFirst: 'Написать сообщение',
  overdue: 'Ждёт ответа больше 7 дней',
  backToInbox: 'Все сообщения',
  participants: 'Участники',
  you: 'Вы',
  reply: 'Ответ',
  send: 'Отправить',
  sending: 'Отправляем…',
  composeTitle: 'Новое сообщение',
  school: 'Школа',
  recipients: 'Кому',
  recipientsHint: 'Только те, кому вам можно писать. В одной переписке — не больше одной семьи.',
  findRecipient: 'Найти по имени',
  pickRecipient: 'Выберите, кому написать.',
  recipientGroups: {
    staff: 'Учителя и администрация',
    parents: 'Родители',
    students: 'Ученики',
  },
  noRecipients: 'Сейчас вам некому написать: здесь появятся учителя и администрация вашей школы.',
  subject: 'Тема',
  body: 'Сообщение',
  announcementsTitle: 'Объявления класса',
  class: 'Класс',
  show: 'Показать',
  noClasses: 'У вас нет класса, объявления которого можно читать.',
  noAnnouncements: 'Объявлений пока нет.',
  publishTitle: 'Новое объявление',
  announcementTitle: 'Заголовок',
  announcementBody: 'Текст',
  audience: 'Для кого',
  audiences: {
    BOTH: 'Родителям и ученикам',
    PARENTS: 'Только родителям',
    STUDENTS: 'Только ученикам',
  },
  audienceShort: {
    BOTH: 'родителям и ученикам',
    PARENTS: 'родителям',
    STUDENTS: 'ученикам',
  },
  publish: 'Опубликовать',
  publishing: 'Публикуем…',
  published: 'Объявление опубликовано.',
};

export const en: typeof ru = {
  sections: 'Mail',
  inbox: 'Inbox',
  compose: 'Write',
  announcements: 'Announcements',
  inboxTitle: 'Messages',
  unreadTotal: (n: number) => `${n} unread`,
  unreadInThread: (n: number) => `${n} new ${n === 1 ? 'message' : 'messages'}`,
  allRead: 'All read',
  emptyInbox: 'No conversations yet. Messages from teachers, parents and the school appear here.',
  writeFirst: 'Write a message',
  overdue: 'Waiting for an answer for over 7 days',
  backToInbox: 'All messages',
  participants: 'Participants',
  you: 'You',
  reply: 'Reply',
  send: 'Send',
  sending: 'Sending…',
  composeTitle: 'New message',
  school: 'School',
  recipients: 'To',
  recipientsHint: 'Only people you may write to. At most one family per conversation.',
  findRecipient: 'Find by name',
  pickRecipient: 'Choose whom to write to.',
  recipientGroups: {
    staff: 'Teachers and office',
    parents: 'Parents',
    students: 'Students',
  },
  noRecipients:
    'There is nobody you can write to yet: your school’s teachers and office appear here.',
  subject: 'Subject',
  body: 'Message',
  announcementsTitle: 'Class announcements',
  class: 'Class',
  show: 'Show',
  noClasses: 'You have no class whose announcements you can read.',
  noAnnouncements: 'No announcements yet.',
  publishTitle: 'New announcement',
  announcementTitle: 'Title',
  announcementBody: 'Text',
  audience: 'For',
  audiences: {
    BOTH: 'Parents and students',
    PARENTS: 'Parents only',
    STUDENTS: 'Students only',
  },
  audienceShort: {
    BOTH: 'parents and students',
    PARENTS: 'parents',
    STUDENTS: 'students',
  },
  publish: 'Publish',
  publishing: 'Publishing…',
  published: 'Announcement published.',
};

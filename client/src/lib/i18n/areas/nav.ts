// The navigation and the states every page shares (loading, empty, errors).
export const ru = {
  label: 'Разделы',
  home: 'Профиль',
  journal: 'Журнал',
  myClass: 'Мой класс',
  diary: 'Дневник',
  marks: 'Оценки',
  messages: 'Сообщения',
  admin: 'Школа',
  reports: 'Отчёты',
  loading: 'Загружаем…',
  empty: 'Здесь пока ничего нет.',
  retry: 'Повторить',
  offline: 'Нет связи с сервером: изменения появятся, когда она вернётся.',
  unreadMessages: 'Новые сообщения',
};

export const en: typeof ru = {
  label: 'Sections',
  home: 'Profile',
  journal: 'Journal',
  myClass: 'My class',
  diary: 'Diary',
  marks: 'Marks',
  messages: 'Messages',
  admin: 'School',
  reports: 'Reports',
  loading: 'Loading…',
  empty: 'Nothing here yet.',
  retry: 'Try again',
  offline: 'No connection to the server: changes will appear when it is back.',
  unreadMessages: 'New messages',
};

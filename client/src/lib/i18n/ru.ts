import type { Role } from '#lib/graphql/graphql.ts';

// Russian: the default language and the source of truth for the message keys (en.ts must match).
export const ru = {
  appName: 'Classbook',
  appTagline: 'Электронный классный журнал и дневник',
  signIn: {
    title: 'Вход',
    login: 'Логин',
    password: 'Пароль',
    submit: 'Войти',
    submitting: 'Входим…',
    wrongCredentials: 'Неверный логин или пароль.',
    invitationPrompt: 'Получили код приглашения?',
    invitationLink: 'Создать вход по приглашению',
  },
  redeem: {
    title: 'Вход по приглашению',
    intro: 'Введите код из приглашения и придумайте логин и пароль для входа.',
    code: 'Код приглашения',
    login: 'Новый логин',
    password: 'Новый пароль',
    submit: 'Создать вход',
    submitting: 'Создаём…',
    badCode: 'Код не подходит: он неверный, уже использован или истёк.',
    accountPrompt: 'Уже есть логин?',
    signInLink: 'Войти',
  },
  home: {
    title: 'Мой профиль',
    login: 'Логин',
    noLogin: 'не задан',
    roles: 'Роли',
    noRoles: 'Ролей пока нет.',
    roleAtSchool: 'Роль и школа',
    signOut: 'Выйти',
    signOutEverywhere: 'Выйти на всех устройствах',
    signOutEverywhereHint: 'Завершит все сеансы, включая этот.',
  },
  language: {
    label: 'Язык интерфейса',
    save: 'Сменить язык',
    saving: 'Сохраняем…',
    switchTo: 'Язык',
    // Each language is named in itself, so a person finds theirs whatever the page is in.
    names: { ru: 'Русский', en: 'English' },
  },
  roles: {
    ADMINISTRATOR: 'Администратор',
    DIRECTOR: 'Директор',
    DEPUTY: 'Заместитель директора',
    RECORDS_CLERK: 'Делопроизводитель',
    TEACHER: 'Учитель',
    STUDENT: 'Ученик',
    PARENT: 'Родитель',
  } satisfies Record<Role, string>,
  errors: {
    unavailable: 'Сервис временно недоступен. Попробуйте ещё раз через минуту.',
    unexpected: 'Что-то пошло не так. Попробуйте ещё раз.',
    required: 'Заполните это поле.',
    signedOut: 'Сеанс завершён. Войдите снова.',
  },
};

export type CoreMessages = typeof ru;

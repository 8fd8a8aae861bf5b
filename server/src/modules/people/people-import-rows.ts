// Reading lists of students, parents or staff from a table (R-ROLE-3). Pure: table rows in, people
// and problems out. What needs the database (classes, children, people already in the school) is
// checked by people-import.service.ts.
import type { FileProblem, TableRow } from '../../core/table-file.js';
import { GuardianshipKind } from './guardianship.entity.js';
import { Role } from './role-assignment.entity.js';

export enum PeopleImportKind {
  STUDENTS = 'STUDENTS',
  PARENTS = 'PARENTS',
  STAFF = 'STAFF',
}

export const MAX_PEOPLE_ROWS = 2000;
const MAX_NAME = 100;
const MAX_EMAIL = 254;
const MAX_CLASS = 10;

export type ColumnKey =
  | 'lastName'
  | 'firstName'
  | 'middleName'
  | 'birthDate'
  | 'email'
  | 'phone'
  | 'className'
  | 'admittedOn'
  | 'childName'
  | 'childBirthDate'
  | 'studentLogin'
  | 'relation'
  | 'roles';

/**
 * Accepted headers, Russian, English and Kazakh; compared without case, `ё`, underscores or extra
 * spaces. The first of each list names the column in problems when the file lacks it.
 */
export const COLUMN_HEADERS: Record<ColumnKey, readonly string[]> = {
  lastName: ['Фамилия', 'last_name', 'last name', 'surname', 'family name', 'тегі'],
  firstName: ['Имя', 'first_name', 'first name', 'given name', 'аты'],
  middleName: ['Отчество', 'middle_name', 'middle name', 'patronymic', 'әкесінің аты'],
  birthDate: ['Дата рождения', 'birth_date', 'birth date', 'date of birth', 'туған күні'],
  email: ['Email', 'e-mail', 'электронная почта', 'эл. почта', 'почта'],
  phone: ['Телефон', 'phone', 'тел.', 'тел'],
  className: ['Класс', 'class', 'сынып'],
  admittedOn: ['Дата зачисления', 'admitted_on', 'admission date', 'зачислен с'],
  childName: ['Ребёнок', 'child', 'фио ребёнка', 'ученик', 'child name', 'student'],
  childBirthDate: ['Дата рождения ребёнка', 'child_birth_date', 'child birth date'],
  studentLogin: ['Логин ученика', 'student_login', 'student login'],
  relation: ['Кем приходится', 'relation', 'родство'],
  roles: ['Роль', 'role', 'роли', 'roles', 'должность'],
};

const COLUMNS_OF: Record<PeopleImportKind, readonly ColumnKey[]> = {
  [PeopleImportKind.STUDENTS]: ['className', 'admittedOn'],
  [PeopleImportKind.PARENTS]: ['childName', 'childBirthDate', 'studentLogin', 'relation'],
  [PeopleImportKind.STAFF]: ['roles'],
};
const COMMON: readonly ColumnKey[] = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'email',
  'phone',
];

const ROLE_NAMES: Record<string, Role> = {
  учитель: Role.TEACHER,
  преподаватель: Role.TEACHER,
  педагог: Role.TEACHER,
  teacher: Role.TEACHER,
  директор: Role.DIRECTOR,
  director: Role.DIRECTOR,
  завуч: Role.DEPUTY,
  'заместитель директора': Role.DEPUTY,
  'зам. директора': Role.DEPUTY,
  'зам директора': Role.DEPUTY,
  deputy: Role.DEPUTY,
  администратор: Role.ADMINISTRATOR,
  'системный администратор': Role.ADMINISTRATOR,
  administrator: Role.ADMINISTRATOR,
  делопроизводитель: Role.RECORDS_CLERK,
  секретарь: Role.RECORDS_CLERK,
  'records clerk': Role.RECORDS_CLERK,
};

const RELATIONS: Record<string, GuardianshipKind> = {
  мать: GuardianshipKind.MOTHER,
  мама: GuardianshipKind.MOTHER,
  mother: GuardianshipKind.MOTHER,
  отец: GuardianshipKind.FATHER,
  папа: GuardianshipKind.FATHER,
  father: GuardianshipKind.FATHER,
  опекун: GuardianshipKind.GUARDIAN,
  попечитель: GuardianshipKind.GUARDIAN,
  guardian: GuardianshipKind.GUARDIAN,
  другое: GuardianshipKind.OTHER,
  other: GuardianshipKind.OTHER,
};

/** How a parent's row names the child: the student's login, or name and birth date. */
export type ChildRef =
  | { login: string }
  | { lastName: string; firstName: string; middleName: string | null; birthDate: string };

export interface PersonLine {
  row: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  /** Students: the class as written, e.g. 5А. */
  className: string | null;
  /** Students: from when (the service defaults it to today). */
  admittedOn: string | null;
  /** Parents. */
  child: ChildRef | null;
  relation: GuardianshipKind;
  /** Staff. */
  roles: Role[];
  /** Identity in the file and in the school: names and birth date. */
  key: string;
}

export interface ReadPeople {
  lines: PersonLine[];
  problems: FileProblem[];
  /** The header of each column found, to name it in problems the service finds. */
  header: Partial<Record<ColumnKey, string>>;
}

const normaliseHeader = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/_/g, ' ')
    .replace(/[*:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Names compared as people read them: no case, `ё` as `е`, single spaces. */
export const normaliseName = (s: string) =>
  s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

export const personKey = (p: {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  birthDate?: string | null;
}) => [p.lastName, p.firstName, p.middleName ?? '', p.birthDate ?? ''].map(normaliseName).join('|');

// Letters typed in Latin that look Cyrillic: "5A" in a file means 5А.
const LOOKALIKES: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};

/** A class name as compared: 5 А, 5-а, "5A" (Latin) all read 5А. */
export const normaliseClassName = (s: string) =>
  s
    .toUpperCase()
    .replace(/Ё/g, 'Е')
    .replace(/[\s\-"«»]/g, '')
    .replace(/[A-Z]/g, (c) => LOOKALIKES[c] ?? c);

/** `YYYY-MM-DD` or `DD.MM.YYYY` (also with slashes) as an ISO date; null when not a real date. */
export function parseDate(text: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const ru = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (ru) {
    [d, m, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The people in the table: a header row (the first row naming both a family-name and a given-name
 * column), then one person per row; blank rows are skipped, unknown columns ignored. Every
 * problem is listed with its row and column, so the clerk fixes the file once.
 */
export function readPeople(table: TableRow[], kind: PeopleImportKind, today: string): ReadPeople {
  const problems: FileProblem[] = [];
  const accepted = [...COMMON, ...COLUMNS_OF[kind]];
  const columnOf = (cells: string[], key: ColumnKey) => {
    const names = COLUMN_HEADERS[key].map(normaliseHeader);
    return cells.findIndex((c) => names.includes(normaliseHeader(c)));
  };
  const headerAt = table.findIndex(
    (r) => columnOf(r.cells, 'lastName') >= 0 && columnOf(r.cells, 'firstName') >= 0,
  );
  if (headerAt < 0) {
    return {
      lines: [],
      problems: [{ row: table[0]?.row ?? 1, column: null, key: 'peopleImport.noHeader' }],
      header: {},
    };
  }
  const headerRow = table[headerAt]!;
  const index: Partial<Record<ColumnKey, number>> = {};
  const header: Partial<Record<ColumnKey, string>> = {};
  for (const key of accepted) {
    const i = columnOf(headerRow.cells, key);
    if (i >= 0) {
      index[key] = i;
      header[key] = headerRow.cells[i]!;
    }
  }
  const columnName = (key: ColumnKey) => header[key] ?? COLUMN_HEADERS[key][0]!;
  const required: ColumnKey[] =
    kind === PeopleImportKind.STUDENTS
      ? ['birthDate', 'className']
      : kind === PeopleImportKind.STAFF
        ? ['roles']
        : [];
  for (const key of required) {
    if (index[key] === undefined) {
      problems.push({
        row: headerRow.row,
        column: columnName(key),
        key: 'peopleImport.missingColumn',
        params: { column: columnName(key) },
      });
    }
  }
  if (
    kind === PeopleImportKind.PARENTS &&
    index.childName === undefined &&
    index.studentLogin === undefined
  ) {
    problems.push({
      row: headerRow.row,
      column: columnName('childName'),
      key: 'peopleImport.missingColumn',
      params: { column: columnName('childName') },
    });
  }
  if (problems.length > 0) {
    return { lines: [], problems, header };
  }

  const lines: PersonLine[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of table.slice(headerAt + 1)) {
    if (cells.every((c) => c === '')) {
      continue;
    }
    const problem = (
      key: ColumnKey | null,
      messageKey: FileProblem['key'],
      params?: FileProblem['params'],
    ) => problems.push({ row, column: key ? columnName(key) : null, key: messageKey, params });
    const cell = (key: ColumnKey) => {
      const i = index[key];
      return i === undefined ? '' : (cells[i] ?? '').replace(/\s+/g, ' ').trim();
    };
    const text = (key: ColumnKey, max: number, needed: boolean): string | null => {
      const value = cell(key);
      if (!value) {
        if (needed) {
          problem(key, 'input.required');
        }
        return null;
      }
      if (value.length > max) {
        problem(key, 'input.tooLong', { max });
        return null;
      }
      return value;
    };
    const date = (key: ColumnKey, needed: boolean): string | null => {
      const value = cell(key);
      if (!value) {
        if (needed) {
          problem(key, 'input.required');
        }
        return null;
      }
      const parsed = parseDate(value);
      if (!parsed) {
        problem(key, 'peopleImport.date');
      }
      return parsed;
    };
    const birth = (key: ColumnKey, needed: boolean) => {
      const value = date(key, needed);
      if (value && (value > today || value < '1900-01-01')) {
        problem(key, 'peopleImport.birthDateRange');
        return null;
      }
      return value;
    };

    const lastName = text('lastName', MAX_NAME, true);
    const firstName = text('firstName', MAX_NAME, true);
    const middleName = text('middleName', MAX_NAME, false);
    const birthDate = birth('birthDate', kind === PeopleImportKind.STUDENTS);
    const email = text('email', MAX_EMAIL, false);
    if (email && !EMAIL.test(email)) {
      problem('email', 'peopleImport.email');
    }
    const phone = text('phone', 40, false);
    const digits = phone?.replace(/\D/g, '') ?? '';
    if (phone && (!/^[+\d\s()\-.]+$/.test(phone) || digits.length < 5 || digits.length > 15)) {
      problem('phone', 'peopleImport.phone');
    }

    let className: string | null = null;
    let admittedOn: string | null = null;
    if (kind === PeopleImportKind.STUDENTS) {
      className = text('className', MAX_CLASS, true);
      admittedOn = date('admittedOn', false);
    }

    let child: ChildRef | null = null;
    let relation = GuardianshipKind.OTHER;
    if (kind === PeopleImportKind.PARENTS) {
      const login = cell('studentLogin');
      const childName = cell('childName');
      if (login) {
        child = { login: login.toLowerCase() };
      } else if (childName) {
        const parts = childName.split(' ');
        const childBirth = birth('childBirthDate', true);
        if (parts.length < 2 || childName.length > 3 * MAX_NAME) {
          problem('childName', 'peopleImport.childName');
        } else if (childBirth) {
          child = {
            lastName: parts[0]!,
            firstName: parts[1]!,
            middleName: parts.slice(2).join(' ') || null,
            birthDate: childBirth,
          };
        }
      } else {
        problem(null, 'peopleImport.childRequired');
      }
      const relationText = normaliseName(cell('relation'));
      if (relationText) {
        const found = RELATIONS[relationText];
        if (found) {
          relation = found;
        } else {
          problem('relation', 'peopleImport.relation');
        }
      }
    }

    const roles: Role[] = [];
    if (kind === PeopleImportKind.STAFF) {
      const names = cell('roles')
        .split(/[,;/]+/)
        .map((r) => normaliseName(r).replace(/_/g, ' '))
        .filter((r) => r !== '');
      if (names.length === 0) {
        problem('roles', 'input.required');
      }
      for (const name of names) {
        const role = ROLE_NAMES[name];
        if (!role) {
          problem('roles', 'peopleImport.unknownRole', { value: name });
        } else if (!roles.includes(role)) {
          roles.push(role);
        }
      }
    }

    if (!lastName || !firstName) {
      continue;
    }
    const key = personKey({ lastName, firstName, middleName, birthDate });
    // A parent of two children comes once per child: the same parent with another child is one
    // person with two guardianships; the same parent and child twice is a duplicate.
    const childKey =
      child === null ? '' : 'login' in child ? `login:${child.login}` : personKey(child);
    const lineKey = kind === PeopleImportKind.PARENTS ? `${key}#${childKey}` : key;
    const earlier = firstRowOf.get(lineKey);
    if (earlier !== undefined) {
      problem(null, 'peopleImport.duplicateInFile', { row: earlier });
      continue;
    }
    firstRowOf.set(lineKey, row);
    lines.push({
      row,
      lastName,
      firstName,
      middleName,
      birthDate,
      email,
      phone,
      className,
      admittedOn,
      child,
      relation,
      roles,
      key,
    });
  }
  if (lines.length === 0 && problems.length === 0) {
    problems.push({ row: headerRow.row, column: null, key: 'peopleImport.empty' });
  }
  if (lines.length > MAX_PEOPLE_ROWS) {
    problems.push({
      row: lines[MAX_PEOPLE_ROWS]!.row,
      column: null,
      key: 'peopleImport.tooManyRows',
      params: { max: MAX_PEOPLE_ROWS },
    });
  }
  return { lines, problems, header };
}

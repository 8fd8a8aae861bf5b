import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../core/table-file.js';
import { GuardianshipKind } from './guardianship.entity.js';
import {
  normaliseClassName,
  parseDate,
  PeopleImportKind,
  personKey,
  readPeople,
} from './people-import-rows.js';
import { Role } from './role-assignment.entity.js';

const table = (...rows: string[][]): TableRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));
const TODAY = '2026-11-30';

describe('people files (R-ROLE-3)', () => {
  it('reads Russian and ISO dates, and refuses dates that do not exist', () => {
    expect(parseDate('02.04.2015')).toBe('2015-04-02');
    expect(parseDate('2.4.2015')).toBe('2015-04-02');
    expect(parseDate('02/04/2015')).toBe('2015-04-02');
    expect(parseDate('2015-04-02')).toBe('2015-04-02');
    expect(parseDate('31.02.2015')).toBeNull();
    expect(parseDate('2015-13-01')).toBeNull();
    expect(parseDate('вчера')).toBeNull();
  });

  it('reads a class however it is typed: 5А, 5 а, 5-А, and 5A in Latin letters', () => {
    for (const typed of ['5А', '5 а', '5-А', '5A', '5a', '«5А»']) {
      expect(normaliseClassName(typed)).toBe(normaliseClassName('5А'));
    }
    expect(normaliseClassName('5Б')).not.toBe(normaliseClassName('5А'));
  });

  it('knows a person by names and birth date, without case or ё', () => {
    expect(personKey({ lastName: 'Ковалёв', firstName: 'Илья', birthDate: '2015-03-12' })).toBe(
      personKey({ lastName: ' КОВАЛЕВ ', firstName: 'илья', birthDate: '2015-03-12' }),
    );
  });

  it('accepts English headers and ignores columns it does not know', () => {
    const { lines, problems } = readPeople(
      table(
        ['No', 'Last_Name', 'First Name', 'Birth_Date', 'Class', 'Notes'],
        ['1', 'Volkov', 'Maxim', '2015-01-20', '5A', 'anything'],
      ),
      PeopleImportKind.STUDENTS,
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(lines).toMatchObject([
      { row: 2, lastName: 'Volkov', firstName: 'Maxim', birthDate: '2015-01-20', className: '5A' },
    ]);
  });

  it('names every problem with its row and column', () => {
    const { problems } = readPeople(
      table(
        ['Фамилия', 'Имя', 'Дата рождения', 'Email', 'Телефон', 'Класс'],
        ['Орлова', 'Дарья', '01.01.2099', 'not-an-email', '12', '5А'],
        ['', 'Олег', '01.01.2015', '', '', ''],
      ),
      PeopleImportKind.STUDENTS,
      TODAY,
    );
    expect(problems.map((p) => [p.row, p.column, p.key])).toEqual([
      [2, 'Дата рождения', 'peopleImport.birthDateRange'],
      [2, 'Email', 'peopleImport.email'],
      [2, 'Телефон', 'peopleImport.phone'],
      [3, 'Фамилия', 'input.required'],
      [3, 'Класс', 'input.required'],
    ]);
  });

  it('takes a parent of two children as one person, and the same child twice as a duplicate', () => {
    const { lines, problems } = readPeople(
      table(
        ['Фамилия', 'Имя', 'Ребёнок', 'Дата рождения ребёнка', 'Кем приходится'],
        ['Волкова', 'Ольга', 'Волков Максим', '20.01.2015', 'мать'],
        ['Волкова', 'Ольга', 'Волкова Ева', '11.06.2015', 'Мать'],
        ['Волкова', 'Ольга', 'Волкова Ева', '11.06.2015', 'мать'],
      ),
      PeopleImportKind.PARENTS,
      TODAY,
    );
    expect(lines.map((l) => [l.row, l.key, l.relation])).toEqual([
      [2, lines[0]!.key, GuardianshipKind.MOTHER],
      [3, lines[0]!.key, GuardianshipKind.MOTHER],
    ]);
    expect(problems.map((p) => [p.row, p.key, p.params])).toEqual([
      [4, 'peopleImport.duplicateInFile', { row: 3 }],
    ]);
  });

  it('reads staff roles by their Russian names or enum names, several to a cell', () => {
    const { lines, problems } = readPeople(
      table(
        ['Фамилия', 'Имя', 'Роль'],
        ['Морозов', 'Павел', 'Завуч; учитель'],
        ['Лебедева', 'Инна', 'RECORDS_CLERK'],
        ['Зуев', 'Глеб', 'дворник'],
      ),
      PeopleImportKind.STAFF,
      TODAY,
    );
    expect(lines.map((l) => l.roles)).toEqual([
      [Role.DEPUTY, Role.TEACHER],
      [Role.RECORDS_CLERK],
      [],
    ]);
    expect(problems.map((p) => [p.row, p.key, p.params])).toEqual([
      [4, 'peopleImport.unknownRole', { value: 'дворник' }],
    ]);
  });
});

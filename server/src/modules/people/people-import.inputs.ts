import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IssuedInvitation } from '../../auth/auth.types.js';
import { ImportFormat, ImportProblem } from '../../core/table-file.js';
import { PeopleImportKind } from './people-import-rows.js';
import { Person } from './person.entity.js';
import { Role } from './role-assignment.entity.js';

export { PeopleImportKind } from './people-import-rows.js';

registerEnumType(PeopleImportKind, {
  name: 'PeopleImportKind',
  description: 'Whom a people file lists (R-ROLE-3).',
});

@InputType({
  description: [
    'A list of people as a CSV/XLSX table: a header row, then one person per row. Headers, Russian',
    'or English: Фамилия / last_name and Имя / first_name (required), Отчество / middle_name,',
    'Дата рождения / birth_date (DD.MM.YYYY or YYYY-MM-DD; required for students), Email,',
    'Телефон / phone. Students: Класс / class (e.g. 5А, in the school year running on the admission',
    'date), Дата зачисления / admitted_on (default today). Parents: Логин ученика / student_login,',
    'or Ребёнок / child (full name) with Дата рождения ребёнка / child_birth_date; Кем приходится /',
    'relation (мать, отец, опекун, другое); a parent of two children takes one row per child.',
    'Staff: Роль / role (учитель, директор, завуч, администратор, делопроизводитель, or the Role',
    'names; several separated by commas).',
  ].join(' '),
})
export class ImportPeopleInput {
  @Field(() => PeopleImportKind, { description: 'Students, parents or staff.' })
  kind!: PeopleImportKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The school, when you keep the lists of several.',
  })
  schoolId?: string | null;

  @Field(() => String, { description: 'The file, base64-encoded (at most 1 MB).' })
  fileBase64!: string;

  @Field(() => ImportFormat, { description: 'CSV (comma, semicolon or tab) or XLSX.' })
  format!: ImportFormat;

  @Field(() => Boolean, { description: 'Check only: report every problem, write nothing.' })
  dryRun!: boolean;
}

@ObjectType({ description: 'A person as read from an imported file.' })
export class ImportedPersonRow {
  @Field(() => Int, { description: 'Row number in the file.' })
  row!: number;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Patronymic.' })
  middleName!: string | null;

  @Field(() => String, { nullable: true, description: 'Birth date (YYYY-MM-DD).' })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Students: the class admitted to.' })
  className!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Students: the admission date (YYYY-MM-DD).',
  })
  admittedOn!: string | null;

  @Field(() => Person, {
    nullable: true,
    description: 'Parents: the student the row names, when found in the school.',
  })
  child!: Person | null;

  @Field(() => [Role], { description: 'The roles the person gets in the school.' })
  roles!: Role[];

  @Field(() => Person, { nullable: true, description: 'The person created (after a real run).' })
  person!: Person | null;
}

@ObjectType({ description: 'The outcome of importing a list of people.' })
export class ImportPeoplePayload {
  @Field(() => Boolean, { description: 'True when nothing was written on purpose.' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'True when the people were created.' })
  written!: boolean;

  @Field(() => [ImportProblem], {
    description: 'Every problem found; empty when the file is good.',
  })
  problems!: ImportProblem[];

  @Field(() => [ImportedPersonRow], { description: 'The people read from the file.' })
  rows!: ImportedPersonRow[];

  @Field(() => Int, { description: 'People created (a dry run: that would be created).' })
  peopleCreated!: number;

  @Field(() => Int, { description: 'Students admitted to classes (or that would be).' })
  enrolmentsCreated!: number;

  @Field(() => Int, { description: 'Parents linked to students (or that would be).' })
  guardianshipsCreated!: number;

  @Field(() => Int, { description: 'Roles granted in the school (or that would be).' })
  rolesGranted!: number;

  @Field(() => [IssuedInvitation], {
    description:
      'Staff: a one-time invitation code per person, shown once, to hand over (R-AUTH-1). Students and parents get theirs from the class teacher.',
  })
  invitations!: IssuedInvitation[];
}

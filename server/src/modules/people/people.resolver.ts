import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Enrolment } from './enrolment.entity.js';
import {
  admitStudent,
  classRoster,
  departStudent,
  enrolmentHistory,
  transferStudent,
} from './enrolment.service.js';
import { Guardianship } from './guardianship.entity.js';
import {
  AdmitStudentInput,
  CreateParentInput,
  CreateStudentInput,
  DepartStudentInput,
  LinkGuardianInput,
  SetMyLocaleInput,
  TransferStudentInput,
  UnlinkGuardianInput,
  UpdatePersonalDataInput,
} from './people.inputs.js';
import {
  createParent,
  createStudent,
  linkGuardian,
  personalDataField,
  readPersonalData,
  setMyLocale,
  unlinkGuardian,
  updatePersonalData,
} from './people.service.js';
import { PersonalData } from './people.types.js';
import { Person } from './person.entity.js';

/** Student movement and personal data (issue 4; R-YEAR-5, R-ROLE-3, R-ROLE-6, R-AUTH-4). */
@Resolver()
export class PeopleResolver {
  @Query(() => [Enrolment], {
    description:
      "The students in a class on a date, by name: the records clerk's, the administration's and the class teacher's list.",
  })
  classRoster(
    @Arg('schoolClassId', () => ID, { description: 'The class.' }) schoolClassId: string,
    @Arg('on', () => String, { description: 'The date (YYYY-MM-DD).' }) on: string,
    @Ctx() ctx: Context,
  ) {
    return classRoster(ctx.em, requireViewer(ctx), schoolClassId, on);
  }

  @Query(() => [Enrolment], {
    description:
      "A student's classes over time, oldest first. NOT_FOUND unless you may read their personal data.",
  })
  enrolmentHistory(
    @Arg('studentId', () => ID, { description: 'The student.' }) studentId: string,
    @Ctx() ctx: Context,
  ) {
    return enrolmentHistory(ctx.em, requireViewer(ctx), studentId);
  }

  @Query(() => PersonalData, {
    description:
      "A person's personal data. NOT_FOUND unless you are the person, their guardian, their class teacher or a record keeper of their school (R-AUTH-4).",
  })
  personalData(
    @Arg('personId', () => ID, { description: 'The person.' }) personId: string,
    @Ctx() ctx: Context,
  ) {
    return readPersonalData(ctx.em, requireViewer(ctx), personId);
  }

  @Mutation(() => Enrolment, {
    description:
      'Admits a student to a class from a date; refused if the student is in a class then (R-YEAR-5).',
  })
  admitStudent(
    @Arg('input', () => AdmitStudentInput) input: AdmitStudentInput,
    @Ctx() ctx: Context,
  ) {
    return admitStudent(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Enrolment, {
    description:
      'Moves a student to another class of the year from a date: marks stay where they were given (R-YEAR-5).',
  })
  transferStudent(
    @Arg('input', () => TransferStudentInput) input: TransferStudentInput,
    @Ctx() ctx: Context,
  ) {
    return transferStudent(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Enrolment, {
    description:
      'A student leaves from a date: off the journals after it, never out of the archive (R-YEAR-5).',
  })
  departStudent(
    @Arg('input', () => DepartStudentInput) input: DepartStudentInput,
    @Ctx() ctx: Context,
  ) {
    return departStudent(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Person, {
    description: 'Adds a student with their personal data, admitted to a class from a date.',
  })
  createStudent(
    @Arg('input', () => CreateStudentInput) input: CreateStudentInput,
    @Ctx() ctx: Context,
  ) {
    return createStudent(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Person, {
    description:
      'Adds a parent or guardian with their personal data, optionally linked to a student.',
  })
  createParent(
    @Arg('input', () => CreateParentInput) input: CreateParentInput,
    @Ctx() ctx: Context,
  ) {
    return createParent(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Guardianship, { description: 'Records a parent or guardian of a student.' })
  linkGuardian(
    @Arg('input', () => LinkGuardianInput) input: LinkGuardianInput,
    @Ctx() ctx: Context,
  ) {
    return linkGuardian(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Boolean, {
    description: "Removes a guardianship: the parent no longer sees the child's diary.",
  })
  unlinkGuardian(
    @Arg('input', () => UnlinkGuardianInput) input: UnlinkGuardianInput,
    @Ctx() ctx: Context,
  ) {
    return unlinkGuardian(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => PersonalData, {
    description: 'Changes names, date of birth or contacts; audited before → after.',
  })
  updatePersonalData(
    @Arg('input', () => UpdatePersonalDataInput) input: UpdatePersonalDataInput,
    @Ctx() ctx: Context,
  ) {
    return updatePersonalData(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Person, {
    description:
      "Sets the signed-in person's own interface language (ru, kk, en); audited before → after.",
  })
  setMyLocale(@Arg('input', () => SetMyLocaleInput) input: SetMyLocaleInput, @Ctx() ctx: Context) {
    return setMyLocale(ctx.em, requireViewer(ctx), input);
  }
}

@Resolver(() => Person)
export class PersonalDataRelations {
  @FieldResolver(() => PersonalData, {
    nullable: true,
    description:
      'Personal data: shown to the person, their guardians, their class teacher and the record keepers; null to everyone else (R-AUTH-4).',
  })
  personalData(@Root() person: Person, @Ctx() ctx: Context) {
    return personalDataField(ctx, person);
  }
}

@Resolver(() => PersonalData)
export class PersonalDataLinks {
  @FieldResolver(() => [Guardianship], { description: "The person's parents and guardians." })
  guardians(@Root() data: PersonalData, @Ctx() ctx: Context) {
    return ctx.loaders.children(Guardianship, 'student', data.personId);
  }

  @FieldResolver(() => [Guardianship], { description: 'The students the person is guardian of.' })
  children(@Root() data: PersonalData, @Ctx() ctx: Context) {
    return ctx.loaders.children(Guardianship, 'guardian', data.personId);
  }
}

@Resolver(() => Enrolment)
export class EnrolmentRelations {
  @FieldResolver(() => Person, { description: 'The student.' })
  student(@Root() e: Enrolment, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, e.student);
  }

  @FieldResolver(() => SchoolClass, { description: 'The class.' })
  schoolClass(@Root() e: Enrolment, @Ctx() ctx: Context) {
    return ctx.loaders.require(SchoolClass, e.schoolClass);
  }
}

@Resolver(() => Guardianship)
export class GuardianshipRelations {
  @FieldResolver(() => Person, { description: 'The parent or guardian.' })
  guardian(@Root() g: Guardianship, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, g.guardian);
  }

  @FieldResolver(() => Person, { description: 'The student.' })
  student(@Root() g: Guardianship, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, g.student);
  }
}

export const peopleResolvers = [
  PeopleResolver,
  PersonalDataRelations,
  PersonalDataLinks,
  EnrolmentRelations,
  GuardianshipRelations,
] as const;

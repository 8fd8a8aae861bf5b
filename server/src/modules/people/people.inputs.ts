import { Field, ID, InputType, Int } from 'type-graphql';
import { AdmissionKind, DepartureKind } from './enrolment.entity.js';
import { GuardianshipKind } from './guardianship.entity.js';

// Student movement (R-YEAR-5). Dates are YYYY-MM-DD; an enrolment is half-open, so `from` is the
// first day of the new state: a transfer on D shows the student in the new class from D on.

@InputType({ description: 'Admits a student to a class from a date (R-YEAR-5).' })
export class AdmitStudentInput {
  @Field(() => ID, { description: 'The student (a person with the STUDENT role in the school).' })
  studentId!: string;

  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => String, { description: 'First day in the class (YYYY-MM-DD), inside its year.' })
  from!: string;

  @Field(() => AdmissionKind, {
    nullable: true,
    description: 'ADMISSION (default) or PROMOTION; TRANSFER_IN is what transferStudent records.',
  })
  kind?: AdmissionKind | null;

  @Field(() => String, { description: 'Grounds, e.g. the number of the order (audit trail).' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Note kept with the enrolment.' })
  note?: string | null;
}

@InputType({ description: 'Moves a student to another class of the same year from a date.' })
export class TransferStudentInput {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => ID, { description: 'The class the student moves to.' })
  toSchoolClassId!: string;

  @Field(() => String, { description: 'First day in the new class (YYYY-MM-DD).' })
  from!: string;

  @Field(() => String, { description: 'Grounds, e.g. the number of the order (audit trail).' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Note kept with the new enrolment.' })
  note?: string | null;
}

@InputType({ description: 'A student leaves their class (and the school) from a date.' })
export class DepartStudentInput {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => String, { description: 'First day the student is no longer in the class.' })
  from!: string;

  @Field(() => DepartureKind, {
    nullable: true,
    description: 'DEPARTURE (default), TRANSFER_OUT (to another school) or GRADUATION.',
  })
  kind?: DepartureKind | null;

  @Field(() => String, { description: 'Grounds, e.g. the number of the order (audit trail).' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Note kept with the enrolment, e.g. where the student went.',
  })
  note?: string | null;
}

// Personal data (R-ROLE-3, R-ROLE-6, R-AUTH-4).

// Not in the schema by itself: CreateStudentInput and CreateParentInput inherit its fields.
@InputType({ description: 'The personal data a new student or parent is entered with.' })
abstract class NewPersonInput {
  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Patronymic, where used.' })
  middleName?: string | null;

  @Field(() => String, { nullable: true, description: 'Date of birth (YYYY-MM-DD).' })
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;
}

@InputType({ description: 'A new student, admitted to a class from a date.' })
export class CreateStudentInput extends NewPersonInput {
  @Field(() => ID, { description: 'The class the student is admitted to.' })
  schoolClassId!: string;

  @Field(() => String, { description: 'First day in the class (YYYY-MM-DD), inside its year.' })
  from!: string;

  @Field(() => String, { description: 'Grounds, e.g. the number of the order (audit trail).' })
  reason!: string;
}

@InputType({
  description:
    "A new parent or legal guardian; with studentId, linked to that student at once (the class teacher's way).",
})
export class CreateParentInput extends NewPersonInput {
  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field(() => ID, { nullable: true, description: 'A student of the school to link at once.' })
  studentId?: string | null;

  @Field(() => GuardianshipKind, {
    nullable: true,
    description: 'How the parent is related to the student (default GUARDIAN).',
  })
  kind?: GuardianshipKind | null;
}

@InputType({ description: 'Records a parent or legal guardian of a student.' })
export class LinkGuardianInput {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => ID, { description: 'The parent or guardian: a person the school knows.' })
  guardianId!: string;

  @Field(() => GuardianshipKind, { description: 'How they are related.' })
  kind!: GuardianshipKind;
}

@InputType({ description: 'Removes a parent or legal guardian of a student.' })
export class UnlinkGuardianInput {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => ID, { description: 'The parent or guardian.' })
  guardianId!: string;

  @Field(() => String, { description: 'Why, e.g. a court decision (audit trail).' })
  reason!: string;
}

@InputType({
  description:
    'Changes to personal data; absent fields stay as they are, an explicit null clears an optional one.',
})
export class UpdatePersonalDataInput {
  @Field(() => ID, { description: 'The person.' })
  personId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you saw (PersonalData.version); a newer one means CONFLICT.',
  })
  version?: number | null;

  @Field(() => String, { nullable: true, description: 'Family name.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Given name.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Patronymic.' })
  middleName?: string | null;

  @Field(() => String, { nullable: true, description: 'Date of birth (YYYY-MM-DD).' })
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail).' })
  reason?: string | null;
}

@InputType({ description: 'The interface language the signed-in person chooses for themselves.' })
export class SetMyLocaleInput {
  @Field(() => String, { description: 'A supported language tag: ru, kk or en.' })
  locale!: string;
}

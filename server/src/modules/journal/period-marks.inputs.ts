import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PeriodMark, PeriodMarkSpecial } from './period-mark.entity.js';

@InputType({ description: "One student's period mark: a value, or a special mark." })
export class PeriodMarkEntryInput {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => String, { nullable: true, description: "Mark on the school's scale." })
  value?: string | null;

  @Field(() => PeriodMarkSpecial, {
    nullable: true,
    description: 'EXEMPT (осв.) or NOT_ATTESTED (н/а), instead of a value.',
  })
  special?: PeriodMarkSpecial | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version of the period mark you saw, when one exists.',
  })
  version?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why an existing period mark changes (required then).',
  })
  reason?: string | null;
}

@InputType({ description: 'Period marks of a journal page (R-JRN-5).' })
export class SetPeriodMarksInput {
  @Field(() => String, { nullable: true, description: 'A retry with the same id is applied once.' })
  clientMutationId?: string | null;

  @Field(() => ID, { description: 'The journal page.' })
  assignmentId!: string;

  @Field(() => ID, { description: 'The reporting period.' })
  periodId!: string;

  @Field(() => [PeriodMarkEntryInput], { description: 'One entry per student.' })
  marks!: PeriodMarkEntryInput[];
}

@ObjectType({
  description:
    "A period mark set although the student has fewer current marks than the school's minimum.",
})
export class PeriodMarkWarning {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => Int, { description: 'Current marks in the period.' })
  markCount!: number;

  @Field(() => Int, { description: "The school's minimum for a justified period mark." })
  required!: number;
}

@ObjectType({ description: 'The period marks of the page after setPeriodMarks.' })
export class SetPeriodMarksPayload {
  @Field(() => String, { nullable: true, description: 'As sent.' })
  clientMutationId!: string | null;

  @Field(() => Boolean, { description: 'True when the batch had already been applied.' })
  replayed!: boolean;

  @Field(() => [PeriodMark], { description: 'The period marks now set for the entries sent.' })
  periodMarks!: PeriodMark[];

  @Field(() => [PeriodMarkWarning], {
    description: 'Marks set on too few current marks: a warning, not a refusal (R-JRN-5).',
  })
  warnings!: PeriodMarkWarning[];
}

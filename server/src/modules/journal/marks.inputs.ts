import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Lesson } from './lesson.entity.js';
import { Mark } from './mark.entity.js';

@InputType({ description: 'A new mark.' })
export class NewMarkInput {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => String, { description: "The mark on the school's scale, e.g. 5." })
  value!: string;

  @Field(() => ID, { nullable: true, description: "Kind of work; null: the lesson's." })
  workTypeId?: string | null;

  @Field(() => String, { nullable: true, description: 'Comment shown in the diary.' })
  comment?: string | null;
}

@InputType({ description: 'A change of a mark already set.' })
export class MarkChangeInput {
  @Field(() => ID, { description: 'The mark.' })
  markId!: string;

  @Field(() => Int, { description: 'The version you saw; a newer one means CONFLICT.' })
  version!: number;

  @Field(() => String, { description: 'The new value.' })
  value!: string;

  @Field(() => ID, { nullable: true, description: 'Kind of work; null: keep the current one.' })
  workTypeId?: string | null;

  @Field(() => String, { nullable: true, description: 'Comment; null: keep the current one.' })
  comment?: string | null;

  @Field(() => String, { description: 'Why the mark changes (kept in the audit trail).' })
  reason!: string;
}

@InputType({ description: 'The removal of a mark set by mistake.' })
export class MarkRemovalInput {
  @Field(() => ID, { description: 'The mark.' })
  markId!: string;

  @Field(() => Int, { description: 'The version you saw; a newer one means CONFLICT.' })
  version!: number;

  @Field(() => String, { description: 'Why the mark is removed (kept in the audit trail).' })
  reason!: string;
}

@InputType({ description: 'Marks of one lesson set, changed and removed in one transaction.' })
export class SetMarksInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Chosen by the client, unique per batch: a retry with the same id returns the first result instead of setting the marks twice.',
  })
  clientMutationId?: string | null;

  @Field(() => ID, { description: 'The lesson.' })
  lessonId!: string;

  @Field(() => [NewMarkInput], { defaultValue: [], description: 'Marks to add.' })
  add!: NewMarkInput[];

  @Field(() => [MarkChangeInput], { defaultValue: [], description: 'Marks to change.' })
  change!: MarkChangeInput[];

  @Field(() => [MarkRemovalInput], { defaultValue: [], description: 'Marks to remove.' })
  remove!: MarkRemovalInput[];
}

@ObjectType({ description: 'The lesson and its marks after setMarks.' })
export class SetMarksPayload {
  @Field(() => String, { nullable: true, description: 'As sent.' })
  clientMutationId!: string | null;

  @Field(() => Boolean, {
    description: 'True when this batch had already been applied and nothing was written now.',
  })
  replayed!: boolean;

  @Field(() => Lesson, { description: 'The lesson.' })
  lesson!: Lesson;

  @Field(() => [Mark], { description: 'Every current mark of the lesson.' })
  marks!: Mark[];
}

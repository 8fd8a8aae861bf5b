import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Homework set at a lesson (R-JRN-4).' })
export class HomeworkInput {
  @Field(() => String, { description: 'What to do; empty removes the homework.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Due date (YYYY-MM-DD); null: next lesson.' })
  dueOn?: string | null;
}

@InputType({ description: 'A lesson to record on a journal page (R-JRN-1).' })
export class CreateLessonInput {
  @Field(() => ID, { description: 'The journal page (teaching assignment).' })
  assignmentId!: string;

  @Field(() => String, { description: 'Date (YYYY-MM-DD), inside a reporting period of the year.' })
  date!: string;

  @Field(() => Int, { nullable: true, description: 'Number in the bell schedule.' })
  lessonNumber?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The line of the calendar-thematic plan; its title is the topic unless given.',
  })
  plannedTopicId?: string | null;

  @Field(() => String, { nullable: true, description: 'Topic as free text.' })
  topic?: string | null;

  @Field(() => ID, { nullable: true, description: 'Kind of work done at the lesson.' })
  workTypeId?: string | null;

  @Field(() => HomeworkInput, { nullable: true, description: 'Homework set at the lesson.' })
  homework?: HomeworkInput | null;
}

@InputType({ description: 'Changes to a lesson; absent fields stay as they are.' })
export class UpdateLessonInput {
  @Field(() => ID, { description: 'The lesson.' })
  lessonId!: string;

  @Field(() => Int, { description: 'The version you saw; a newer one means CONFLICT.' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The line of the calendar-thematic plan.' })
  plannedTopicId?: string | null;

  @Field(() => String, { nullable: true, description: 'Topic as free text.' })
  topic?: string | null;

  @Field(() => ID, { nullable: true, description: 'Kind of work done at the lesson.' })
  workTypeId?: string | null;

  @Field(() => HomeworkInput, { nullable: true, description: 'Homework; empty text removes it.' })
  homework?: HomeworkInput | null;
}

@InputType({ description: 'A lesson that did not take place.' })
export class CancelLessonInput {
  @Field(() => ID, { description: 'The lesson.' })
  lessonId!: string;

  @Field(() => Int, { description: 'The version you saw.' })
  version!: number;

  @Field(() => String, { description: 'Why (kept in the audit trail).' })
  reason!: string;
}

import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Person } from '../people/person.entity.js';

@InputType({ description: "A colleague takes over a page's lessons for some days (R-ROLE-5)." })
export class AssignSubstituteInput {
  @Field(() => ID, { description: 'The journal page whose lessons are covered.' })
  assignmentId!: string;

  @Field(() => ID, { description: 'The substitute teacher.' })
  substituteId!: string;

  @Field(() => String, { description: 'First day covered (YYYY-MM-DD).' })
  from!: string;

  @Field(() => String, { description: 'Last day covered (YYYY-MM-DD), inclusive.' })
  to!: string;

  @Field(() => String, { description: 'Why, e.g. the teacher is ill (published with the change).' })
  reason!: string;
}

@ObjectType({ description: 'What a substitution covers.' })
export class SubstitutionPayload {
  @Field(() => Person, { description: 'The substitute teacher.' })
  substitute!: Person;

  @Field(() => Int, { description: 'Timetabled lessons in the range now given to the substitute.' })
  timetabledLessons!: number;

  @Field(() => Int, {
    description: 'Lessons already recorded in the range, now conducted by the substitute.',
  })
  recordedLessons!: number;
}

import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Person } from '../people/person.entity.js';

@InputType({ description: 'A new subgroup of a class for one subject (R-YEAR-2).' })
export class CreateSubgroupInput {
  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => ID, { description: 'The subject the class is split for.' })
  subjectId!: string;

  @Field(() => String, { description: 'e.g. 1 группа; unique for the class and subject.' })
  name!: string;

  @Field(() => [ID], { nullable: true, description: 'First members: students of the class.' })
  studentIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'First day (YYYY-MM-DD) of the first members; default: today, or the first day of a year not begun.',
  })
  from?: string | null;
}

@InputType({
  description: 'From a date on, the members of a subgroup are exactly these students (R-ROLE-6).',
})
export class SetSubgroupMembersInput {
  @Field(() => ID, { description: 'The subgroup.' })
  subgroupId!: string;

  @Field(() => [ID], { description: 'Every member from `from` on; an empty list empties it.' })
  studentIds!: string[];

  @Field(() => String, { description: 'First day (YYYY-MM-DD) the list applies.' })
  from!: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail).' })
  reason?: string | null;
}

@InputType({
  description: 'A student joins a subgroup from a date, leaving their other one of the subject.',
})
export class MoveToSubgroupInput {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => ID, { description: 'The subgroup the student joins.' })
  subgroupId!: string;

  @Field(() => String, { description: 'First day (YYYY-MM-DD) in the new subgroup.' })
  from!: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail).' })
  reason?: string | null;
}

@ObjectType({ description: "A student's dated membership of a subgroup." })
export class SubgroupMember {
  @Field(() => Person, { description: 'The student.' })
  student!: Person;

  @Field(() => String, { description: 'First day in the subgroup (YYYY-MM-DD).' })
  startsOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'First day no longer in it; null: still a member.',
  })
  endsOn!: string | null;
}

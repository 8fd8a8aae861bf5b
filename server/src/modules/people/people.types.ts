import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * A person's personal data (R-AUTH-4): kept apart from `Person`, whose names every classmate's
 * journal page shows, so it can be refused as a whole. Never carries credentials.
 */
@ObjectType({
  description:
    "Personal data of a person: readable by the person, their guardians, their class teacher and the school's record keepers only.",
})
export class PersonalData {
  @Field(() => ID, { description: 'The person.' })
  personId!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Patronymic, where used.' })
  middleName!: string | null;

  @Field(() => String, { nullable: true, description: 'Date of birth (YYYY-MM-DD).' })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone!: string | null;

  @Field(() => Int, {
    description: 'Changes with every update: send it back to updatePersonalData.',
  })
  version!: number;
}

import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Person } from './person.entity.js';
import { Role } from './role-assignment.entity.js';

@ObjectType({ description: 'A member of staff of a school with their current roles (R-ROLE-1).' })
export class StaffMember {
  @Field(() => Person, { description: 'The person.' })
  person!: Person;

  @Field(() => [Role], {
    description: 'Staff roles held now in the school (revoked ones left out).',
  })
  roles!: Role[];
}

@InputType({ description: 'A staff role to grant (R-ROLE-1).' })
export class GrantRoleInput {
  @Field(() => ID, {
    description: 'A person of the school: staff, or a parent who joins the staff.',
  })
  personId!: string;

  @Field(() => Role, {
    description: 'A staff role: administrator, director, deputy, records clerk, teacher.',
  })
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description: 'The school, when you administer several the person belongs to.',
  })
  schoolId?: string | null;
}

@InputType({ description: 'A staff role to take away, with the reason (R-ROLE-1).' })
export class RevokeRoleInput {
  @Field(() => ID, { description: 'The member of staff.' })
  personId!: string;

  @Field(() => Role, { description: 'The staff role to end.' })
  role!: Role;

  @Field(() => String, { description: 'Why, for the audit trail (e.g. the order number).' })
  reason!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The school, when you administer several the person belongs to.',
  })
  schoolId?: string | null;
}

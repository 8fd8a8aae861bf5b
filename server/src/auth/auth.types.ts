import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Person } from '../modules/people/person.entity.js';
import { Role, RoleAssignment } from '../modules/people/role-assignment.entity.js';

@ObjectType('Viewer', { description: 'The signed-in person and what they may do where.' })
export class ViewerPayload {
  @Field(() => Person, { description: 'The signed-in person.' })
  person!: Person;

  @Field(() => [RoleAssignment], { description: 'Current roles, each in its school.' })
  roles!: RoleAssignment[];
}

@InputType({ description: 'Credentials issued by the school (R-AUTH-1).' })
export class SignInInput {
  @Field(() => String, { description: 'Sign-in name.' })
  login!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@InputType({ description: 'A one-time invitation code and the credentials its holder chooses.' })
export class RedeemInvitationInput {
  @Field(() => String, {
    description: 'The code as printed, e.g. K7Q2-9XMD-4HRT (case and dashes do not matter).',
  })
  code!: string;

  @Field(() => String, { description: 'The sign-in name to use from now on.' })
  login!: string;

  @Field(() => String, { description: 'The new password.' })
  password!: string;
}

@ObjectType({ description: 'A new session.' })
export class SignInPayload {
  @Field(() => String, {
    description: 'Bearer token for the Authorization header. Shown once; keep it secret.',
  })
  token!: string;

  @Field(() => Date, { description: 'When the session ends unless revoked earlier.' })
  expiresAt!: Date;

  @Field(() => ViewerPayload, { description: 'Who is now signed in.' })
  viewer!: ViewerPayload;
}

@InputType({ description: 'Whom to issue a one-time invitation code to.' })
export class IssueInvitationInput {
  @Field(() => ID, { description: 'The person who will redeem the code.' })
  personId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The school, when the person belongs to several you work in.',
  })
  schoolId?: string | null;
}

@InputType({ description: 'A new staff member (R-ROLE-1).' })
export class CreateStaffAccountInput {
  @Field(() => ID, { description: 'The school the staff member works in.' })
  schoolId!: string;

  @Field(() => String, { description: 'Family name.' })
  lastName!: string;

  @Field(() => String, { description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Patronymic.' })
  middleName?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail for notices.' })
  email?: string | null;

  @Field(() => [Role], {
    description: 'Staff roles: administrator, director, deputy, records clerk, teacher.',
  })
  roles!: Role[];
}

@ObjectType({ description: 'A one-time invitation code, shown once to the person who issued it.' })
export class IssuedInvitation {
  @Field(() => String, { description: 'The code to hand over (on paper or in person).' })
  code!: string;

  @Field(() => Date, { description: 'The code stops working at this instant.' })
  expiresAt!: Date;

  @Field(() => Role, { description: 'The role the code signs the person in as.' })
  role!: Role;

  @Field(() => Person, { description: 'Who the code is for.' })
  person!: Person;
}

@ObjectType('SocketTicket', {
  description: 'A one-time ticket that opens one WebSocket for the current session.',
})
export class SocketTicketPayload {
  @Field(() => String, {
    description:
      'Pass as `connectionParams.ticket` when opening the socket, within a minute; good once.',
  })
  ticket!: string;

  @Field(() => Date, { description: 'When the ticket stops being accepted.' })
  expiresAt!: Date;
}

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

  @Field(() => String, {
    nullable: true,
    description:
      'A random id (16-200 characters) the client keeps for this device, e.g. in a long-lived ' +
      'cookie. Sign-ins from a device that signed in before are not slowed by attacks on the ' +
      'account from elsewhere.',
  })
  deviceId?: string | null;
}

@ObjectType({ description: 'The password was right; a TOTP code must follow (issue 8).' })
export class SecondFactorChallenge {
  @Field(() => String, {
    description: 'Pass to `signInSecondFactor` with the code. Good once, for a few minutes.',
  })
  challenge!: string;

  @Field(() => Date, { description: 'When the challenge stops being accepted.' })
  expiresAt!: Date;
}

@ObjectType({
  description:
    'The result of the password step: a session, or (for an account with a second factor) a ' +
    'challenge to complete with `signInSecondFactor`.',
})
export class SignInResult {
  @Field(() => String, {
    nullable: true,
    description: 'Bearer token for the Authorization header; null while a second factor is owed.',
  })
  token?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the session ends at the latest.' })
  expiresAt?: Date | null;

  @Field(() => ViewerPayload, { nullable: true, description: 'Who is now signed in.' })
  viewer?: ViewerPayload | null;

  @Field(() => SecondFactorChallenge, {
    nullable: true,
    description: 'Set when a TOTP code is required to finish signing in.',
  })
  secondFactor?: SecondFactorChallenge | null;
}

@InputType({ description: 'The second sign-in step: the challenge and a current TOTP code.' })
export class SignInSecondFactorInput {
  @Field(() => String, { description: 'From `signIn.secondFactor.challenge`.' })
  challenge!: string;

  @Field(() => String, { description: 'The 6-digit code the authenticator app shows now.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'As in `SignInInput.deviceId`.' })
  deviceId?: string | null;
}

@ObjectType({ description: 'A TOTP secret being enrolled; shown once.' })
export class TotpEnrolment {
  @Field(() => String, { description: 'The secret in base32, to type into an app by hand.' })
  secret!: string;

  @Field(() => String, { description: 'An otpauth:// URI, to show as a QR code.' })
  uri!: string;
}

@InputType({ description: 'A code from the app, proving the enrolment worked.' })
export class ConfirmTotpEnrolmentInput {
  @Field(() => String, { description: 'The 6-digit code the app shows now.' })
  code!: string;
}

@InputType({
  description: 'Proof of presence to turn the second factor off: a code or the password.',
})
export class DisableTotpInput {
  @Field(() => String, { nullable: true, description: 'A current code from the app.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'The password (when the phone is lost).' })
  password?: string | null;
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

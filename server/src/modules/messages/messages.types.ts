import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';

@ObjectType({ description: 'A message of internal mail (R-MSG-1).' })
export class MailMessage {
  @Field(() => ID, { description: 'The message.' })
  id!: string;

  @Field(() => ID, { description: 'Its thread.' })
  threadId!: string;

  @Field(() => Person, { description: 'Who wrote it.' })
  author!: Person;

  @Field(() => String, { description: 'The text.' })
  body!: string;

  @Field(() => Date, { description: 'When it was sent.' })
  sentAt!: Date;
}

@ObjectType({ description: 'A conversation as one participant sees it.' })
export class MailThread {
  @Field(() => ID, { description: 'The thread.' })
  id!: string;

  @Field(() => String, { description: 'Subject.' })
  subject!: string;

  @Field(() => [Person], { description: 'Everyone in the conversation.' })
  participants!: Person[];

  @Field(() => Date, { description: 'When the last message was sent.' })
  lastMessageAt!: Date;

  @Field(() => Int, { description: 'Messages from others not yet read by you.' })
  unreadCount!: number;

  @Field(() => Date, {
    nullable: true,
    description:
      "When a parent's message still without an answer was sent; null when answered (R-MSG-2).",
  })
  awaitingReplySince!: Date | null;

  @Field(() => Boolean, {
    description: "A parent's message unanswered for more than 7 days (R-MSG-2).",
  })
  overdue!: boolean;

  @Field(() => [MailMessage], {
    description: 'Messages, oldest first (only when asked for one thread).',
  })
  messages!: MailMessage[];
}

@InputType({ description: 'A new conversation.' })
export class StartThreadInput {
  @Field(() => String, { description: 'Subject, up to 200 characters.' })
  subject!: string;

  @Field(() => [ID], { description: 'Recipients; each must be someone you may write to.' })
  recipientIds!: string[];

  @Field(() => String, { description: 'The first message.' })
  body!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The school, when you belong to several.',
  })
  schoolId?: string | null;
}

@ObjectType({ description: 'A new message, to its recipients (live).' })
export class MessageReceived {
  @Field(() => ID, { description: 'The thread.' })
  threadId!: string;

  @Field(() => ID, { description: 'The message.' })
  messageId!: string;

  @Field(() => ID, { description: 'Its author.' })
  authorId!: string;

  @Field(() => String, { description: 'The subject of the thread.' })
  subject!: string;

  @Field(() => String, { description: 'When it was sent (ISO 8601).' })
  sentAt!: string;

  /** Who it is for: not exposed, used to filter deliveries. */
  recipientIds!: string[];
}

@ObjectType({ description: 'Someone you may write to (R-MSG-1).' })
export class MessageRecipient {
  @Field(() => Person, { description: 'The person.' })
  person!: Person;

  @Field(() => [Role], {
    description:
      'Their current roles in the school, so that staff, parents and students can be told apart; empty for a guardian without an account role.',
  })
  roles!: Role[];
}

import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { MessageThread } from './message-thread.entity.js';

/** One message of a thread (R-MSG-1). */
@Entity({ tableName: 'message' })
@Index({ name: 'message_thread_idx', properties: ['thread', 'sentAt'] })
@Check({ name: 'message_body_check', expression: "body <> ''" })
export class Message extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => MessageThread, { deleteRule: 'cascade' })
  thread!: MessageThread;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  author!: Person;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  sentAt: Opt<Date> = new Date();
}

import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { MessageThread } from './message-thread.entity.js';

/** Who takes part in a thread and how far they have read it (R-MSG-1, R-MSG-2). */
@Entity({ tableName: 'thread_participant' })
@Unique({ name: 'thread_participant_unique', properties: ['thread', 'person'] })
@Index({ name: 'thread_participant_person_idx', properties: ['person'] })
export class ThreadParticipant extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => MessageThread, { deleteRule: 'cascade' })
  thread!: MessageThread;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Person;

  /** Messages sent after this are unread; null: nothing read yet. */
  @Property({ type: 'timestamptz', nullable: true })
  lastReadAt?: Date | null;
}

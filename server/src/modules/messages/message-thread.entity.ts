import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';

/**
 * A conversation of internal mail (R-MSG-1) between its participants. `lastMessageAt` orders
 * inboxes and is bumped with every message.
 */
@Entity({ tableName: 'message_thread' })
@Index({ name: 'message_thread_class_idx', properties: ['schoolClass'] })
export class MessageThread extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @Property({ type: 'text' })
  subject!: string;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  createdBy!: Person;

  /** Set for a thread with a whole class's parents (R-MSG-2). */
  @ManyToOne(() => SchoolClass, { nullable: true, deleteRule: 'restrict' })
  schoolClass?: SchoolClass | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lastMessageAt: Opt<Date> = new Date();
}

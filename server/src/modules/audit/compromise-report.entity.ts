import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';

/**
 * R-AUTH-3: a person's credentials leaked as of `since`, reported at `createdAt` by them or by the
 * administration. What the account did between the two instants is disputed until voided.
 */
@Entity({ tableName: 'compromise_report' })
@Index({ name: 'compromise_report_person_idx', properties: ['person', 'createdAt'] })
export class CompromiseReport extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  person!: Person;

  @Property({ type: 'timestamptz' })
  since!: Date;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  reportedBy!: Person;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'integer' })
  sessionsRevoked!: number;
}

import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';

/**
 * A notice from the class teacher to a class's students and parents: a parent meeting, a change
 * of plans (R-MSG-2). Drafts have no `publishedAt`.
 */
@Entity({ tableName: 'announcement' })
@Index({ name: 'announcement_class_idx', properties: ['schoolClass', 'publishedAt'] })
export class Announcement extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => SchoolClass, { deleteRule: 'restrict' })
  schoolClass!: SchoolClass;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  author!: Person;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;
}

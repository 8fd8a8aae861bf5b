import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';

export enum AnnouncementAudience {
  PARENTS = 'PARENTS',
  STUDENTS = 'STUDENTS',
  BOTH = 'BOTH',
}
registerEnumType(AnnouncementAudience, {
  name: 'AnnouncementAudience',
  description: "Who an announcement is for: the class's parents, its students, or both.",
});

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

  /** Chosen by the class teacher; staff of the class see every announcement. */
  @Enum({
    items: () => AnnouncementAudience,
    nativeEnumName: 'announcement_audience',
    default: AnnouncementAudience.BOTH,
  })
  audience: AnnouncementAudience & Opt = AnnouncementAudience.BOTH;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;
}

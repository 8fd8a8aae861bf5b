import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { Subgroup } from './subgroup.entity.js';

/**
 * A student's membership of a subgroup, effective-dated so a move between groups mid-year keeps
 * the history (R-YEAR-5). The range is half-open: `endsOn` is the first day the student is no
 * longer in the group (null: until the group ends). Overlapping memberships of the same student
 * in the same subgroup are refused by an exclusion constraint (see the constraints migration).
 */
@Entity({ tableName: 'subgroup_membership' })
@Index({ name: 'subgroup_membership_subgroup_idx', properties: ['subgroup', 'startsOn'] })
@Index({ name: 'subgroup_membership_student_idx', properties: ['student'] })
@Check({
  name: 'subgroup_membership_dates_check',
  expression: 'ends_on is null or ends_on >= starts_on',
})
@Check({
  name: 'subgroup_membership_no_overlap',
  expression:
    "exclude using gist (subgroup_id with =, student_id with =, daterange(starts_on, ends_on, '[)') with &&)",
})
export class SubgroupMembership extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Subgroup, { deleteRule: 'restrict' })
  subgroup!: Subgroup;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  student!: Person;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn?: string | null;
}

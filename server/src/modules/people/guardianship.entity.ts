import { Check, Entity, Enum, Index, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { Person } from './person.entity.js';

export enum GuardianshipKind {
  MOTHER = 'MOTHER',
  FATHER = 'FATHER',
  GUARDIAN = 'GUARDIAN',
  OTHER = 'OTHER',
}
registerEnumType(GuardianshipKind, {
  name: 'GuardianshipKind',
  description: 'How a parent or legal guardian is related to a student.',
});

/**
 * A parent or legal guardian of a student: what a parent may see is exactly their children's
 * diaries (R-ROLE-8, R-AUTH-4).
 */
@ObjectType({ description: 'A parent or legal guardian of a student.' })
@Entity({ tableName: 'guardianship' })
@Unique({ name: 'guardianship_unique', properties: ['guardian', 'student'] })
@Index({ name: 'guardianship_student_idx', properties: ['student'] })
@Check({ name: 'guardianship_self_check', expression: 'guardian_id <> student_id' })
export class Guardianship extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  guardian!: Person;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  student!: Person;

  @Field(() => GuardianshipKind, { description: 'How the guardian is related to the student.' })
  @Enum({ items: () => GuardianshipKind, nativeEnumName: 'guardianship_kind' })
  kind!: GuardianshipKind;
}

import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { Person } from './person.entity.js';

/** R-ROLE-1..8. Class teacher is not a role: it is a relation of a class. */
export enum Role {
  ADMINISTRATOR = 'ADMINISTRATOR',
  DIRECTOR = 'DIRECTOR',
  DEPUTY = 'DEPUTY',
  RECORDS_CLERK = 'RECORDS_CLERK',
  TEACHER = 'TEACHER',
  STUDENT = 'STUDENT',
  PARENT = 'PARENT',
}
registerEnumType(Role, { name: 'Role', description: 'What a person does in a school.' });

@ObjectType({ description: 'A role a person holds in a school.' })
@Entity({ tableName: 'role_assignment' })
@Unique({ name: 'role_assignment_unique', properties: ['school', 'person', 'role'] })
@Index({ name: 'role_assignment_person_idx', properties: ['person'] })
export class RoleAssignment extends BaseEntity {
  @Field(() => School, { description: 'The school the role is held in.' })
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Person;

  @Field(() => Role, { description: 'The role.' })
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  /** A role is ended, never deleted, so history stays readable. */
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}

import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { Field, ObjectType } from 'type-graphql';

/** A subject of the curriculum (R-YEAR-3), named in the language of instruction (R-JRN-6). */
@ObjectType({ simpleResolvers: true, description: 'A school subject.' })
@Entity({ tableName: 'subject' })
@Unique({ name: 'subject_name_unique', properties: ['school', 'name'] })
export class Subject extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  /** e.g. `Русский язык`. */
  @Field(() => String, { description: 'Full name, e.g. Математика.' })
  @Property({ type: 'text' })
  name!: string;

  /** e.g. `Рус. яз.`: column headers and the diary. */
  @Field(() => String, { description: 'Short name for narrow columns.' })
  @Property({ type: 'text' })
  shortName!: string;
}

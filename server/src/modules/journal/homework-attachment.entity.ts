import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { Homework } from './homework.entity.js';

/** A file attached to homework (R-JRN-1). The bytes live in object storage under `storageKey`. */
@Entity({ tableName: 'homework_attachment' })
@Index({ name: 'homework_attachment_homework_idx', properties: ['homework'] })
@Check({ name: 'homework_attachment_size_check', expression: 'size_bytes >= 0' })
export class HomeworkAttachment extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Homework, { deleteRule: 'cascade' })
  homework!: Homework;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Property({ type: 'text', unique: true })
  storageKey!: string;
}

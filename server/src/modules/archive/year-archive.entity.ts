import { BlobType, type Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear } from '../year/academic-year.entity.js';

/**
 * The archive of a closed year (R-DATA-2), as built by `archiveAcademicYear`: the ZIP itself is
 * kept in the database (bytea), so a backup (R-DATA-1) carries it with the data it proves and no
 * second store needs securing. A year may be archived again (e.g. after a correction); each
 * archive is kept.
 */
@ObjectType({ description: "The archive of a closed year: a ZIP with the year's data and proofs." })
@Entity({ tableName: 'year_archive' })
@Index({ name: 'year_archive_year_idx', properties: ['year', 'createdAt'] })
export class YearArchive extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => AcademicYear, { deleteRule: 'restrict' })
  year!: AcademicYear;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Field(() => String, { description: 'Hex SHA-256 of the ZIP file.' })
  @Property({ type: 'text' })
  sha256!: string;

  @Field(() => Int, { description: 'Size of the ZIP file in bytes.' })
  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Field(() => String, {
    description: "Hex Merkle root over the year's marks, attendance and lessons.",
  })
  @Property({ type: 'text' })
  merkleRoot!: string;

  @Field(() => String, { description: "Hex hash of the school's audit chain when archived." })
  @Property({ type: 'text' })
  auditChainHead!: string;

  /** The ZIP; loaded only for a download. */
  @Property({ type: BlobType, lazy: true })
  content!: Buffer & Opt;

  @Field(() => ID, { description: 'The archived year.' })
  get yearId(): Opt<string> {
    return this.year.id;
  }

  @Field(() => String, {
    description: 'Path of the HTTP download (GET with the bearer token of the administration).',
  })
  get downloadPath(): Opt<string> {
    return `/archives/${this.id}.zip`;
  }
}

import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';

/**
 * Makes batch mutations idempotent: a client that retries after a lost response sends the same
 * `clientMutationId` and gets the stored result instead of applying the batch twice. The key is
 * per operation: an id reused by another operation is another batch, not a retry.
 * Rows may be pruned after a few days.
 */
@Entity({ tableName: 'applied_mutation' })
@Unique({
  name: 'applied_mutation_unique',
  properties: ['actor', 'operation', 'clientMutationId'],
})
export class AppliedMutation extends BaseEntity {
  @ManyToOne(() => School, { nullable: true, deleteRule: 'restrict' })
  school?: School | null;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  actor!: Person;

  @Property({ type: 'text' })
  clientMutationId!: string;

  /** e.g. `setMarks`. */
  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'jsonb' })
  result!: unknown;

  /**
   * SHA-256 of the input as first applied: a "retry" with other input under the same id is a
   * client bug, refused rather than answered with the first batch's result. Null on rows stored
   * before it was kept.
   */
  @Property({ type: 'text', nullable: true })
  inputHash?: string | null;
}

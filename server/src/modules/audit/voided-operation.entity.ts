import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { CompromiseReport } from './compromise-report.entity.js';

/**
 * R-AUTH-3: an operation of the audit trail that has been voided. The trail itself is append-only,
 * so the mark lives here; the unique event id makes voiding one operation twice impossible.
 */
@Entity({ tableName: 'voided_operation' })
export class VoidedOperation extends BaseEntity {
  /** The audit event voided (a plain column, like the trail's own ids). */
  @Property({ type: 'uuid', unique: true })
  auditEventId!: string;

  @ManyToOne(() => CompromiseReport, { deleteRule: 'restrict' })
  report!: CompromiseReport;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  voidedBy!: Person;

  /** The audit event that records the restoration. */
  @Property({ type: 'uuid' })
  voidEventId!: string;
}

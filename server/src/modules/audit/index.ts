export { AuditEvent } from './audit-event.entity.js';
export { recordAudit, type AuditActor, type AuditEntry } from './audit.service.js';

// Versioned migrations, in order. Generated ones are created by `pnpm migration:create` and
// listed here; never edit one that has shipped.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122224446_initial } from './Migration20261122224446_initial.js';
import { Migration20261122224613_constraints } from './Migration20261122224613_constraints.js';
import { Migration20261123013821_digest } from './Migration20261123013821_digest.js';
import { Migration20261130073637_idempotency_key } from './Migration20261130073637_idempotency_key.js';
import { Migration20261130073938_announcement_audience } from './Migration20261130073938_announcement_audience.js';
import { Migration20261130080855_socket_ticket } from './Migration20261130080855_socket_ticket.js';
import { Migration20261130101500_attendance_taken } from './Migration20261130101500_attendance_taken.js';
import { Migration20261130121900_control_indexes } from './Migration20261130121900_control_indexes.js';
import { Migration20261130133000_signin_defences } from './Migration20261130133000_signin_defences.js';
import { Migration20261130101329_year_archive } from './Migration20261130101329_year_archive.js';
import { Migration20261130133000_compromise_report } from './Migration20261130133000_compromise_report.js';
import { Migration20261130140000_api_clients } from './Migration20261130140000_api_clients.js';
import { Migration20261130140000_row_security } from './Migration20261130140000_row_security.js';
import { Migration20261130160000_session_viewer } from './Migration20261130160000_session_viewer.js';
import { Migration20261130170000_row_security_once } from './Migration20261130170000_row_security_once.js';
import { Migration20261130190000_covering_indexes } from './Migration20261130190000_covering_indexes.js';

export const migrations: MigrationObject[] = [
  { name: 'Migration20261122224446_initial', class: Migration20261122224446_initial },
  // Hand-written: exclusion constraints, append-only audit trail, same-school triggers.
  { name: 'Migration20261122224613_constraints', class: Migration20261122224613_constraints },
  { name: 'Migration20261123013821_digest', class: Migration20261123013821_digest },
  {
    name: 'Migration20261130073637_idempotency_key',
    class: Migration20261130073637_idempotency_key,
  },
  {
    name: 'Migration20261130073938_announcement_audience',
    class: Migration20261130073938_announcement_audience,
  },
  { name: 'Migration20261130080855_socket_ticket', class: Migration20261130080855_socket_ticket },
  // Completed by hand: the audit trail's hash chain (trigger, functions, back-fill).
  { name: 'Migration20261130101329_year_archive', class: Migration20261130101329_year_archive },
  {
    name: 'Migration20261130101500_attendance_taken',
    class: Migration20261130101500_attendance_taken,
  },
  {
    name: 'Migration20261130121900_control_indexes',
    class: Migration20261130121900_control_indexes,
  },
  {
    name: 'Migration20261130133000_compromise_report',
    class: Migration20261130133000_compromise_report,
  },
  {
    name: 'Migration20261130133000_signin_defences',
    class: Migration20261130133000_signin_defences,
  },
  // API clients for analytics tools and their request log (issue 8).
  { name: 'Migration20261130140000_api_clients', class: Migration20261130140000_api_clients },
  // Hand-written: row-level security and the application's role (issue 8, defence in depth).
  { name: 'Migration20261130140000_row_security', class: Migration20261130140000_row_security },
  // Hand-written: the viewer of a request in one statement (issue 9).
  { name: 'Migration20261130160000_session_viewer', class: Migration20261130160000_session_viewer },
  // Hand-written: the policies read the row scope once per statement (issue 9).
  {
    name: 'Migration20261130170000_row_security_once',
    class: Migration20261130170000_row_security_once,
  },
  // Journal control's per-lesson mark probes and sign-in checks index-only (issue 9).
  {
    name: 'Migration20261130190000_covering_indexes',
    class: Migration20261130190000_covering_indexes,
  },
];

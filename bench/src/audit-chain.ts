// The audit trail is a hash chain (R-DATA-2, migration year_archive): a BEFORE INSERT trigger
// gives each event its position and hash. The generator loads with triggers off, so it chains the
// generated events itself, afterwards, the way the migration's back-fill does (each school's
// events in the order they happened: occurred_at, created_at, id), and then checks the chain.
//
// The back-fill's SQL (a plpgsql loop updating one row at a time with a recursive plpgsql JCS)
// would take many minutes for 600 000 events; the hashes are computed here with the archive
// module's own `auditEventHash` instead, and a sample is re-hashed by the database's
// `audit_chain.event_hash` to prove both agree to the byte.
import type pg from 'pg';
import {
  AUDIT_EVENT_COLUMNS,
  GENESIS_HASH,
  auditEventHash,
  verifyAuditChain,
  type ChainedAuditEvent,
} from '../../server/src/modules/archive/audit-chain.js';
import { copyRows } from './copy.js';

const BATCH = 50_000;

/** `e` in this chain, written so an index on (school_id, …) serves it. */
const ofChain = (school: string | null) =>
  school === null ? `e.school_id is null and $1::uuid is null` : `e.school_id = $1`;

async function chainKeys(client: pg.ClientBase): Promise<(string | null)[]> {
  const r = await client.query<{ school_id: string | null }>(
    `select distinct school_id from audit_event order by school_id nulls last`,
  );
  return r.rows.map((x) => x.school_id);
}

/** Fills seq, prev_hash and hash of every event; triggers must be off (replica role). */
export async function fillAuditChain(client: pg.ClientBase): Promise<number> {
  await client.query(
    `create temp table chain_fill (id uuid primary key, seq bigint, prev_hash text, hash text)`,
  );
  // The secondary indexes are dropped while loading: without this one, each page below would
  // sort the whole table.
  await client.query(
    `create index chain_fill_order on audit_event (school_id, occurred_at, created_at, id)`,
  );
  let total = 0;
  for (const school of await chainKeys(client)) {
    let prev = GENESIS_HASH;
    let seq = 0n;
    let after: [string, string, string] | null = null;
    for (;;) {
      const page: pg.QueryResult<ChainedAuditEvent & { oa: string; ca: string }> =
        await client.query(
          `select ${AUDIT_EVENT_COLUMNS}, e.occurred_at::text as oa, e.created_at::text as ca
           from audit_event e
          where ${ofChain(school)}
            and ($2::timestamptz is null or (e.occurred_at, e.created_at, e.id) > ($2, $3::timestamptz, $4::uuid))
          order by e.occurred_at, e.created_at, e.id
          limit ${BATCH}`,
          [school, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null],
        );
      if (page.rows.length === 0) {
        break;
      }
      const rows: [string, string, string, string][] = [];
      for (const e of page.rows) {
        seq += 1n;
        const { oa: _oa, ca: _ca, ...event } = e;
        const chained = { ...event, seq: seq.toString(), prevHash: prev };
        prev = auditEventHash(chained);
        rows.push([e.id, chained.seq, chained.prevHash, prev]);
      }
      await copyRows(client, 'chain_fill', ['id', 'seq', 'prev_hash', 'hash'], rows);
      const last: ChainedAuditEvent & { oa: string; ca: string } = page.rows.at(-1)!;
      after = [last.oa, last.ca, last.id];
      total += page.rows.length;
    }
  }
  await client.query(
    `update audit_event e set seq = f.seq, prev_hash = f.prev_hash, hash = f.hash
       from chain_fill f where f.id = e.id`,
  );
  await client.query(`drop table chain_fill`);
  await client.query(`drop index chain_fill_order`);
  return total;
}

/**
 * Checks every chain: read back in position order and checked by the archive module's
 * `verifyAuditChain` (positions, links, hashes), and a sample re-hashed by the trigger's own SQL
 * function, so an event inserted later by the app links to a head the database agrees with.
 */
export async function checkAuditChain(client: pg.ClientBase): Promise<void> {
  const problems: string[] = [];
  for (const school of await chainKeys(client)) {
    let anchor = GENESIS_HASH;
    let from = 0n;
    for (;;) {
      const page = await client.query<ChainedAuditEvent>(
        `select ${AUDIT_EVENT_COLUMNS} from audit_event e
          where ${ofChain(school)} and e.seq > $2
          order by e.seq limit ${BATCH}`,
        [school, from.toString()],
      );
      if (page.rows.length === 0) {
        break;
      }
      const found = verifyAuditChain(page.rows, anchor, (from + 1n).toString());
      problems.push(...found.slice(0, 5).map((p) => `${p.entityId}: ${p.problem} ${p.detail}`));
      anchor = page.rows.at(-1)!.hash;
      from = BigInt(page.rows.at(-1)!.seq);
    }
  }
  const sql = await client.query<{ checked: string; differ: string }>(
    `select count(*) as checked, count(*) filter (where audit_chain.event_hash(e) <> e.hash) as differ
       from audit_event e where e.seq % 500 = 1 or e.seq <= 50`,
  );
  const { checked, differ } = sql.rows[0]!;
  if (Number(differ) > 0) {
    problems.push(`${differ} of ${checked} sampled events hash differently in PostgreSQL`);
  }
  if (problems.length > 0) {
    throw new Error(`generated audit chain is broken:\n${problems.slice(0, 20).join('\n')}`);
  }
}

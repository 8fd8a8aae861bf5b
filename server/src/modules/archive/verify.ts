import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { unzipSync } from 'fflate';
import {
  AUDIT_EVENT_COLUMNS,
  verifyAuditChain,
  type ChainProblem,
  type ChainedAuditEvent,
} from './audit-chain.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import {
  ARCHIVE_FORMAT,
  MANIFEST_PATH,
  recordsMerkleRoot,
  type ArchiveManifest,
} from './year-archive.js';
import { RECORD_SETS, readRecords, type ArchivedRecord, type RecordEntity } from './year-data.js';

/** One thing wrong with an archive or with the database against it. */
export type Finding =
  | { kind: 'format'; detail: string }
  | { kind: 'file'; problem: 'altered' | 'missing' | 'unlisted'; path: string }
  | { kind: 'merkle'; expected: string; actual: string }
  | {
      kind: 'chain';
      where: 'archive' | 'database';
      problem: ChainProblem['problem'] | 'head';
      entityId: string;
      detail: string;
    }
  | {
      kind: 'record';
      problem: 'altered' | 'added' | 'missing';
      entityType: string;
      entityId: string;
    };

/** One line per finding, naming the file or the record (entity type and id). */
export function describeFinding(f: Finding): string {
  switch (f.kind) {
    case 'format':
      return `format: ${f.detail}`;
    case 'file':
      return `file ${f.problem}: ${f.path}`;
    case 'merkle':
      return `merkle root mismatch: manifest ${f.expected}, records give ${f.actual}`;
    case 'chain':
      return `audit chain (${f.where}) ${f.problem}: AuditEvent ${f.entityId} — ${f.detail}`;
    case 'record':
      return `record ${f.problem}: ${f.entityType} ${f.entityId}`;
  }
}

function parseJson<T>(bytes: Uint8Array | undefined): T | undefined {
  if (!bytes) {
    return undefined;
  }
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Records of one kind that differ between the archive and the database, by id. */
function compareRecords(
  entityType: string,
  archived: readonly { id: string }[],
  live: readonly { id: string }[],
): Finding[] {
  const findings: Finding[] = [];
  const then = new Map(archived.map((r) => [r.id, canonicalJson(r)]));
  const now = new Map(live.map((r) => [r.id, canonicalJson(r)]));
  for (const [id, text] of then) {
    const current = now.get(id);
    if (current === undefined) {
      findings.push({ kind: 'record', problem: 'missing', entityType, entityId: id });
    } else if (current !== text) {
      findings.push({ kind: 'record', problem: 'altered', entityType, entityId: id });
    }
  }
  for (const id of now.keys()) {
    if (!then.has(id)) {
      findings.push({ kind: 'record', problem: 'added', entityType, entityId: id });
    }
  }
  return findings;
}

const chainFindings = (where: 'archive' | 'database', problems: ChainProblem[]): Finding[] =>
  problems.map((p) => ({
    kind: 'chain',
    where,
    problem: p.problem,
    entityId: p.entityId,
    detail: p.detail,
  }));

/**
 * Checks an archive file (R-DATA-2): every file against the manifest's SHA-256, the Merkle root
 * against the archived marks, attendance and lessons, and the archived audit chain link by link up
 * to the head the manifest names. With `em`, also the live database against the archive: every
 * record of the year altered, added or missing, the live audit chain over the archived stretch,
 * and that the chain after it still grows from the archived head. No findings: the archive holds.
 */
export async function verifyArchive(
  zip: Uint8Array,
  options: { em?: EntityManager } = {},
): Promise<Finding[]> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (err) {
    return [{ kind: 'format', detail: `not a readable ZIP file (${(err as Error).message})` }];
  }
  const manifest = parseJson<ArchiveManifest>(files[MANIFEST_PATH]);
  if (!manifest || manifest.format !== ARCHIVE_FORMAT || !Array.isArray(manifest.files)) {
    return [{ kind: 'format', detail: `no ${MANIFEST_PATH} of format ${ARCHIVE_FORMAT}` }];
  }
  const findings: Finding[] = [];

  // Files against the manifest.
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    const bytes = files[file.path];
    if (!bytes) {
      findings.push({ kind: 'file', problem: 'missing', path: file.path });
    } else if (sha256Hex(bytes) !== file.sha256) {
      findings.push({ kind: 'file', problem: 'altered', path: file.path });
    }
  }
  for (const path of Object.keys(files)) {
    if (path !== MANIFEST_PATH && !listed.has(path)) {
      findings.push({ kind: 'file', problem: 'unlisted', path });
    }
  }

  // The records and the Merkle root over marks, attendance and lessons.
  const records = {} as Record<RecordEntity, ArchivedRecord[]>;
  for (const set of RECORD_SETS) {
    const rows = parseJson<ArchivedRecord[]>(files[set.file]);
    if (!Array.isArray(rows)) {
      findings.push({ kind: 'format', detail: `${set.file} is not a JSON list of records` });
    }
    records[set.entity] = Array.isArray(rows) ? rows : [];
  }
  const { root } = recordsMerkleRoot(records);
  if (root !== manifest.merkle?.root) {
    findings.push({ kind: 'merkle', expected: String(manifest.merkle?.root), actual: root });
  }

  // The audit chain as archived: linked from the anchor, ending at the head.
  const stretch = manifest.auditChain;
  const audit = parseJson<ChainedAuditEvent[]>(files[stretch?.file ?? '']) ?? [];
  findings.push(
    ...chainFindings('archive', verifyAuditChain(audit, stretch.anchor, stretch.fromSeq)),
  );
  const last = audit.at(-1);
  if (audit.length !== stretch.count || (last ? last.hash : stretch.anchor) !== stretch.head) {
    findings.push({
      kind: 'chain',
      where: 'archive',
      problem: 'head',
      entityId: last?.id ?? '-',
      detail: `the archived chain does not end at the manifest's head ${stretch.head.slice(0, 12)}…`,
    });
  }

  if (options.em) {
    findings.push(...(await verifyDatabase(options.em, manifest, records, audit)));
  }
  return findings;
}

async function verifyDatabase(
  em: EntityManager,
  manifest: ArchiveManifest,
  records: Record<RecordEntity, ArchivedRecord[]>,
  audit: readonly ChainedAuditEvent[],
): Promise<Finding[]> {
  const stretch = manifest.auditChain;
  return em.transactional(
    async (tx) => {
      const findings: Finding[] = [];
      const live = await readRecords(tx, manifest.yearId);
      for (const set of RECORD_SETS) {
        findings.push(...compareRecords(set.entity, records[set.entity], live[set.entity]));
      }
      // The archived stretch as the database holds it now, then the rest of the chain after it.
      const events = await tx.execute<ChainedAuditEvent[]>(
        `select ${AUDIT_EVENT_COLUMNS} from audit_event e
          where e.school_id = ? and e.seq >= ?::bigint order by e.seq`,
        [stretch.schoolId, stretch.count > 0 ? stretch.fromSeq : '1'],
      );
      const within = events.filter(
        (e) => stretch.count > 0 && BigInt(e.seq) <= BigInt(stretch.toSeq),
      );
      const after = events.slice(within.length);
      findings.push(...compareRecords('AuditEvent', audit, within));
      findings.push(
        ...chainFindings('database', verifyAuditChain(within, stretch.anchor, stretch.fromSeq)),
      );
      const tip = within.at(-1);
      findings.push(
        ...chainFindings(
          'database',
          verifyAuditChain(
            after,
            tip ? tip.hash : stretch.head,
            (BigInt(tip?.seq ?? stretch.toSeq) + 1n).toString(),
          ),
        ),
      );
      return findings;
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}

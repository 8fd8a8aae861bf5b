import type { EntityManager } from '@mikro-orm/postgresql';
import { zipSync } from 'fflate';
import { canonicalJson, sha256Hex } from './canonical.js';
import { merkleRoot } from './merkle.js';
import {
  AUDIT_FILE,
  MERKLE_ENTITIES,
  RECORD_SETS,
  readYearData,
  type ArchivedRecord,
  type AuditStretch,
  type RecordEntity,
} from './year-data.js';

export const ARCHIVE_FORMAT = 'classbook-year-archive/1';
export const MANIFEST_PATH = 'manifest.json';

/** One file of the archive. PDF renderers add theirs as entries too (issue 7, printing). */
export interface ArchiveEntry {
  path: string;
  bytes: Uint8Array;
}

/** Adds files to a year's archive, e.g. the journal pages and summary sheets as PDF. */
export type ArchiveContributor = (em: EntityManager, yearId: string) => Promise<ArchiveEntry[]>;

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  yearId: string;
  schoolId: string;
  builtAt: string;
  /** Every file but the manifest itself, by path, with its SHA-256 (hex) and size. */
  files: { path: string; sha256: string; bytes: number }[];
  records: { entity: RecordEntity; file: string; count: number }[];
  merkle: {
    /** How leaves and nodes are hashed: see merkle.ts and `merkleLeaf`. */
    scheme: 'RFC6962-SHA256 over JCS({entity, record}), leaves ordered by record id';
    entities: readonly RecordEntity[];
    leafCount: number;
    root: string;
  };
  auditChain: AuditStretch & { file: string; count: number };
}

/** A Merkle leaf's data: the record's canonical JSON with its kind, so a mark never passes for a lesson. */
export function merkleLeaf(entity: RecordEntity, record: ArchivedRecord): Uint8Array {
  return Buffer.from(canonicalJson({ entity, record }), 'utf8');
}

/** The Merkle root over every mark, attendance and lesson record (R-DATA-2). */
export function recordsMerkleRoot(records: Partial<Record<RecordEntity, ArchivedRecord[]>>): {
  root: string;
  leafCount: number;
} {
  const leaves = MERKLE_ENTITIES.flatMap((entity) =>
    (records[entity] ?? []).map((record) => ({ id: record.id, data: merkleLeaf(entity, record) })),
  ).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { root: merkleRoot(leaves.map((l) => l.data)), leafCount: leaves.length };
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

export interface BuiltArchive {
  zip: Uint8Array;
  manifest: ArchiveManifest;
  entries: ArchiveEntry[];
}

/**
 * The archive of a year (R-DATA-2): its records as JSON, the stretch of the school's audit chain
 * that concerns it, whatever the contributors add (PDFs), and a manifest with every file's
 * SHA-256, the Merkle root over marks, attendance and lessons, and the audit chain's head.
 * Whether the year must be closed is the caller's decision (the service insists; a test or an
 * operator may archive an open year to look at it).
 */
export async function buildYearArchive(
  em: EntityManager,
  yearId: string,
  contributors: readonly ArchiveContributor[] = [],
): Promise<BuiltArchive> {
  const data = await readYearData(em, yearId);
  const entries: ArchiveEntry[] = RECORD_SETS.map((set) => ({
    path: set.file,
    bytes: json(data.records[set.entity]),
  }));
  entries.push({ path: AUDIT_FILE, bytes: json(data.audit) });
  for (const contribute of contributors) {
    entries.push(...(await contribute(em, yearId)));
  }
  const paths = new Set<string>();
  for (const entry of entries) {
    if (entry.path === MANIFEST_PATH || paths.has(entry.path)) {
      throw new Error(`archive entry ${entry.path} given twice`);
    }
    paths.add(entry.path);
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  const { root, leafCount } = recordsMerkleRoot(data.records);
  const builtAt = new Date();
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    yearId,
    schoolId: data.schoolId,
    builtAt: builtAt.toISOString(),
    files: entries.map((e) => ({
      path: e.path,
      sha256: sha256Hex(e.bytes),
      bytes: e.bytes.length,
    })),
    records: RECORD_SETS.map((set) => ({
      entity: set.entity,
      file: set.file,
      count: data.records[set.entity].length,
    })),
    merkle: {
      scheme: 'RFC6962-SHA256 over JCS({entity, record}), leaves ordered by record id',
      entities: MERKLE_ENTITIES,
      leafCount,
      root,
    },
    auditChain: { ...data.stretch, file: AUDIT_FILE, count: data.audit.length },
  };
  const all = [...entries, { path: MANIFEST_PATH, bytes: json(manifest) }];
  const zip = zipSync(Object.fromEntries(all.map((e) => [e.path, [e.bytes, { mtime: builtAt }]])), {
    level: 6,
  });
  return { zip, manifest, entries: all };
}

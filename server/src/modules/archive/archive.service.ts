import type { EntityManager } from '@mikro-orm/postgresql';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit } from '../audit/index.js';
import { yearDocuments } from '../documents/archive-documents.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { yearFor } from '../year/structure.service.js';
import { requireAdministration } from '../year/year-access.js';
import { sha256Hex } from './canonical.js';
import { buildYearArchive, type ArchiveContributor } from './year-archive.js';
import { YearArchive } from './year-archive.entity.js';
import type { ArchiveAcademicYearInput } from './year-end.inputs.js';

/**
 * What else goes into a year's archive besides its data: the journal pages, summary sheets and
 * reports as PDF (and the reports as JSON), made as the school's administration (issue 7).
 */
export const yearArchiveContributors: ArchiveContributor[] = [yearDocuments];

/**
 * Builds the archive of a closed year and keeps it (R-DATA-2), audited. The data is read in one
 * snapshot before the archive is stored; the year being closed, it cannot change meanwhile except
 * by an audited correction, which `archive:verify --database` would then name.
 */
export async function archiveAcademicYear(
  em: EntityManager,
  viewer: Viewer,
  input: ArchiveAcademicYearInput,
): Promise<YearArchive> {
  const year = await yearFor(em, viewer, input.yearId, 'yearId');
  requireAdministration(viewer, year.school.id, 'yearId');
  if (!year.closedAt) {
    throw badInput('yearId', 'archive.yearNotClosed');
  }
  const built = await buildYearArchive(em, year.id, yearArchiveContributors);
  const zip = Buffer.from(built.zip);
  return em.transactional(async (tx) => {
    const archive = tx.create(YearArchive, {
      school: year.school.id,
      year: year.id,
      createdBy: viewer.personId,
      sha256: sha256Hex(zip),
      sizeBytes: zip.length,
      merkleRoot: built.manifest.merkle.root,
      auditChainHead: built.manifest.auditChain.head,
      content: zip,
    });
    tx.persist(archive);
    recordAudit(
      tx,
      { personId: viewer.personId, sessionId: viewer.sessionId },
      {
        schoolId: year.school.id,
        entityType: 'YearArchive',
        entityId: archive.id,
        action: 'create',
        after: {
          yearId: year.id,
          sha256: archive.sha256,
          merkleRoot: archive.merkleRoot,
          auditChainHead: archive.auditChainHead,
          auditChainToSeq: built.manifest.auditChain.toSeq,
        },
      },
    );
    await tx.flush();
    return archive;
  });
}

/** The archives kept of a year, newest first; the administration of its school only. */
export async function yearArchives(
  em: EntityManager,
  viewer: Viewer,
  yearIdInput: string,
): Promise<YearArchive[]> {
  const year = await yearFor(em, viewer, yearIdInput, 'yearId');
  requireAdministration(viewer, year.school.id, 'yearId');
  return em.find(YearArchive, { year }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/**
 * An archive's ZIP for download: the administration of its school. Others get NOT_FOUND, like an
 * id that does not exist; the school's other staff FORBIDDEN (STYLE: permissions).
 */
export async function archiveContent(
  em: EntityManager,
  viewer: Viewer,
  archiveIdInput: string,
): Promise<{ archive: YearArchive; year: AcademicYear; content: Buffer }> {
  const archive = await em.findOne(YearArchive, requireId(archiveIdInput, 'archiveId'), {
    populate: ['content'],
  });
  if (!archive || !viewer.schoolIds().includes(archive.school.id)) {
    throw notFound('archiveId');
  }
  if (!viewer.hasRole(archive.school.id, ...ADMINISTRATION)) {
    throw forbidden();
  }
  const year = await em.findOneOrFail(AcademicYear, archive.year.id);
  return { archive, year, content: archive.content };
}

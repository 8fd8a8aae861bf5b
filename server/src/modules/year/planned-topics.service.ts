import type { EntityManager } from '@mikro-orm/postgresql';
import { journalPageAccess, PageAccess } from '../../auth/access.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import type { Locale } from '../../core/messages.js';
import { describeProblems, fileHasProblems, readUploadedTable } from '../../core/table-file.js';
import { PlannedTopic } from './planned-topic.entity.js';
import { MAX_HOURS, MAX_TITLE, MAX_TOPICS, readPlan, type PlanRow } from './planned-topics-file.js';
import { AcademicYear } from './academic-year.entity.js';
import { requiredText, requireYearOpen } from './structure.service.js';
import { TeachingAssignment } from './teaching-assignment.entity.js';
import { audit } from './year-access.js';
import type {
  ImportPlannedTopicsInput,
  PlannedTopicInput,
  SetPlannedTopicsInput,
} from './year.inputs.js';

/**
 * The page, if the viewer may read it (NOT_FOUND otherwise); with `write`, only its teacher or the
 * school's administration, the others who read it get FORBIDDEN.
 */
async function pageFor(tx: EntityManager, viewer: Viewer, id: string, write: boolean) {
  const assignmentId = requireId(id, 'assignmentId');
  const access = (await journalPageAccess(tx, viewer, [assignmentId])).get(assignmentId);
  if (!access) {
    throw notFound('assignmentId');
  }
  const assignment = await tx.findOneOrFail(TeachingAssignment, assignmentId);
  const administers = viewer.hasRole(assignment.school.id, ...ADMINISTRATION);
  if (write && access !== PageAccess.KEEP && !administers) {
    throw forbidden();
  }
  if (write) {
    // R-DATA-2: a closed year's plan is as final as its journal.
    requireYearOpen(await tx.findOneOrFail(AcademicYear, assignment.year.id), 'assignmentId');
  }
  return assignment;
}

export async function plannedTopics(em: EntityManager, viewer: Viewer, assignmentId: string) {
  const assignment = await pageFor(em, viewer, assignmentId, false);
  return em.find(PlannedTopic, { assignment }, { orderBy: { position: 'asc' } });
}

const topicSnapshot = (t: PlannedTopic) => ({
  assignmentId: t.assignment.id,
  position: t.position,
  title: t.title,
  plannedHours: t.plannedHours,
});

/**
 * Makes the page's plan exactly `rows`, matched by position: a line that changed is updated in
 * place, so lessons that cover it keep pointing at it; lines past the end are removed (their
 * lessons keep the topic text they were recorded with).
 */
async function replacePlan(
  tx: EntityManager,
  viewer: Viewer,
  assignment: TeachingAssignment,
  rows: PlanRow[],
) {
  const existing = await tx.find(PlannedTopic, { assignment }, { orderBy: { position: 'asc' } });
  const byPosition = new Map(existing.map((t) => [t.position, t]));
  const log = (t: PlannedTopic, action: string, before: object | null, after: object | null) =>
    audit(tx, viewer, {
      schoolId: assignment.school.id,
      entityType: 'PlannedTopic',
      entityId: t.id,
      action,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
    });
  for (const row of rows) {
    const topic = byPosition.get(row.position);
    if (!topic) {
      const created = tx.create(PlannedTopic, { school: assignment.school, assignment, ...row });
      tx.persist(created);
      log(created, 'create', null, topicSnapshot(created));
    } else if (topic.title !== row.title || topic.plannedHours !== row.plannedHours) {
      const before = topicSnapshot(topic);
      topic.title = row.title;
      topic.plannedHours = row.plannedHours;
      log(topic, 'update', before, topicSnapshot(topic));
    }
  }
  for (const topic of existing.filter((t) => t.position > rows.length)) {
    log(topic, 'delete', topicSnapshot(topic), null);
    tx.remove(topic);
  }
  await tx.flush();
  return tx.find(PlannedTopic, { assignment }, { orderBy: { position: 'asc' } });
}

function topicRows(topics: PlannedTopicInput[]): PlanRow[] {
  if (topics.length > MAX_TOPICS) {
    throw badInput('topics', 'import.tooManyRows', { max: MAX_TOPICS });
  }
  return topics.map((t, i) => {
    const plannedHours = t.plannedHours ?? 1;
    if (!Number.isInteger(plannedHours) || plannedHours < 1 || plannedHours > MAX_HOURS) {
      throw badInput(`topics[${i}].plannedHours`, 'import.hours', { max: MAX_HOURS });
    }
    return {
      position: i + 1,
      title: requiredText(t.title, `topics[${i}].title`, MAX_TITLE),
      plannedHours,
    };
  });
}

/** Replaces a page's calendar-thematic plan (R-JRN-1: lesson topics are picked from it). */
export async function setPlannedTopics(
  em: EntityManager,
  viewer: Viewer,
  input: SetPlannedTopicsInput,
) {
  return em.transactional(async (tx) => {
    const assignment = await pageFor(tx, viewer, input.assignmentId, true);
    return replacePlan(tx, viewer, assignment, topicRows(input.topics));
  });
}

/**
 * Reads a plan file. A dry run reports every problem and writes nothing; a real run writes the
 * whole plan or, if any row has a problem, nothing at all (and answers BAD_USER_INPUT with the
 * problems).
 */
export async function importPlannedTopics(
  em: EntityManager,
  viewer: Viewer,
  input: ImportPlannedTopicsInput,
  locale: Locale,
) {
  return em.transactional(async (tx) => {
    const assignment = await pageFor(tx, viewer, input.assignmentId, true);
    const table = await readUploadedTable(input.fileBase64, input.format, 'fileBase64');
    const { rows, problems: found } = readPlan(table);
    const problems = describeProblems(found, locale);
    if (input.dryRun || problems.length > 0) {
      if (!input.dryRun) {
        throw fileHasProblems('fileBase64', problems);
      }
      return { dryRun: true, written: false, problems, rows, topics: [] };
    }
    const topics = await replacePlan(tx, viewer, assignment, rows);
    return { dryRun: false, written: true, problems, rows, topics };
  });
}

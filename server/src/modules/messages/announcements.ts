import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { uuidArray } from '../../auth/access.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit } from '../audit/index.js';
import { todayIn } from '../journal/audience.js';
import { optionalText } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { School } from '../school/school.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Announcement, AnnouncementAudience } from './announcement.entity.js';

/** Announcements of a class: published to the class's parents and students (R-MSG-2). */
export const ANNOUNCEMENT_PUBLISHED = 'messages.announcementPublished';

@ObjectType({ description: 'A notice to a class: a parent meeting, a change of plans (R-MSG-2).' })
export class ClassAnnouncement {
  @Field(() => ID, { description: 'The announcement.' })
  id!: string;

  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { description: 'Text.' })
  body!: string;

  @Field(() => AnnouncementAudience, { description: 'For parents, students, or both.' })
  audience!: AnnouncementAudience;

  @Field(() => Person, { description: 'Who published it.' })
  author!: Person;

  @Field(() => Date, { description: 'When it was published.' })
  publishedAt!: Date;
}

@InputType({ description: 'A notice to the parents and students of a class.' })
export class PublishAnnouncementInput {
  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => String, { description: 'Title, up to 200 characters.' })
  title!: string;

  @Field(() => String, { description: 'Text, up to 5000 characters.' })
  body!: string;

  @Field(() => AnnouncementAudience, {
    nullable: true,
    description: 'Who it is for; default both parents and students.',
  })
  audience?: AnnouncementAudience | null;
}

const EVERYONE = [
  AnnouncementAudience.PARENTS,
  AnnouncementAudience.STUDENTS,
  AnnouncementAudience.BOTH,
];

export interface ClassReach {
  schoolId: string;
  /** Class teacher or administration. */
  publish: boolean;
  read: boolean;
  /** The audiences whose announcements the viewer reads: staff all, a family its own. */
  audiences: AnnouncementAudience[];
}

/**
 * How the viewer stands to a class: may publish (class teacher, administration), may read, and
 * which announcements: staff of the class every one, a student those for students, a parent those
 * for parents (both, for someone who is both).
 */
export async function classReach(
  em: EntityManager,
  viewer: Viewer,
  schoolClassId: string,
): Promise<ClassReach | null> {
  const rows = await em.execute<
    {
      school_id: string;
      class_teacher_id: string | null;
      teaches: boolean;
      student: boolean;
      guardian: boolean;
    }[]
  >(
    `select c.school_id, c.class_teacher_id,
            exists (select 1 from teaching_assignment a
                     where a.school_class_id = c.id and a.teacher_id = ?) as teaches,
            exists (select 1 from enrolment e
                     where e.school_class_id = c.id and e.student_id = ?
                       and e.starts_on <= current_date
                       and (e.ends_on is null or e.ends_on > current_date)) as student,
            exists (select 1 from enrolment e
                     where e.school_class_id = c.id
                       and e.starts_on <= current_date
                       and (e.ends_on is null or e.ends_on > current_date)
                       and e.student_id in
                             (select student_id from guardianship where guardian_id = ?)) as guardian
       from school_class c where c.id = any(?::uuid[])`,
    [viewer.personId, viewer.personId, viewer.personId, uuidArray([schoolClassId])],
  );
  const row = rows[0];
  if (!row) {
    return null;
  }
  const administers = viewer.hasRole(row.school_id, ...ADMINISTRATION);
  const leads =
    row.class_teacher_id === viewer.personId && viewer.hasRole(row.school_id, Role.TEACHER);
  const publish = administers || leads;
  const staff = publish || (row.teaches && viewer.hasRole(row.school_id, Role.TEACHER));
  const audiences = staff
    ? EVERYONE
    : [
        ...(row.student && viewer.hasRole(row.school_id, Role.STUDENT)
          ? [AnnouncementAudience.STUDENTS]
          : []),
        ...(row.guardian && viewer.hasRole(row.school_id, Role.PARENT)
          ? [AnnouncementAudience.PARENTS]
          : []),
      ];
  if (audiences.length === 0) {
    return null;
  }
  if (!staff) {
    audiences.push(AnnouncementAudience.BOTH);
  }
  return { schoolId: row.school_id, publish, read: true, audiences };
}

const toView = (a: Announcement): ClassAnnouncement => ({
  id: a.id,
  schoolClassId: a.schoolClass.id,
  title: a.title,
  body: a.body,
  audience: a.audience,
  author: a.author,
  publishedAt: a.publishedAt!,
});

export async function classAnnouncements(
  em: EntityManager,
  viewer: Viewer,
  schoolClassIdInput: string,
): Promise<ClassAnnouncement[]> {
  const schoolClassId = requireId(schoolClassIdInput, 'schoolClassId');
  const reach = await classReach(em, viewer, schoolClassId);
  if (!reach) {
    throw notFound('schoolClassId');
  }
  const rows = await em.find(
    Announcement,
    { schoolClass: schoolClassId, publishedAt: { $ne: null }, audience: { $in: reach.audiences } },
    { populate: ['author'], orderBy: { publishedAt: 'desc' }, limit: 100 },
  );
  return rows.map(toView);
}

/** The class teacher (or the administration) publishes a notice to the class; audited. */
export async function publishAnnouncement(
  em: EntityManager,
  viewer: Viewer,
  input: PublishAnnouncementInput,
): Promise<ClassAnnouncement> {
  const schoolClassId = requireId(input.schoolClassId, 'schoolClassId');
  const title = optionalText(input.title, 'title', 200);
  const body = optionalText(input.body, 'body', 5000);
  const audience = input.audience ?? AnnouncementAudience.BOTH;
  return em.transactional(async (tx) => {
    const reach = await classReach(tx, viewer, schoolClassId);
    if (!reach) {
      throw notFound('schoolClassId');
    }
    if (!reach.publish) {
      throw forbidden();
    }
    if (!title) {
      throw badInput('title', 'messages.emptySubject');
    }
    if (!body) {
      throw badInput('body', 'messages.emptyBody');
    }
    const school = await tx.findOneOrFail(School, reach.schoolId);
    const announcement = tx.create(Announcement, {
      school,
      schoolClass: tx.getReference(SchoolClass, schoolClassId),
      author: tx.getReference(Person, viewer.personId),
      title,
      body,
      audience,
      publishedAt: new Date(),
    });
    tx.persist(announcement);
    recordAudit(
      tx,
      { personId: viewer.personId, sessionId: viewer.sessionId },
      {
        schoolId: school.id,
        entityType: 'Announcement',
        entityId: announcement.id,
        action: 'publish',
        after: { schoolClassId, title, audience, on: todayIn(school.timeZone) },
      },
    );
    await tx.flush();
    await tx.populate(announcement, ['author']);
    return toView(announcement);
  });
}

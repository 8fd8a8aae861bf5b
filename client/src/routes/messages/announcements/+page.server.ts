import { fail } from '@sveltejs/kit';
import type { ApolloClient } from '@apollo/client/core';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import type { AnnouncementAudience, Role } from '#lib/graphql/graphql.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { loadFailed, mailApi, refusalOf, requireViewer } from '../mail.server.ts';
import { personName, todayIn } from '../mail.ts';
import type { Actions, PageServerLoad } from './$types';

const MyStudentsClassesQuery = graphql(`
  query AnnouncementStudents {
    myStudents {
      id
      lastName
      firstName
      middleName
    }
  }
`);

const StudentClassesQuery = graphql(`
  query AnnouncementStudentClasses($studentId: ID!) {
    enrolmentHistory(studentId: $studentId) {
      id
      startsOn
      endsOn
      schoolClass {
        id
        name
      }
    }
  }
`);

const TaughtClassesQuery = graphql(`
  query AnnouncementTaughtClasses {
    myJournalPages {
      id
      schoolClass {
        id
        name
      }
    }
  }
`);

const SchoolYearsQuery = graphql(`
  query AnnouncementYears($schoolId: ID!) {
    academicYears(schoolId: $schoolId) {
      id
      startsOn
      endsOn
    }
  }
`);

const YearClassesQuery = graphql(`
  query AnnouncementYearClasses($yearId: ID!) {
    schoolClasses(yearId: $yearId) {
      id
      name
      classTeacher {
        id
      }
    }
  }
`);

const ClassAnnouncementsQuery = graphql(`
  query ClassAnnouncements($schoolClassId: ID!) {
    classAnnouncements(schoolClassId: $schoolClassId) {
      id
      title
      body
      audience
      publishedAt
      author {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

const PublishAnnouncementMutation = graphql(`
  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {
    publishAnnouncement(input: $input) {
      id
    }
  }
`);

/** A class whose announcements the viewer reads; `publish` for its class teacher and the office. */
interface MailClass {
  id: string;
  name: string;
  /** For a parent: whose class it is. */
  note: string | null;
  publish: boolean;
}

const OFFICE: readonly Role[] = ['DIRECTOR', 'DEPUTY', 'ADMINISTRATOR'];

/**
 * The classes of the viewer now: their children's or their own (families), those they teach or
 * lead (teachers), every class of the year (the administration). The API has no one query for
 * this, so it is put together from the ones each role may ask.
 */
async function classesOf(
  api: ApolloClient,
  viewer: NonNullable<App.Locals['viewer']>,
  timeZone: string,
): Promise<MailClass[]> {
  const today = todayIn(timeZone);
  const roles = new Set(viewer.roles.map((r) => r.role));
  const found = new Map<string, MailClass>();
  const add = (c: MailClass) => {
    const known = found.get(c.id);
    found.set(c.id, known ? { ...known, publish: known.publish || c.publish } : c);
  };

  if (roles.has('PARENT') || roles.has('STUDENT')) {
    const { data } = await api.query({ query: MyStudentsClassesQuery });
    const histories = await Promise.all(
      data.myStudents.map((student) =>
        api.query({ query: StudentClassesQuery, variables: { studentId: student.id } }),
      ),
    );
    data.myStudents.forEach((student, i) => {
      for (const e of histories[i]!.data.enrolmentHistory) {
        if (
          e.startsOn <= today &&
          (e.endsOn === null || e.endsOn === undefined || e.endsOn > today)
        ) {
          add({
            id: e.schoolClass.id,
            name: e.schoolClass.name,
            note: student.id === viewer.person.id ? null : personName(student),
            publish: false,
          });
        }
      }
    });
  }

  if (roles.has('TEACHER')) {
    const { data } = await api.query({ query: TaughtClassesQuery });
    for (const page of data.myJournalPages) {
      add({ id: page.schoolClass.id, name: page.schoolClass.name, note: null, publish: false });
    }
  }

  const staffSchools = [
    ...new Set(
      viewer.roles
        .filter((r) => r.role === 'TEACHER' || OFFICE.includes(r.role))
        .map((r) => r.school.id),
    ),
  ];
  for (const schoolId of staffSchools) {
    const office = viewer.roles.some((r) => r.school.id === schoolId && OFFICE.includes(r.role));
    const { data } = await api.query({ query: SchoolYearsQuery, variables: { schoolId } });
    const year =
      data.academicYears.find((y) => y.startsOn <= today && today <= y.endsOn) ??
      data.academicYears[0];
    if (!year) {
      continue;
    }
    const classes = await api.query({ query: YearClassesQuery, variables: { yearId: year.id } });
    for (const c of classes.data.schoolClasses) {
      const leads = c.classTeacher?.id === viewer.person.id;
      if (office || leads) {
        add({ id: c.id, name: c.name, note: null, publish: true });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru', { numeric: true }));
}

export const load: PageServerLoad = async ({ locals, request, url, parent, depends }) => {
  const viewer = requireViewer(locals);
  depends('mail:announcements');
  const { timeZone } = await parent();
  const api = mailApi(locals, request);
  try {
    const classes = await classesOf(api, viewer, timeZone);
    const selected =
      classes.find((c) => c.id === url.searchParams.get('class')) ?? classes[0] ?? null;
    if (!selected) {
      return { classes, selected, announcements: [] };
    }
    const { data } = await api.query({
      query: ClassAnnouncementsQuery,
      variables: { schoolClassId: selected.id },
    });
    return { classes, selected, announcements: data.classAnnouncements };
  } catch (thrown) {
    return loadFailed(thrown, locals.locale);
  }
};

const AUDIENCES: readonly AnnouncementAudience[] = ['PARENTS', 'STUDENTS', 'BOTH'];

export const actions: Actions = {
  default: async ({ locals, request }) => {
    requireViewer(locals);
    const t = messagesFor(locals.locale);
    const form = await request.formData();
    const audienceField = textField(form, 'audience');
    const values = {
      schoolClassId: textField(form, 'schoolClassId'),
      title: textField(form, 'title'),
      body: textField(form, 'body'),
      audience: (AUDIENCES as readonly string[]).includes(audienceField)
        ? (audienceField as AnnouncementAudience)
        : 'BOTH',
    };
    const missing = !values.title.trim()
      ? { field: 'title', error: t.errors.required }
      : !values.body.trim()
        ? { field: 'body', error: t.errors.required }
        : null;
    if (missing) {
      return fail(400, { ...values, ...missing });
    }
    try {
      await mailApi(locals, request).mutate({
        mutation: PublishAnnouncementMutation,
        variables: { input: values },
      });
    } catch (thrown) {
      return fail(400, { ...values, ...refusalOf(thrown, locals.locale, 'publishAnnouncement') });
    }
    return { published: true };
  },
};

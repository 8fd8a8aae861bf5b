import { redirect } from '@sveltejs/kit';
import { graphql } from '#lib/graphql/index.ts';
import { apiFor, diaryFailure } from './diary.server.ts';
import { scaleOf, todayIn } from './format.ts';
import type { LayoutServerLoad } from './$types';

const DiaryContextQuery = graphql(`
  query DiaryContext {
    myStudents {
      id
      lastName
      firstName
      middleName
    }
    me {
      roles {
        id
        role
        school {
          id
          gradingScale
          timeZone
        }
      }
    }
  }
`);

/**
 * What both diary pages need: whose diaries the person may open (themself as a student, their
 * children as a parent), which of them is open (`?student=`, else the first), the school's mark
 * scale and today's date in school time.
 */
export const load: LayoutServerLoad = async ({ locals, request, url }) => {
  if (!locals.viewer) {
    redirect(303, '/signin');
  }
  let data;
  try {
    ({ data } = await apiFor(locals, request).query({ query: DiaryContextQuery }));
  } catch (thrown) {
    diaryFailure(thrown, locals, 'reading the diary context');
  }
  const roles = data.me?.roles ?? [];
  // The school of a diary role first: a teacher who is also a parent reads marks on the scale of
  // the school where the child studies.
  const school = (roles.find((r) => r.role === 'STUDENT' || r.role === 'PARENT') ?? roles[0])
    ?.school;
  return {
    selfId: locals.viewer.person.id,
    students: data.myStudents,
    studentId: url.searchParams.get('student') ?? data.myStudents[0]?.id ?? null,
    scale: scaleOf(school?.gradingScale ?? 'FIVE_POINT'),
    today: todayIn(school?.timeZone ?? 'Europe/Moscow'),
  };
};

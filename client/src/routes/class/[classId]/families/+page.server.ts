import { fail } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { isoToday } from '../../classes.server.ts';
import type { Actions, PageServerLoad } from './$types';

// Personal data is the class teacher's to read for their students (R-AUTH-4); a parent's own is
// not, and the API answers null there, which the page shows as "not given".
const ClassFamiliesQuery = graphql(`
  query ClassroomFamilies($schoolClassId: ID!, $on: String!) {
    classRoster(schoolClassId: $schoolClassId, on: $on) {
      id
      startsOn
      student {
        id
        lastName
        firstName
        middleName
        personalData {
          birthDate
          phone
          email
          guardians {
            id
            kind
            guardian {
              id
              lastName
              firstName
              middleName
              personalData {
                phone
                email
              }
            }
          }
        }
      }
    }
  }
`);

const IssueInvitationMutation = graphql(`
  mutation ClassroomIssueInvitation($input: IssueInvitationInput!) {
    issueInvitation(input: $input) {
      code
      expiresAt
      role
      person {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

const apiFor = (locals: App.Locals, request: Request) =>
  createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });

export const load: PageServerLoad = async ({ locals, parent, request }) => {
  const { schoolClass } = await parent();
  const { data } = await apiFor(locals, request).query({
    query: ClassFamiliesQuery,
    variables: { schoolClassId: schoolClass.id, on: isoToday() },
  });
  return { roster: data.classRoster };
};

export const actions: Actions = {
  // R-AUTH-1: a one-time code for a student or parent of the class, handed over on paper.
  invite: async ({ locals, request }) => {
    const form = await request.formData();
    const personId = textField(form, 'personId');
    const schoolId = textField(form, 'schoolId');
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: IssueInvitationMutation,
        variables: { input: { personId, schoolId: schoolId || null } },
      });
      return { invitation: data.issueInvitation };
    } catch (thrown) {
      const apiError = apiErrorOf(thrown);
      if (!apiError) {
        console.error('classbook: issueInvitation failed', thrown);
      }
      return fail(apiError?.code === 'FORBIDDEN' ? 403 : 400, {
        personId,
        error: apiError?.message ?? messagesFor(locals.locale).errors.unexpected,
      });
    }
  },
};

import { fail, redirect } from '@sveltejs/kit';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { loadFailed, mailApi, refusalOf, requireViewer } from '../mail.server.ts';
import type { Actions, PageServerLoad } from './$types';

const RecipientsQuery = graphql(`
  query MessageRecipients($schoolId: ID) {
    messageRecipients(schoolId: $schoolId) {
      roles
      person {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

const StartThreadMutation = graphql(`
  mutation StartThread($input: StartThreadInput!) {
    startThread(input: $input) {
      id
    }
  }
`);

/** The viewer's schools, once each: a person in several picks where to write. */
function schoolsOf(viewer: NonNullable<App.Locals['viewer']>) {
  const seen = new Map<string, string>();
  for (const { school } of viewer.roles) {
    seen.set(school.id, school.name);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

export const load: PageServerLoad = async ({ locals, request, url }) => {
  const viewer = requireViewer(locals);
  const schools = schoolsOf(viewer);
  const asked = url.searchParams.get('school');
  const schoolId = schools.find((s) => s.id === asked)?.id ?? schools[0]?.id ?? null;
  if (!schoolId) {
    return { schools, schoolId, recipients: [], preselected: [] };
  }
  try {
    const { data } = await mailApi(locals, request).query({
      query: RecipientsQuery,
      variables: { schoolId },
    });
    return {
      schools,
      schoolId,
      recipients: data.messageRecipients,
      preselected: url.searchParams.getAll('to'),
    };
  } catch (thrown) {
    return loadFailed(thrown, locals.locale);
  }
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const viewer = requireViewer(locals);
    const t = messagesFor(locals.locale);
    const form = await request.formData();
    const values = {
      schoolId: textField(form, 'schoolId'),
      recipientIds: form.getAll('to').filter((v): v is string => typeof v === 'string'),
      subject: textField(form, 'subject'),
      body: textField(form, 'body'),
    };
    const missing = !values.recipientIds.length
      ? { field: 'recipientIds', error: t.mail.pickRecipient }
      : !values.subject.trim()
        ? { field: 'subject', error: t.errors.required }
        : !values.body.trim()
          ? { field: 'body', error: t.errors.required }
          : null;
    if (missing) {
      return fail(400, { ...values, ...missing });
    }
    let threadId: string;
    try {
      const { data } = await mailApi(locals, request).mutate({
        mutation: StartThreadMutation,
        variables: {
          input: {
            schoolId: values.schoolId || (viewer.roles[0]?.school.id ?? null),
            recipientIds: values.recipientIds,
            subject: values.subject,
            body: values.body,
          },
        },
      });
      threadId = data.startThread.id;
    } catch (thrown) {
      const refusal = refusalOf(thrown, locals.locale, 'startThread');
      // recipientIds[3] → the recipients fieldset: one place for every recipient error.
      const field = refusal.field?.replace(/\[\d+\]$/, '') ?? null;
      return fail(400, { ...values, error: refusal.error, field });
    }
    redirect(303, `/messages/${threadId}`);
  },
};

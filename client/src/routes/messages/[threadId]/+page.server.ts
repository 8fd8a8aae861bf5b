import { fail } from '@sveltejs/kit';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { loadFailed, mailApi, refusalOf, requireViewer } from '../mail.server.ts';
import type { Actions, PageServerLoad } from './$types';

const ThreadQuery = graphql(`
  query Thread($threadId: ID!) {
    thread(threadId: $threadId) {
      id
      subject
      unreadCount
      overdue
      awaitingReplySince
      participants {
        id
        lastName
        firstName
        middleName
      }
      messages {
        id
        body
        sentAt
        author {
          id
          lastName
          firstName
          middleName
        }
      }
    }
  }
`);

const SendMessageMutation = graphql(`
  mutation SendMessage($threadId: ID!, $body: String!) {
    sendMessage(threadId: $threadId, body: $body) {
      id
    }
  }
`);

export const load: PageServerLoad = async ({ locals, request, params, depends }) => {
  requireViewer(locals);
  depends('mail:thread');
  try {
    const { data } = await mailApi(locals, request).query({
      query: ThreadQuery,
      variables: { threadId: params.threadId },
    });
    return { thread: data.thread };
  } catch (thrown) {
    return loadFailed(thrown, locals.locale);
  }
};

export const actions: Actions = {
  reply: async ({ locals, request, params }) => {
    requireViewer(locals);
    const body = textField(await request.formData(), 'body');
    if (!body.trim()) {
      return fail(400, { body, error: messagesFor(locals.locale).errors.required, field: 'body' });
    }
    try {
      await mailApi(locals, request).mutate({
        mutation: SendMessageMutation,
        variables: { threadId: params.threadId, body },
      });
    } catch (thrown) {
      return fail(400, { body, ...refusalOf(thrown, locals.locale, 'sendMessage') });
    }
    return { sent: true };
  },
};

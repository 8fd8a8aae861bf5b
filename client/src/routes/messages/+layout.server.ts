import { graphql } from '#lib/graphql/index.ts';
import { loadFailed, mailApi, requireViewer } from './mail.server.ts';
import type { LayoutServerLoad } from './$types';

const InboxQuery = graphql(`
  query Inbox {
    myThreads {
      id
      subject
      lastMessageAt
      unreadCount
      overdue
      awaitingReplySince
      participants {
        id
        lastName
        firstName
        middleName
      }
    }
    me {
      roles {
        id
        school {
          id
          timeZone
        }
      }
    }
  }
`);

export const load: LayoutServerLoad = async ({ locals, request, depends }) => {
  const viewer = requireViewer(locals);
  // The inbox and the unread counter of every mail page. Live events re-run this load
  // (invalidate('mail:inbox')) rather than patch the list, so counts stay the server's.
  depends('mail:inbox');
  try {
    const { data } = await mailApi(locals, request).query({ query: InboxQuery });
    return {
      meId: viewer.person.id,
      threads: data.myThreads,
      timeZone: data.me?.roles[0]?.school.timeZone ?? 'UTC',
    };
  } catch (thrown) {
    return loadFailed(thrown, locals.locale);
  }
};

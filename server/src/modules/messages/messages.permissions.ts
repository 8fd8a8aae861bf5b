import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole, isSignedIn } from '../../auth/rules.js';
import { Role } from '../people/role-assignment.entity.js';

// Everyone signed in has a mailbox; whom they may write to is decided per recipient by
// `mayWriteTo`, and a thread is readable only by its participants.
export const messagesPermissions: PermissionMap = {
  Query: {
    myThreads: isSignedIn,
    thread: isSignedIn,
    messageRecipients: isSignedIn,
    overdueThreads: hasAnyRole(Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR),
    classAnnouncements: isSignedIn,
    myDigestSubscription: hasAnyRole(Role.PARENT),
  },
  Mutation: {
    startThread: isSignedIn,
    sendMessage: isSignedIn,
    markThreadRead: isSignedIn,
    setDigestSubscription: hasAnyRole(Role.PARENT),
    publishAnnouncement: hasAnyRole(Role.TEACHER, Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR),
  },
  Subscription: {
    messageReceived: isSignedIn,
    announcementPublished: isSignedIn,
    threadRead: isSignedIn,
  },
  MailThread: allow,
  MailMessage: allow,
  MessageReceived: allow,
  MessageRecipient: allow,
  ClassAnnouncement: allow,
  DigestSubscription: allow,
};

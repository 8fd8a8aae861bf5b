/** A message was sent: delivered to its recipients' `messageReceived` subscriptions. */
export const MESSAGE_SENT = 'messages.sent';

/** A person read a thread: their other sessions update unread counts. */
export const THREAD_READ = 'messages.threadRead';

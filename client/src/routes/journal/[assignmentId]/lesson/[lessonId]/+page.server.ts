import { error } from '@sveltejs/kit';
import {
  cancelLessonAction,
  loadLessonEditor,
  updateLessonAction,
} from '#lib/components/journal/lesson.server.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, request, params, url }) => {
  const editor = await loadLessonEditor(locals, request, params.assignmentId, url);
  const lesson = editor.page.lessons.find((l) => l.id === params.lessonId);
  if (!lesson) {
    error(404, messagesFor(locals.locale).journal.pageNotFound);
  }
  return { ...editor, lesson };
};

export const actions: Actions = {
  save: ({ locals, request, params, url }) =>
    updateLessonAction(locals, request, params.assignmentId, params.lessonId, url),
  cancel: ({ locals, request, params, url }) =>
    cancelLessonAction(locals, request, params.assignmentId, params.lessonId, url),
};

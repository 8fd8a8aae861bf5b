import { createLessonAction, loadLessonEditor } from '#lib/components/journal/lesson.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, request, params, url }) =>
  loadLessonEditor(locals, request, params.assignmentId, url);

export const actions: Actions = {
  default: ({ locals, request, params, url }) =>
    createLessonAction(locals, request, params.assignmentId, url),
};

import { error, fail, isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import { apiErrorOf } from '#lib/errors.ts';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { journalApi, loadFailed } from './api.server.ts';

// The lesson editor's reads and writes (issue 6): server-side, as plain forms that work without
// JavaScript on a slow school network.

const LessonEditorQuery = graphql(`
  query LessonEditor($assignmentId: ID!, $periodId: ID!) {
    journalPage(assignmentId: $assignmentId, periodId: $periodId) {
      access
      period {
        id
        name
        startsOn
        endsOn
        closedAt
      }
      assignment {
        id
        subject {
          id
          name
        }
        schoolClass {
          id
          name
          year {
            id
            closedAt
          }
        }
        subgroup {
          id
          name
        }
        school {
          id
        }
      }
      lessons {
        id
        date
        lessonNumber
        topic
        status
        version
        workType {
          id
          name
        }
        plannedTopic {
          id
          title
        }
        homework {
          id
          text
          dueOn
        }
      }
    }
    plannedTopics(assignmentId: $assignmentId) {
      id
      position
      title
      plannedHours
    }
  }
`);

const WorkTypesQuery = graphql(`
  query LessonWorkTypes($schoolId: ID!) {
    workTypes(schoolId: $schoolId) {
      id
      name
      weight
    }
  }
`);

const CreateLessonMutation = graphql(`
  mutation EditorCreateLesson($input: CreateLessonInput!) {
    createLesson(input: $input) {
      id
    }
  }
`);

const UpdateLessonMutation = graphql(`
  mutation EditorUpdateLesson($input: UpdateLessonInput!) {
    updateLesson(input: $input) {
      id
      version
    }
  }
`);

const CancelLessonMutation = graphql(`
  mutation EditorCancelLesson($input: CancelLessonInput!) {
    cancelLesson(input: $input) {
      id
      status
    }
  }
`);

/** The page, its plan and the school's kinds of work; only for the one who keeps the page. */
export async function loadLessonEditor(
  locals: App.Locals,
  request: Request,
  assignmentId: string,
  url: URL,
) {
  const api = journalApi(locals, request);
  const periodId = url.searchParams.get('period');
  if (!periodId) {
    redirect(303, `/journal/${encodeURIComponent(assignmentId)}`);
  }
  try {
    const { data } = await api.query({
      query: LessonEditorQuery,
      variables: { assignmentId, periodId },
    });
    if (data.journalPage.access !== 'KEEP') {
      error(403, messagesFor(locals.locale).journal.readOnlyHelp);
    }
    if (data.journalPage.assignment.schoolClass.year.closedAt) {
      // R-DATA-2: a closed year's lessons are final; the grid says so with its banner.
      redirect(
        303,
        `/journal/${encodeURIComponent(assignmentId)}?period=${encodeURIComponent(periodId)}`,
      );
    }
    const types = await api.query({
      query: WorkTypesQuery,
      variables: { schoolId: data.journalPage.assignment.school.id },
    });
    return {
      page: data.journalPage,
      plannedTopics: data.plannedTopics,
      workTypes: types.data.workTypes,
    };
  } catch (thrown) {
    if (isHttpError(thrown) || isRedirect(thrown)) {
      throw thrown;
    }
    loadFailed(locals, thrown);
  }
}

/** What the form posted, as the page re-shows it after a refusal. */
function lessonFields(form: FormData) {
  return {
    date: textField(form, 'date').trim(),
    lessonNumber: textField(form, 'lessonNumber').trim(),
    plannedTopicId: textField(form, 'plannedTopicId'),
    topic: textField(form, 'topic').trim(),
    workTypeId: textField(form, 'workTypeId'),
    homework: textField(form, 'homework').trim(),
  };
}

function refused(locals: App.Locals, thrown: unknown, values: ReturnType<typeof lessonFields>) {
  const apiError = apiErrorOf(thrown);
  if (apiError) {
    return fail(400, { values, error: apiError.message, field: apiError.field });
  }
  console.error('classbook: saving a lesson failed', thrown);
  return fail(503, { values, error: messagesFor(locals.locale).errors.unavailable, field: null });
}

const gridUrl = (assignmentId: string, periodId: string | null) =>
  `/journal/${encodeURIComponent(assignmentId)}` +
  (periodId ? `?period=${encodeURIComponent(periodId)}` : '');

export async function createLessonAction(
  locals: App.Locals,
  request: Request,
  assignmentId: string,
  url: URL,
) {
  const api = journalApi(locals, request);
  const values = lessonFields(await request.formData());
  const t = messagesFor(locals.locale);
  if (!values.date) {
    return fail(400, { values, error: t.errors.required, field: 'date' });
  }
  try {
    await api.mutate({
      mutation: CreateLessonMutation,
      variables: {
        input: {
          assignmentId,
          date: values.date,
          lessonNumber: values.lessonNumber ? Number(values.lessonNumber) : null,
          plannedTopicId: values.plannedTopicId || null,
          topic: values.topic || null,
          workTypeId: values.workTypeId || null,
          homework: values.homework ? { text: values.homework } : null,
        },
      },
    });
  } catch (thrown) {
    return refused(locals, thrown, values);
  }
  redirect(303, gridUrl(assignmentId, url.searchParams.get('period')));
}

export async function updateLessonAction(
  locals: App.Locals,
  request: Request,
  assignmentId: string,
  lessonId: string,
  url: URL,
) {
  const api = journalApi(locals, request);
  const form = await request.formData();
  const values = lessonFields(form);
  const hadHomework = textField(form, 'hadHomework') === 'yes';
  try {
    await api.mutate({
      mutation: UpdateLessonMutation,
      variables: {
        input: {
          lessonId,
          version: Number(textField(form, 'version')),
          plannedTopicId: values.plannedTopicId || null,
          // A topic from the plan fills the topic unless one is written; without a plan line the
          // written topic stands, an empty one clears it.
          topic: values.topic || (values.plannedTopicId ? null : ''),
          workTypeId: values.workTypeId || null,
          homework: values.homework || hadHomework ? { text: values.homework } : null,
        },
      },
    });
  } catch (thrown) {
    return refused(locals, thrown, values);
  }
  redirect(303, gridUrl(assignmentId, url.searchParams.get('period')));
}

export async function cancelLessonAction(
  locals: App.Locals,
  request: Request,
  assignmentId: string,
  lessonId: string,
  url: URL,
) {
  const api = journalApi(locals, request);
  const form = await request.formData();
  const reason = textField(form, 'reason').trim();
  const t = messagesFor(locals.locale);
  if (!reason) {
    return fail(400, { cancelError: t.errors.required, values: null, error: null, field: null });
  }
  try {
    await api.mutate({
      mutation: CancelLessonMutation,
      variables: { input: { lessonId, reason, version: Number(textField(form, 'version')) } },
    });
  } catch (thrown) {
    const apiError = apiErrorOf(thrown);
    if (!apiError) {
      console.error('classbook: cancelling a lesson failed', thrown);
    }
    return fail(400, {
      cancelError: apiError?.message ?? t.errors.unavailable,
      values: null,
      error: null,
      field: null,
    });
  }
  redirect(303, gridUrl(assignmentId, url.searchParams.get('period')));
}

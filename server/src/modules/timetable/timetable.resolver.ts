import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { Person } from '../people/person.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import {
  CreateTimetableSlotInput,
  EndTimetableSlotInput,
  PublishTimetableChangeInput,
  SetBellTimesInput,
  UpdateTimetableSlotInput,
} from './timetable.inputs.js';
import {
  bellTimes,
  classTimetable,
  createTimetableSlot,
  endTimetableSlot,
  publishTimetableChange,
  setBellTimes,
  updateTimetableSlot,
} from './timetable.service.js';
import {
  BellTimeView,
  ClassTimetable,
  PublishTimetableChangePayload,
  TimetableChangeView,
  TimetableEntry,
  TimetableSlotPayload,
  TimetableSlotView,
} from './timetable.types.js';

/** The timetable (issue 4, R-YEAR-4): staff read it, the administration writes it. */
@Resolver()
export class TimetableResolver {
  @Query(() => ClassTimetable, {
    description: "A class's week: slots, bell times, dated changes and the lessons as planned.",
  })
  timetable(
    @Arg('schoolClassId', () => ID, { description: 'The class.' }) schoolClassId: string,
    @Arg('weekOf', () => String, { description: 'Any date (YYYY-MM-DD) of the week.' })
    weekOf: string,
    @Ctx() ctx: Context,
  ) {
    return classTimetable(ctx.em, requireViewer(ctx), schoolClassId, weekOf);
  }

  @Query(() => [BellTimeView], { description: "A school's bell schedule, by lesson number." })
  bellTimes(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Ctx() ctx: Context,
  ) {
    return bellTimes(ctx.em, requireViewer(ctx), schoolId);
  }

  @Mutation(() => [BellTimeView], {
    description: "Replaces a school's bell schedule; lessons may not overlap.",
  })
  setBellTimes(
    @Arg('input', () => SetBellTimesInput) input: SetBellTimesInput,
    @Ctx() ctx: Context,
  ) {
    return setBellTimes(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => TimetableSlotView, {
    description:
      'Puts a journal page into the weekly timetable from a date; refused when the place is taken.',
  })
  createTimetableSlot(
    @Arg('input', () => CreateTimetableSlotInput) input: CreateTimetableSlotInput,
    @Ctx() ctx: Context,
  ) {
    return createTimetableSlot(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => TimetableSlotPayload, {
    description:
      'Changes a slot from a date; lessons entered at the old place keep their records and are listed.',
  })
  async updateTimetableSlot(
    @Arg('input', () => UpdateTimetableSlotInput) input: UpdateTimetableSlotInput,
    @Ctx() ctx: Context,
  ): Promise<TimetableSlotPayload> {
    return Object.assign(
      new TimetableSlotPayload(),
      await updateTimetableSlot(ctx.em, requireViewer(ctx), input),
    );
  }

  @Mutation(() => TimetableSlotPayload, {
    description:
      'Ends a slot from a date; lessons entered there keep their records and are listed.',
  })
  async endTimetableSlot(
    @Arg('input', () => EndTimetableSlotInput) input: EndTimetableSlotInput,
    @Ctx() ctx: Context,
  ): Promise<TimetableSlotPayload> {
    return Object.assign(
      new TimetableSlotPayload(),
      await endTimetableSlot(ctx.em, requireViewer(ctx), input),
    );
  }

  @Mutation(() => PublishTimetableChangePayload, {
    description:
      'Publishes a one-day change (cancelled, substitute, room, moved, added) to the diaries concerned.',
  })
  async publishTimetableChange(
    @Arg('input', () => PublishTimetableChangeInput) input: PublishTimetableChangeInput,
    @Ctx() ctx: Context,
  ): Promise<PublishTimetableChangePayload> {
    return Object.assign(
      new PublishTimetableChangePayload(),
      await publishTimetableChange(ctx.em, requireViewer(ctx), input),
    );
  }
}

@Resolver(() => TimetableSlotView)
export class TimetableSlotRelations {
  @FieldResolver(() => TeachingAssignment, { description: 'The journal page.' })
  assignment(@Root() s: TimetableSlotView, @Ctx() ctx: Context) {
    return ctx.loaders.require(TeachingAssignment, { id: s.assignmentId });
  }
}

@Resolver(() => TimetableChangeView)
export class TimetableChangeRelations {
  @FieldResolver(() => TeachingAssignment, { description: 'The journal page.' })
  assignment(@Root() c: TimetableChangeView, @Ctx() ctx: Context) {
    return ctx.loaders.require(TeachingAssignment, { id: c.assignmentId });
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The substitute teacher.' })
  substituteTeacher(@Root() c: TimetableChangeView, @Ctx() ctx: Context) {
    return c.substituteTeacherId ? ctx.loaders.load(Person, c.substituteTeacherId) : null;
  }
}

@Resolver(() => TimetableEntry)
export class TimetableEntryRelations {
  @FieldResolver(() => TeachingAssignment, { description: 'The journal page.' })
  assignment(@Root() e: TimetableEntry, @Ctx() ctx: Context) {
    return ctx.loaders.require(TeachingAssignment, { id: e.assignmentId });
  }

  @FieldResolver(() => Person, {
    description: "Who teaches it: the page's teacher, a substitute, or who conducted it.",
  })
  async teacher(@Root() e: TimetableEntry, @Ctx() ctx: Context) {
    if (e.teacherId) {
      return ctx.loaders.require(Person, { id: e.teacherId });
    }
    const page = await ctx.loaders.require(TeachingAssignment, { id: e.assignmentId });
    return ctx.loaders.require(Person, page.teacher);
  }
}

@Resolver(() => ClassTimetable)
export class ClassTimetableRelations {
  @FieldResolver(() => SchoolClass, { description: 'The class.' })
  schoolClass(@Root() t: ClassTimetable, @Ctx() ctx: Context) {
    return ctx.loaders.require(SchoolClass, { id: t.schoolClassId });
  }
}

export const timetableResolvers = [
  TimetableResolver,
  TimetableSlotRelations,
  TimetableChangeRelations,
  TimetableEntryRelations,
  ClassTimetableRelations,
] as const;

import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import {
  JournalControl,
  JournalControlInput,
  JournalControlList,
  JournalControlListInput,
  UserActivityInput,
  UserActivityReport,
} from './control.types.js';
import { journalControlList } from './journal-control-list.service.js';
import { journalControl } from './journal-control.service.js';
import { userActivity } from './user-activity.service.js';

@Resolver()
export class ControlResolver {
  @Query(() => JournalControl, {
    description:
      'Journal control for a date range (R-CTL-1), computed live: per page, teacher, class and in total, each figure counted (the lessons or students behind one: `journalControlList`). The administration sees its school; a teacher their own pages and, as class teacher, those of their class.',
  })
  journalControl(
    @Arg('input', () => JournalControlInput) input: JournalControlInput,
    @Ctx() ctx: Context,
  ): Promise<JournalControl> {
    return journalControl(ctx.em, requireViewer(ctx), input);
  }

  @Query(() => JournalControlList, {
    description:
      "The lessons, students or period marks behind one figure of one row of `journalControl` (R-CTL-1): a page, a class, a teacher or the whole school, over the same range and within the same pages as the viewer's report.",
  })
  journalControlList(
    @Arg('input', () => JournalControlListInput) input: JournalControlListInput,
    @Ctx() ctx: Context,
  ): Promise<JournalControlList> {
    return journalControlList(ctx.em, requireViewer(ctx), input);
  }

  @Query(() => UserActivityReport, {
    description: 'Monthly user activity of a school (R-RPT-1), for its administration.',
  })
  userActivity(
    @Arg('input', () => UserActivityInput) input: UserActivityInput,
    @Ctx() ctx: Context,
  ): Promise<UserActivityReport> {
    return userActivity(ctx.em, requireViewer(ctx), input);
  }
}

export const controlResolvers = [ControlResolver] as const;

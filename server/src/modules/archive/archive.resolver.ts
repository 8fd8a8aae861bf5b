import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { archiveAcademicYear, yearArchives } from './archive.service.js';
import { YearArchive } from './year-archive.entity.js';
import {
  ArchiveAcademicYearInput,
  CloseAcademicYearInput,
  ClosedYearCorrection,
  CorrectClosedYearRecordInput,
} from './year-end.inputs.js';
import { closeAcademicYear, correctClosedYearRecord } from './year-end.service.js';

@Resolver()
export class YearEndResolver {
  @Mutation(() => AcademicYear, {
    description:
      'Closes a school year from its last day (R-DATA-2): its journals become read-only and its open periods close with it.',
  })
  closeAcademicYear(
    @Arg('input', () => CloseAcademicYearInput) input: CloseAcademicYearInput,
    @Ctx() ctx: Context,
  ) {
    return closeAcademicYear(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => ClosedYearCorrection, {
    description:
      'Corrects one record of a closed year: the administration only, with a reason, audited (R-DATA-2).',
  })
  correctClosedYearRecord(
    @Arg('input', () => CorrectClosedYearRecordInput) input: CorrectClosedYearRecordInput,
    @Ctx() ctx: Context,
  ) {
    return correctClosedYearRecord(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => YearArchive, {
    description:
      "Builds and keeps the archive of a closed year: its data as JSON, a manifest of SHA-256 hashes, a Merkle root and the audit chain's head (R-DATA-2).",
  })
  archiveAcademicYear(
    @Arg('input', () => ArchiveAcademicYearInput) input: ArchiveAcademicYearInput,
    @Ctx() ctx: Context,
  ) {
    return archiveAcademicYear(ctx.em, requireViewer(ctx), input);
  }

  @Query(() => [YearArchive], { description: 'The archives kept of a year, newest first.' })
  yearArchives(
    @Arg('yearId', () => ID, { description: 'The school year.' }) yearId: string,
    @Ctx() ctx: Context,
  ) {
    return yearArchives(ctx.em, requireViewer(ctx), yearId);
  }
}

export const archiveResolvers = [YearEndResolver] as const;

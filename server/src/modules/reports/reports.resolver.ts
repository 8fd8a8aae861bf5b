import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { attendanceReport } from './attendance-report.service.js';
import { explainAverage } from './explain-average.service.js';
import { performanceReport } from './performance.service.js';
import {
  AttendanceReportInput,
  ExplainAverageInput,
  PerformanceReportInput,
  SummarySheetInput,
} from './reports.inputs.js';
import {
  AttendanceReport,
  AverageExplanation,
  PerformanceReport,
  SummarySheet,
} from './reports.types.js';
import { summarySheet } from './summary-sheet.service.js';

@Resolver()
export class ReportsResolver {
  @Query(() => PerformanceReport, {
    description:
      'R-RPT-2: performance and quality for a period (a YEAR period: the year) by class, subject and teacher, with the school total and the names behind each count. Administration: the whole school; a teacher: the class they lead and their own pages. NOT_FOUND for another school; FORBIDDEN for a class of your school you neither lead nor teach.',
  })
  performanceReport(
    @Arg('input', () => PerformanceReportInput) input: PerformanceReportInput,
    @Ctx() ctx: Context,
  ): Promise<PerformanceReport> {
    return performanceReport(ctx.em, requireViewer(ctx), input);
  }

  @Query(() => AttendanceReport, {
    description:
      'Lessons missed per student and class, by reason, for a date range (at most 366 days). Scope as performanceReport.',
  })
  attendanceReport(
    @Arg('input', () => AttendanceReportInput) input: AttendanceReportInput,
    @Ctx() ctx: Context,
  ): Promise<AttendanceReport> {
    return attendanceReport(ctx.em, requireViewer(ctx), input);
  }

  @Query(() => SummarySheet, {
    description:
      'R-RPT-3: the summary sheet of attestation of a class for its year: students × subjects × period and year marks, live. Administration, records clerk and the class teacher: whole; a subject teacher of the class: their subjects only.',
  })
  summarySheet(
    @Arg('input', () => SummarySheetInput) input: SummarySheetInput,
    @Ctx() ctx: Context,
  ): Promise<SummarySheet> {
    return summarySheet(ctx.em, requireViewer(ctx), input);
  }

  @Query(() => AverageExplanation, {
    description:
      "Explain this average: a student's marks on a journal page in a period, their weights, the averages, the period mark the rounding rule proposes and the teacher's period mark. For whoever reads the page, the student and their guardians; NOT_FOUND for anyone else.",
  })
  explainAverage(
    @Arg('input', () => ExplainAverageInput) input: ExplainAverageInput,
    @Ctx() ctx: Context,
  ): Promise<AverageExplanation> {
    return explainAverage(ctx.em, requireViewer(ctx), input);
  }
}

export const reportsResolvers = [ReportsResolver] as const;

import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';

export enum GradingScale {
  /** 2..5, Russian schools. */
  FIVE_POINT = 'FIVE_POINT',
  /** 1..10, Kazakh schools. */
  TEN_POINT = 'TEN_POINT',
  /** 0..100. */
  PERCENT = 'PERCENT',
}
registerEnumType(GradingScale, {
  name: 'GradingScale',
  description: 'The marking scale a school uses.',
});

export enum InstructionLanguage {
  RU = 'ru',
  KK = 'kk',
  EN = 'en',
}
registerEnumType(InstructionLanguage, {
  name: 'InstructionLanguage',
  description: 'A language of instruction (R-JRN-6).',
});

/** The tenant: every school-owned row carries `school_id`, so a region can host many schools. */
@ObjectType({ simpleResolvers: true, description: 'A school: the tenant that owns its journals.' })
@Entity({ tableName: 'school' })
@Check({ name: 'school_min_marks_check', expression: 'min_marks_for_period_mark >= 0' })
export class School extends BaseEntity {
  @Field(() => String, { description: 'Full name of the school.' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field(() => String, { description: 'Short name shown in headers.' })
  @Property({ type: 'text' })
  shortName!: string;

  @Field(() => GradingScale, { description: 'The marking scale of this school.' })
  @Enum({ items: () => GradingScale, nativeEnumName: 'grading_scale' })
  gradingScale: GradingScale & Opt = GradingScale.FIVE_POINT;

  @Field(() => [InstructionLanguage], { description: 'Languages of instruction.' })
  @Enum({ items: () => InstructionLanguage, array: true, nativeEnumName: 'instruction_language' })
  languages: InstructionLanguage[] & Opt = [InstructionLanguage.RU];

  @Field(() => String, { description: 'IANA time zone of the school (lesson times are local).' })
  @Property({ type: 'text' })
  timeZone: string & Opt = 'Europe/Moscow';

  @Field(() => Int, {
    description: 'Fewest current marks a period mark is justified by (R-JRN-5).',
  })
  @Property({ type: 'integer' })
  minMarksForPeriodMark: number & Opt = 3;
}

import { Migration } from '@mikro-orm/migrations';

// R-CTL-1 "attendance not recorded": only absences are rows, so a lesson where everyone was present
// looked the same as one where nobody took the register. `setAttendance` now stamps the lesson;
// lessons that already have an absence row were evidently taken, at their first row's time.
export class Migration20261130101500_attendance_taken extends Migration {
  override name = 'Migration20261130101500_attendance_taken';

  override up(): void | Promise<void> {
    this.addSql(`alter table "lesson" add column "attendance_taken_at" timestamptz null;`);
    this.addSql(
      `update "lesson" l set "attendance_taken_at" = a.first_at
         from (select lesson_id, min(created_at) as first_at from attendance group by lesson_id) a
        where a.lesson_id = l.id;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "lesson" drop column "attendance_taken_at";`);
  }
}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261130073938_announcement_audience extends Migration {

  override name = 'Migration20261130073938_announcement_audience';

  override up(): void | Promise<void> {
    this.addSql(`create type "announcement_audience" as enum ('PARENTS', 'STUDENTS', 'BOTH');`);
    this.addSql(`alter table "announcement" add "audience" "announcement_audience" not null default 'BOTH';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "announcement" drop column "audience";`);

    this.addSql(`drop type "announcement_audience";`);
  }

}

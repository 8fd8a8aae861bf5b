import { Migration } from '@mikro-orm/migrations';

export class Migration20261130073637_idempotency_key extends Migration {

  override name = 'Migration20261130073637_idempotency_key';

  override up(): void | Promise<void> {
    this.addSql(`alter table "applied_mutation" drop constraint "applied_mutation_unique";`);
    this.addSql(`alter table "applied_mutation" add "input_hash" text null;`);
    this.addSql(`alter table "applied_mutation" add constraint "applied_mutation_unique" unique ("actor_id", "operation", "client_mutation_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "applied_mutation" drop constraint "applied_mutation_unique";`);
    this.addSql(`alter table "applied_mutation" drop column "input_hash";`);
    this.addSql(`alter table "applied_mutation" add constraint "applied_mutation_unique" unique ("actor_id", "client_mutation_id");`);
  }

}

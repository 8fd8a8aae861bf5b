// Command-line options shared by the generator and the runner.
import { parseArgs } from 'node:util';
import type { GenerateParams } from './generate.js';

export interface BenchOptions extends GenerateParams {
  quick: boolean;
  regenerate: boolean;
  serverUrl: string;
  dbName: string;
  /** Sequential requests per scenario. */
  requests: number;
  /** Requests per connection in each autocannon run. */
  rounds: number;
  /** Only the scenarios whose name starts with one of these (comma-separated). */
  only: string[];
  /** S3: writes per second while S1's load runs. */
  writeRate: number;
  /**
   * S3: write cycles under way at once. Default 4: from about 10 concurrent writes on, the app's
   * pool (10 connections) deadlocks — every write transaction waits for a second connection.
   */
  writeChains: number;
}

export function benchOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      quick: { type: 'boolean', default: false },
      regenerate: { type: 'boolean', default: false },
      classes: { type: 'string' },
      schools: { type: 'string', default: '1' },
      seed: { type: 'string', default: '7' },
      db: { type: 'string' },
      requests: { type: 'string' },
      rounds: { type: 'string' },
      only: { type: 'string' },
      'write-rate': { type: 'string', default: '10' },
      'write-chains': { type: 'string', default: '4' },
    },
  });
  const quick = values.quick;
  const classes = Number(values.classes ?? (quick ? 4 : 40));
  const schools = Number(values.schools);
  const seed = Number(values.seed);
  const writeRate = Number(values['write-rate']);
  const writeChains = Number(values['write-chains']);
  for (const [name, v] of Object.entries({
    classes,
    schools,
    seed,
    'write-rate': writeRate,
    'write-chains': writeChains,
  })) {
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(`--${name} must be a positive integer`);
    }
  }
  const dbName =
    values.db ??
    (quick
      ? 'classbook_bench_quick'
      : schools > 1
        ? `classbook_bench_region${schools}`
        : 'classbook_bench');
  return {
    quick,
    regenerate: values.regenerate,
    classes,
    schools,
    seed,
    dbName,
    serverUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    requests: Number(values.requests ?? (quick ? 50 : 100)),
    rounds: Number(values.rounds ?? 5),
    only: values.only ? values.only.split(',').map((x) => x.trim()) : [],
    writeRate,
    writeChains,
  };
}

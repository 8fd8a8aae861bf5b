// `pnpm --filter @classbook/bench run generate [--quick] [--classes N] [--schools N] [--regenerate]`
import { benchOptions } from './args.js';
import { ensureGenerated } from './generate.js';

const o = benchOptions();
const g = await ensureGenerated(
  o.serverUrl,
  o.dbName,
  { classes: o.classes, schools: o.schools, seed: o.seed },
  { regenerate: o.regenerate, log: (line) => console.log(line) },
);
console.log(
  `${g.reused ? 'reused' : 'generated'} ${o.dbName} (${g.seconds.toFixed(1)} s to generate)`,
);
console.table(g.counts);

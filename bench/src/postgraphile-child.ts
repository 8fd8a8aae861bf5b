// S0's peer: PostGraphile 4 serving the bench database in its own process and port, so that its
// heap and event loop are its own (as a deployed PostGraphile would be). Started with fork() by
// s0.ts; sends `{ url }` over IPC when listening and runs until killed.
//
// It connects as the database owner (postgres): no row security, no per-request role — the
// plain "GraphQL compiled to SQL" figure, which favours PostGraphile over the app.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import ConnectionFilterPlugin from 'postgraphile-plugin-connection-filter';

const dbUrl = process.argv[2]!;
// Like the app's pool (server/src/core/db.ts): JIT off, the same pool size as the bench's.
const pool = new pg.Pool({ connectionString: dbUrl, max: 10, options: '-c jit=off' });
const handler = postgraphile(pool, 'public', {
  // Range filters (lessons of a period, enrolments overlapping it): `condition` is equality only.
  appendPlugins: [ConnectionFilterPlugin],
  disableDefaultMutations: true,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  retryOnInitFail: false,
  graphqlRoute: '/graphql',
});
const server = createServer((req, res) => {
  void handler(req, res);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send!({ url: `http://127.0.0.1:${port}/graphql` });
});
process.on('disconnect', () => process.exit(0));

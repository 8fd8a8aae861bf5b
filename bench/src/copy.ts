// Bulk loading through COPY FROM STDIN (text format): hundreds of thousands of rows a second,
// where one INSERT per row would take minutes.
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | null | Date | readonly (string | number)[];

function text(value: Cell): string {
  if (value === null) {
    return '\\N';
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return `{${value.map((v) => (typeof v === 'number' ? String(v) : `"${v}"`)).join(',')}}`;
  }
  const s = String(value);
  // COPY text format: backslash, tab, newline and carriage return are escaped.
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}

/** Streams `rows` (each in `columns` order) into `table`; returns how many were written. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      if (row.length !== columns.length) {
        throw new Error(`${table}: ${row.length} values for ${columns.length} columns`);
      }
      chunk += row.map(text).join('\t') + '\n';
      count++;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) {
      yield chunk;
    }
  }
  const cols = columns.map((c) => `"${c}"`).join(', ');
  const stream = client.query(copyFrom(`copy "${table}" (${cols}) from stdin`));
  await pipeline(Readable.from(lines()), stream);
  if (!stream.writableFinished) {
    await once(stream, 'finish');
  }
  return count;
}

// Statements read on every request whose planning costs more than their execution: the cockpit's and the
// targets' watermark reads max(at) over the 42 year partitions of data_value_audit (migration 0017), which
// PostgreSQL plans in ≈ 17–20 ms and runs in ≈ 3 ms. A statement whose text begins with `/*prepare:NAME*/`
// is sent as a named prepared statement: node-postgres prepares it once per connection, and after a few
// executions PostgreSQL keeps one plan for it. Only statements marked so, so that the number of prepared
// statements per connection stays small.
import type pg from 'pg';

const MARK = /^\/\*prepare:([a-z0-9_]+)\*\//;

/** Makes every new connection of the pool send marked statements as named prepared statements. */
export function prepareMarkedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      const m = typeof text === 'string' ? MARK.exec(text) : null;
      if (m && args.length <= 2) return query({ name: m[1], text, values: values as unknown[] | undefined });
      return query(...args);
    };
  });
}

import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { percentile } from './harness';

type Table = { name: string; columns: string[]; types: Record<string, string>; uniqueText: string[]; hasOwnId: boolean };
type Row = Record<string, unknown>;

/**
 * The floor under the submission figure: the rows the measured sends left in the database (the
 * complaint and every row of another table that names it: complainant, points, stage, history,
 * outbox, …), written again as new complaints by bare SQL, one transaction per complaint with its
 * draft's update, from as many senders at once over a pool as large as the portal's. No HTTP, no
 * Remix, no services: what the database alone costs for the same writes on the same machine. The
 * rate-limit counters a send also moves are not in it: they name no complaint.
 */
export async function bareSqlFloor(
  url: string,
  complaintIds: string[],
  options: { senders: number; pool: number },
): Promise<{ perSecond: number; p95: number; written: number }> {
  const sql = postgres(url, { max: options.pool, onnotice: () => {} });
  try {
    const tables = await writtenTables(sql);
    const byComplaint = new Map<string, Map<string, Row[]>>(complaintIds.map((id) => [id, new Map()]));
    for (const table of tables) {
      const key = table.name === 'complaints' ? 'id' : 'complaint_id';
      // Table names come from the catalogue, not from input.
      const rows = await sql.unsafe<Array<{ row: Row }>>(`select to_jsonb(t) as row from "${table.name}" t where ${key} = any($1::uuid[])`, [complaintIds]);
      for (const { row } of rows) {
        const kept = byComplaint.get(row[key] as string)!;
        kept.set(table.name, [...(kept.get(table.name) ?? []), row]);
      }
    }

    let counter = 0;
    const copy = (original: string, rows: Map<string, Row[]>) => {
      const complaintId = randomUUID();
      const n = (counter += 1);
      return tables
        .filter((t) => rows.has(t.name))
        .map((table) => ({
          table,
          rows: rows.get(table.name)!.map((row) => {
            const out: Row = {};
            for (const column of table.columns) {
              let value = row[column];
              if (column === 'complaint_id' || (table.name === 'complaints' && column === 'id')) value = complaintId;
              else if (column === 'id' && table.hasOwnId) value = randomUUID();
              else if (table.uniqueText.includes(column) && typeof value === 'string') value = `${value}~${n}`;
              // Read back as JSON: JSON columns go in as JSON, arrays as arrays, the rest as text.
              const type = table.types[column];
              out[column] = value === null || value === undefined ? null : type === 'ARRAY' ? sql.array(value as string[]) : type === 'json' || type === 'jsonb' ? sql.json(value as postgres.JSONValue) : value;
            }
            return out;
          }),
        }))
        .concat([{ table: { name: 'form_drafts', columns: [], types: {}, uniqueText: [], hasOwnId: false }, rows: [{ original }] }]);
    };
    const work = complaintIds.map((id) => copy(id, byComplaint.get(id)!));

    const latencies: number[] = [];
    let next = 0;
    const sender = async () => {
      for (;;) {
        const i = next++;
        if (i >= work.length) return;
        const started = performance.now();
        await sql.begin((tx) => {
          // Sent together, as the service sends a new complaint's rows: the complaint first, so
          // the rows naming it find it.
          return Promise.all(
            work[i]!.map(({ table, rows }) =>
              table.name === 'form_drafts'
                ? tx`update form_drafts set updated_at = now() where complaint_id = ${rows[0]!.original as string}`
                : tx`insert into ${tx(table.name)} ${tx(rows as Array<Record<string, postgres.ParameterOrJSON<never>>>, ...table.columns)}`,
            ),
          );
        });
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.senders }, sender));
    const seconds = (performance.now() - started) / 1000;
    const [written] = await sql<Array<{ count: number }>>`select count(*)::int as count from complaints where reference like '%~%'`;
    const count = written?.count ?? 0;
    if (count !== work.length) throw new Error(`The floor wrote ${count} complaints, not ${work.length}.`);
    latencies.sort((a, b) => a - b);
    return { perSecond: work.length / seconds, p95: percentile(latencies, 95), written: work.length };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The complaints table, then every other table with a complaint_id (drafts apart), with the columns a row may be given. */
async function writtenTables(sql: postgres.Sql): Promise<Table[]> {
  const columns = await sql<Array<{ table: string; column: string; type: string }>>`
    select c.table_name as table, c.column_name as column, c.data_type as type
    from information_schema.columns c
    where c.table_schema = 'public' and c.is_generated = 'NEVER' and coalesce(c.identity_generation, '') <> 'ALWAYS'
      and (c.table_name = 'complaints' or c.table_name in (
        select table_name from information_schema.columns where table_schema = 'public' and column_name = 'complaint_id' and table_name <> 'form_drafts'))
    order by c.table_name, c.ordinal_position`;
  const unique = await sql<Array<{ table: string; column: string }>>`
    select t.relname as table, a.attname as column
    from pg_index i join pg_class t on t.oid = i.indrelid join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
    join pg_namespace s on s.oid = t.relnamespace
    where s.nspname = 'public' and i.indisunique and i.indnatts = 1 and a.atttypid = 'text'::regtype`;
  const tables = new Map<string, Table>();
  for (const { table, column, type } of columns) {
    const entry = tables.get(table) ?? { name: table, columns: [], types: {}, uniqueText: [], hasOwnId: false };
    entry.columns.push(column);
    entry.types[column] = type;
    if (column === 'id' && type === 'uuid') entry.hasOwnId = true;
    tables.set(table, entry);
  }
  for (const { table, column } of unique) tables.get(table)?.uniqueText.push(column);
  const complaints = tables.get('complaints')!;
  tables.delete('complaints');
  return [complaints, ...tables.values()];
}

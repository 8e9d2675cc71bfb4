// The stack's limit: a bare Fastify route doing one INSERT … ON CONFLICT per request on the same
// PostgreSQL. The heartbeat benchmark compares the full application against it.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 20) });
await pool.query('create table if not exists bench_counter (id int primary key, n int not null)');
const app = Fastify({ logger: false });
app.post<{ Body: { id: number } }>('/upsert', async (request) => {
  await pool.query(
    'insert into bench_counter (id, n) values ($1, 1) on conflict (id) do update set n = bench_counter.n + 1',
    [request.body.id],
  );
  return { ok: true };
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3401) });
console.log('minimal server ready');
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);

import Fastify from 'fastify';

/** The baseline: a bare Fastify hello-world, as a process of its own, on the same Node. */
const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env['PORT'] ?? 3999) });

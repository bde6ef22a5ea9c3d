import Fastify, { type FastifyInstance } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Security headers on every answer, errors and 404s included (set in onRequest, before anything
 * can fail). The CSP allows scripts and styles from this origin only: no inline script, no third
 * party, so the browser talks to nothing but the Twofold server (PRODUCT.md, principle 6).
 * Every API answer is `no-store`: health data must not sit in a browser or proxy cache.
 */
export async function installSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): Promise<SecurityHeadersFor> {
  const headers = await helmetHeaders(helmetOptions(options));
  const apiHeaders = { ...headers, 'cache-control': 'no-store' };
  const headersFor: SecurityHeadersFor = (url) => (url.startsWith('/api/') ? apiHeaders : headers);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headersFor(request.url));
    done();
  });
  return headersFor;
}

/** The headers an answer to `url` carries; for answers Fastify gives before any hook runs. */
export type SecurityHeadersFor = (url: string) => Record<string, string>;

function helmetOptions(options: { hsts: boolean }): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.hsts ? { maxAge: 63072000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  };
}

/**
 * The headers @fastify/helmet sets with these options, worked out once at start. The header set
 * is the same for every request (no per-request CSP nonces), but the plugin builds helmet anew
 * and parses the CSP on each one (about 5% of the server's CPU, docs/BENCHMARKS.md). So helmet
 * itself runs once, in a throwaway Fastify instance, and its headers are kept as it set them.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  let captured: Record<string, string> | undefined;
  await probe.register(helmet, options);
  probe.get('/', async (_request, reply) => {
    captured = Object.fromEntries(
      Object.entries(reply.getHeaders())
        .filter(([name]) => name !== 'content-type' && name !== 'content-length')
        .map(([name, value]) => [name, String(value)]),
    );
    return '';
  });
  await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  if (!captured || !captured['content-security-policy']) {
    throw new Error('helmet set no security headers');
  }
  return captured;
}

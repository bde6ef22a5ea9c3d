import { get as httpGet, type IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * A small server-sent-events client (node:http) for tests. An event stream never
 * ends by itself, so `app.inject` (which waits for the end of the answer) cannot read it: tests
 * listen on a real port (`listeningUrl`) and read the first events, then close.
 */
export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
  /** `data` parsed as JSON (null when it is not JSON). */
  json: any;
}

const listening = new WeakMap<FastifyInstance, Promise<string>>();

/** The base URL of `app` listening on a free port of 127.0.0.1 (once per app; closed with the app). */
export function listeningUrl(app: FastifyInstance): Promise<string> {
  let url = listening.get(app);
  if (!url) {
    url = app.listen({ host: '127.0.0.1', port: 0 });
    listening.set(app, url);
  }
  return url;
}

export class SseClient {
  readonly messages: SseMessage[] = [];
  /** Comment lines (`: heartbeat`) and `retry:` values seen. */
  readonly comments: string[] = [];
  retry: number | null = null;
  /** Resolves when the server ended the stream (or it was closed here). */
  readonly ended: Promise<void>;
  isEnded = false;
  private waiters = new Set<() => void>();
  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly response: IncomingMessage,
  ) {
    this.ended = this.read();
  }

  /**
   * Opens `path` with the cookie header of a logged-in client. A status other than 200 gives
   * an ended client whose `body` is the answer (problem+json).
   */
  static async open(baseUrl: string, cookie: string | undefined, path = '/api/couple/events', headers: Record<string, string> = {}) {
    // node:http without an agent: one connection per stream, gone when the stream is closed. (fetch
    // keeps a pool, and after an abort left a fresh idle connection that held up the server's close.)
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = httpGet(`${baseUrl}${path}`, {
        agent: false,
        headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}), ...headers },
      });
      request.once('response', resolve);
      request.once('error', reject);
    });
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      for (const one of [value ?? []].flat()) {
        answerHeaders.append(name, one);
      }
    }
    const status = response.statusCode ?? 0;
    if (status !== 200) {
      const chunks: Buffer[] = [];
      for await (const chunk of response) {
        chunks.push(chunk as Buffer);
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const isJson = (answerHeaders.get('content-type') ?? '').includes('json');
      return { status, headers: answerHeaders, body: text && isJson ? JSON.parse(text) : text, client: null };
    }
    return { status, headers: answerHeaders, body: null, client: new SseClient(status, answerHeaders, response) };
  }

  /** The data messages (not `ready`), parsed. */
  get events(): any[] {
    return this.messages.filter((m) => m.event === 'message').map((m) => m.json);
  }

  /** Waits for a message matching `predicate` (already received or still to come). */
  async next(predicate: (message: SseMessage) => boolean, timeoutMs = 2_000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) {
        return found;
      }
      if (this.isEnded) {
        throw new Error(`the stream ended without the message; got ${JSON.stringify(this.messages.map((m) => m.json ?? m.event))}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no such message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.json ?? m.event))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  /** Waits for the event of `type` (a data message). */
  event(type: string, timeoutMs?: number): Promise<any> {
    return this.next((m) => m.event === 'message' && m.json?.type === type, timeoutMs).then((m) => m.json);
  }

  /** Resolves true when the server ends the stream within `timeoutMs`. */
  async endsWithin(timeoutMs: number): Promise<boolean> {
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    return Promise.race([this.ended.then(() => true), timeout]);
  }

  close(): void {
    this.response.destroy();
  }

  private wake(): void {
    for (const waiter of this.waiters) {
      waiter();
    }
    this.waiters.clear();
  }

  private async read(): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const value of this.response) {
        buffer += decoder.decode(value as Buffer, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        this.wake();
      }
    } catch {
      // aborted here, or the connection was cut
    } finally {
      this.isEnded = true;
      this.wake();
    }
  }

  private parseBlock(block: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') {
        id = value;
      } else if (field === 'event') {
        event = value;
      } else if (field === 'data') {
        data.push(value);
      } else if (field === 'retry') {
        this.retry = Number(value);
      }
    }
    if (data.length === 0 && id === null) {
      return;
    }
    const text = data.join('\n');
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    this.messages.push({ id, event, data: text, json });
  }
}

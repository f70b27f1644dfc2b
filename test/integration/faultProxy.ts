/**
 * A seeded, faulty HTTP proxy on 127.0.0.1 between sync clients and the platform: it drops requests,
 * drops responses after the platform has answered (and so committed), sends requests twice and delays
 * them at random so that they overtake each other. The event stream passes through untouched (it ends
 * when the platform restarts).
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../shared/demo/subjects.ts';

export interface FaultPlan {
  dropRequest: number;
  dropResponse: number;
  duplicate: number;
  /** Longest random delay before forwarding (reorders concurrent requests). */
  maxDelayMs: number;
}

export interface FaultStats {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicated: number;
  delayed: number;
  /** Requests that found the platform down (answered 502). */
  platformDown: number;
}

interface Forwarded {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
}

function forward(target: URL, incoming: IncomingMessage, body: Buffer): Promise<Forwarded> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (response) => {
        readBody(response).then(
          (data) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: data }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function passThrough(target: URL, incoming: IncomingMessage, response: ServerResponse): void {
  const outgoing = request(
    {
      host: target.hostname,
      port: target.port,
      method: incoming.method,
      path: incoming.url,
      headers: { ...incoming.headers, host: target.host },
    },
    (upstream) => {
      response.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(response);
      upstream.on('error', () => response.destroy());
    },
  );
  outgoing.on('error', () => response.destroy());
  response.on('close', () => outgoing.destroy());
  outgoing.end();
}

export interface FaultProxy {
  url: string;
  stats: FaultStats;
  /** Faults apply only while enabled (healing turns them off). */
  enabled: boolean;
  /** Called for every push request forwarded (e.g. to restart the platform mid-push). */
  onPush: ((count: number) => void) | null;
  close(): Promise<void>;
}

export async function startFaultProxy(
  targetUrl: () => string,
  seed: number,
  plan: FaultPlan,
): Promise<FaultProxy> {
  const random = seededRandom(seed);
  const stats: FaultStats = {
    requests: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    duplicated: 0,
    delayed: 0,
    platformDown: 0,
  };
  let pushes = 0;
  const proxy: FaultProxy = {
    url: '',
    stats,
    enabled: true,
    onPush: null,
    close: async () => {},
  };
  const server = createServer((incoming, response) => {
    const target = new URL(targetUrl());
    if (incoming.url?.startsWith('/sync/v1/stream')) {
      passThrough(target, incoming, response);
      return;
    }
    void (async () => {
      const body = await readBody(incoming);
      stats.requests++;
      const faulty = proxy.enabled;
      // Every roll is drawn for every request, so a seed always gives the same sequence of decisions.
      const rolls = { drop: random(), delay: random(), duplicate: random(), dropResponse: random() };
      if (faulty && rolls.drop < plan.dropRequest) {
        stats.droppedRequests++;
        incoming.socket.destroy();
        return;
      }
      if (faulty && plan.maxDelayMs > 0) {
        stats.delayed++;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(rolls.delay * plan.maxDelayMs)));
      }
      if (incoming.url?.includes('/push')) proxy.onPush?.(++pushes);
      let answer: Forwarded;
      try {
        answer = await forward(target, incoming, body);
        if (faulty && rolls.duplicate < plan.duplicate) {
          stats.duplicated++;
          answer = await forward(target, incoming, body);
        }
      } catch {
        stats.platformDown++;
        response.writeHead(502, { 'content-type': 'text/plain' }).end('platform unreachable');
        return;
      }
      if (faulty && rolls.dropResponse < plan.dropResponse) {
        stats.droppedResponses++;
        incoming.socket.destroy();
        return;
      }
      response.writeHead(answer.status, answer.headers).end(answer.body);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/**
 * The control socket of a running platform: a Unix socket `control.sock` in its data folder (readable
 * by the folder's owner only) through which the admin CLI runs its commands inside the platform while
 * the platform holds the PGlite folder. Whoever may open the socket may open the data folder anyway.
 */
import { chmodSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';

export interface ControlRequest {
  argv: string[];
  /** Values the command may read from the environment (CREDITDESK_OPERATOR_PASSWORD). */
  env: Record<string, string>;
}

export interface ControlResult {
  exitCode: number;
  lines: string[];
}

export function controlSocketPath(dataDir: string): string {
  return join(dataDir, 'control.sock');
}

const maxRequestBytes = 1024 * 1024;

/** Serves CLI commands on the data folder's control socket; `close` stops and removes it. */
export async function serveControlSocket(
  dataDir: string,
  run: (command: ControlRequest) => Promise<ControlResult>,
): Promise<{ close(): Promise<void> }> {
  const path = controlSocketPath(dataDir);
  rmSync(path, { force: true });
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxRequestBytes) incoming.destroy();
      else chunks.push(chunk);
    });
    incoming.on('end', () => {
      let command: ControlRequest;
      try {
        command = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ControlRequest;
        if (!Array.isArray(command.argv) || !command.argv.every((arg) => typeof arg === 'string'))
          throw new Error('argv must be a list of strings');
      } catch (error) {
        outgoing.writeHead(400).end(JSON.stringify({ exitCode: 2, lines: [String(error)] }));
        return;
      }
      run({ argv: command.argv, env: { ...command.env } }).then(
        (result) =>
          outgoing.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        (error: unknown) =>
          outgoing.writeHead(500).end(JSON.stringify({ exitCode: 1, lines: [`error: ${error}`] })),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        rmSync(path, { force: true });
      }),
  };
}

/** Sends a command to the platform running on the data folder. */
export function sendControlCommand(dataDir: string, command: ControlRequest): Promise<ControlResult> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        socketPath: controlSocketPath(dataDir),
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/json' },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ControlResult);
          } catch (error) {
            reject(error);
          }
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(command));
  });
}

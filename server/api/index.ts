/**
 * Listening and shutting down: opens the port for an app built by `createApp`, and closes gracefully —
 * stop accepting connections, let requests in flight finish (answering them with `Connection: close`),
 * cut what is still open after a drain timeout, then close the store (the Neo4j driver) last.
 */
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { GraphStoreCore } from '../store/graph-store';

export interface ListenOptions {
  port: number;
  host: string;
  store: Pick<GraphStoreCore, 'close'>;
  logger: Logger;
  /** How long requests in flight may take to finish once shutdown starts. */
  drainTimeoutMs?: number;
}

export interface RunningServer {
  server: http.Server;
  url: string;
  /** Drains and closes the server, then the store. Idempotent. */
  close(): Promise<void>;
}

export function listen(app: Express, opts: ListenOptions): Promise<RunningServer> {
  const server = http.createServer(app);
  let closing: Promise<void> | null = null;
  // Once closing, every response not yet started tells the client to drop its keep-alive connection.
  const active = new Set<http.ServerResponse>();
  server.on('request', (_req, res: http.ServerResponse) => {
    if (closing) res.setHeader('Connection', 'close');
    active.add(res);
    res.on('close', () => active.delete(res));
  });

  const close = () =>
    (closing ??= (async () => {
      opts.logger.info(`shutting down: draining ${active.size} requests`);
      for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const timer = setTimeout(() => {
        opts.logger.warn('shutting down: drain timeout, closing the remaining connections');
        server.closeAllConnections();
      }, opts.drainTimeoutMs ?? 10_000);
      try {
        await drained;
      } finally {
        clearInterval(idle);
        clearTimeout(timer);
      }
      await opts.store.close();
      opts.logger.info('shut down');
    })());

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve({ server, url: `http://${host}:${port}`, close });
    });
  });
}

/** Closes the server on SIGINT or SIGTERM; a second signal exits at once. */
export function closeOnSignals(running: RunningServer, logger: Logger): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    received = true;
    logger.info(`${signal}: shutting down`);
    running.close().then(
      () => {
        process.exitCode = 0;
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

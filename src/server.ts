import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Deps } from './deps.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
}

export async function startServer(deps: Deps): Promise<RunningServer> {
  const app = await buildApp(deps);
  await app.listen({ host: deps.config.host, port: deps.config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : deps.config.port;
  const shownHost = ['0.0.0.0', '::'].includes(deps.config.host) ? 'localhost' : deps.config.host;
  return { app, url: deps.config.publicUrl ?? `http://${shownHost}:${port}`, close: () => app.close() };
}

/** Running the server until the process is told to stop. */
import { dirname, join } from 'node:path';
import type { AppContext } from '../app/context.js';
import { builtinPlanPath } from '../plans/siping/loadPlan.js';
import { buildServer } from './app.js';
import { createServerContext, type ServerConfig } from './context.js';

/**
 * dist/web under the package root: where `npm run build` puts the web app. CHILDPLAN_WEB_ROOT
 * points elsewhere (a build of one's own while developing beside others).
 */
export function defaultWebRoot(): string {
  const override = process.env.CHILDPLAN_WEB_ROOT;
  if (override) return override;
  // builtinPlanPath() is <root>/src/plans/siping/plan.yaml.
  return join(dirname(dirname(dirname(dirname(builtinPlanPath())))), 'dist', 'web');
}

export interface ListenOptions {
  port: number;
  host: string;
  config?: Partial<ServerConfig>;
  onListening(address: string): void;
}

export async function serveUntilStopped(app: AppContext, options: ListenOptions): Promise<void> {
  const ctx = await createServerContext(app, { webRoot: defaultWebRoot(), ...options.config });
  const server = await buildServer(ctx);
  await server.listen({ port: options.port, host: options.host });
  const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  options.onListening(`http://${shown}:${options.port}/`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Every resource's routes, registered in one place. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context.js';

export function registerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  void app;
  void ctx;
}

/** The monitoring pages' API (监测分析): overview, early warning, disparities. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { registerDisparityRoutes } from './disparityRoutes.js';
import { registerOverviewRoutes } from './overviewRoutes.js';
import { registerWarningRoutes } from './warningRoutes.js';

export function registerMonitoringRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerOverviewRoutes(app, ctx);
  registerWarningRoutes(app, ctx);
  registerDisparityRoutes(app, ctx);
}

/** Every resource's routes, registered in one place. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context.js';
import { registerAssessmentRoutes } from './assessment/routes.js';
import { registerFormRoutes } from './forms/routes.js';
import { registerReferenceRoutes } from './reference/routes.js';
import { registerSubmissionRoutes } from './submissions/routes.js';
import { registerValueRoutes } from './values/routes.js';
import { registerUserRoutes } from './users/routes.js';
import { registerSecurityLogRoutes } from './securityLog/routes.js';
import { registerDepartmentRoutes } from './departments/routes.js';
import { registerAssignmentRoutes } from './assignments/routes.js';
import { registerDeadlineRoutes } from './deadlines/routes.js';
import { registerImplementationPlanRoutes } from './implementationPlans/routes.js';
import { registerFileRoutes } from './files/routes.js';
import { registerCompletenessRoutes } from './completeness/routes.js';
import { registerQualitativeRoutes } from './qualitative/routes.js';
import { registerUploadRoutes } from './uploads/routes.js';
import { registerReportRoutes } from './reports/routes.js';
import { registerMonitoringRoutes } from './monitoring/routes.js';
import { registerIndicatorRoutes } from './indicators/routes.js';
import { registerPublicationRoutes } from './publications/routes.js';
import { registerPublicRoutes } from './public/routes.js';

export function registerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerReferenceRoutes(app, ctx);
  registerAssessmentRoutes(app, ctx);
  registerFormRoutes(app, ctx);
  registerValueRoutes(app, ctx);
  registerSubmissionRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerSecurityLogRoutes(app, ctx);
  registerDepartmentRoutes(app, ctx);
  registerAssignmentRoutes(app, ctx);
  registerDeadlineRoutes(app, ctx);
  registerImplementationPlanRoutes(app, ctx);
  registerFileRoutes(app, ctx);
  registerCompletenessRoutes(app, ctx);
  registerQualitativeRoutes(app, ctx);
  registerUploadRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerMonitoringRoutes(app, ctx);
  registerIndicatorRoutes(app, ctx);
  registerPublicationRoutes(app, ctx);
  registerPublicRoutes(app, ctx);
}

/** Shapes of the implementation plans (实施方案) API. */
import { z } from 'zod';

export const PlanFileView = z.object({
  id: z.number(),
  fileName: z.string(),
  size: z.number(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});

export const UploadedPlan = PlanFileView.extend({
  departmentCode: z.string(),
  orgUnitCode: z.string(),
  year: z.number(),
  mimeType: z.string(),
  sha256: z.string(),
});

export const PlanTableQuery = z.object({
  year: z.coerce.number().int().min(0).max(9999),
  /** A unit under the user's own; the user's unit when left out. */
  org: z.string().max(12).optional(),
  department: z.string().max(40).optional(),
});

export const PlanTable = z.object({
  year: z.number(),
  rows: z.array(
    z.object({
      departmentCode: z.string(),
      departmentName: z.string(),
      orgUnitCode: z.string(),
      orgUnitName: z.string(),
      uploaded: z.boolean(),
      latest: PlanFileView.nullable(),
      files: z.array(PlanFileView),
    }),
  ),
  totals: z.object({ expected: z.number(), uploaded: z.number() }),
});

/** Shapes of the completeness and timeliness API. */
import { z } from 'zod';

export const CompletenessQuery = z.object({
  year: z.coerce.number().int().min(0).max(9999),
  /** A city or county-level unit under the user's own; the user's unit when left out. */
  org: z.string().max(12).optional(),
  department: z.string().max(40).optional(),
});

export const CompletenessView = z.object({
  year: z.number(),
  deadline: z.string().nullable(),
  rows: z.array(
    z.object({
      orgUnitCode: z.string(),
      orgUnitName: z.string(),
      departmentCode: z.string(),
      departmentName: z.string(),
      expected: z.number(),
      filled: z.number(),
      state: z.string(),
      stateLabel: z.string(),
      submittedAt: z.string().nullable(),
      approved: z.boolean(),
      late: z.boolean(),
      daysLate: z.number(),
    }),
  ),
  totals: z.object({
    rows: z.number(),
    expected: z.number(),
    filled: z.number(),
    submitted: z.number(),
    approved: z.number(),
    late: z.number(),
  }),
});

/** Shapes of the member departments API. */
import { z } from 'zod';

export const DepartmentView = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export const DepartmentCode = z.object({ code: z.string().max(40) });

export const NewDepartmentBody = z.object({
  code: z.string().max(40),
  name: z.string().min(1).max(100),
  shortName: z.string().min(1).max(40),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});

export const DepartmentChangeBody = z
  .object({
    name: z.string().min(1).max(100),
    shortName: z.string().min(1).max(40),
    sortOrder: z.number().int().min(0).max(100_000),
    active: z.boolean(),
  })
  .partial();

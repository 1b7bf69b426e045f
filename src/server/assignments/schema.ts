/** Shapes of the division of work (任务分工) API. */
import { z } from 'zod';

const DepartmentRef = z.object({ code: z.string(), name: z.string() });

export const AssignmentRowView = z.object({
  itemCode: z.string(),
  kind: z.enum(['indicator', 'goal', 'measure']),
  domainCode: z.string(),
  domainName: z.string(),
  text: z.string(),
  lead: DepartmentRef.nullable(),
  cooperate: z.array(DepartmentRef),
  fromYear: z.number().nullable().describe('分工来自哪一年的设置(0 为默认分工;null 为未分工)'),
});

export const AssignmentQuery = z.object({
  year: z.coerce.number().int().min(0).max(9999),
  department: z.string().max(40).optional(),
  kind: z.enum(['indicator', 'goal', 'measure']).optional(),
});

export const AssignmentKey = z.object({ year: z.coerce.number().int().min(0).max(9999), itemCode: z.string().max(100) });

export const ResponsibilityBody = z.object({
  lead: z.string().min(1).max(40),
  cooperate: z.array(z.string().max(40)).max(40).default([]),
});

export const AssignmentTableView = z.object({ year: z.number(), rows: z.array(AssignmentRowView) });

/** Shapes of the form and of stored values, shared by the data-entry routes. */
import { z } from 'zod';

export const ActionSchema = z.object({ action: z.string(), label: z.string(), needsReason: z.boolean() });

export const StoredValueSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export const FormSchema = z.object({
  department: z.object({ code: z.string(), name: z.string() }),
  orgUnit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  reportingUnit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  submission: z.object({
    state: z.string(),
    stateLabel: z.string(),
    editable: z.boolean(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    actions: z.array(ActionSchema),
  }),
  deadline: z.string().nullable(),
  lines: z.array(
    z.object({
      key: z.string(),
      indicator: z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        domain: z.string(),
        yesNo: z.boolean(),
        hasFormula: z.boolean(),
        numeratorLabel: z.string().nullable(),
        denominatorLabel: z.string().nullable(),
        factor: z.number(),
        targetText: z.string(),
      }),
      orgUnit: z.object({ code: z.string(), name: z.string() }),
      sex: z.string(),
      area: z.string(),
      ageGroup: z.string(),
      label: z.string(),
      yesNo: z.boolean(),
      current: StoredValueSchema.nullable(),
      previous: z.array(z.object({ year: z.number(), value: z.number().nullable() })),
    }),
  ),
});

/** One step of a submission's workflow, as the history and the review pages show it. */
export const WorkflowEventSchema = z.object({
  action: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  by: z.string(),
  at: z.string(),
  reason: z.string(),
});

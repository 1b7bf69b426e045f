/** Request and response shapes of the user administration API. */
import { z } from 'zod';

export const UserView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export const UserId = z.object({ id: z.coerce.number().int().positive() });

export const NewUserBody = z.object({
  username: z.string().max(50),
  displayName: z.string().min(1).max(100),
  role: z.string().max(20),
  orgUnitCode: z.string().min(1).max(12),
  departmentCode: z.string().max(40).nullable().optional(),
  /** Left out: a password is generated and shown once. */
  password: z.string().max(200).optional(),
});

export const UserChangeBody = z
  .object({
    displayName: z.string().min(1).max(100),
    role: z.string().max(20),
    orgUnitCode: z.string().min(1).max(12),
    departmentCode: z.string().max(40).nullable(),
    active: z.boolean(),
  })
  .partial();

export const CreatedUser = z.object({ user: UserView, password: z.string().nullable() });
export const PasswordReset = z.object({ user: UserView, password: z.string() });

/** /api/users: the accounts (系统管理员 only) and what the admin does to them. */
import { api } from '../api/client';
import { useApi } from './useApi';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  orgUnitCode: string;
  orgUnitName: string;
  departmentCode: string | null;
  departmentName: string | null;
  active: boolean;
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdBy: string;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  orgUnitCode: string;
  departmentCode: string | null;
  /** Left empty: the server makes one and shows it once. */
  password?: string;
}

export type UserChange = Partial<Pick<UserRow, 'displayName' | 'role' | 'orgUnitCode' | 'departmentCode' | 'active'>>;

export function useUsers() {
  return useApi<{ users: UserRow[] }>('/api/users');
}

export const createUser = (body: NewUser) => api<{ user: UserRow; password: string | null }>('POST', '/api/users', body);
export const changeUser = (id: number, change: UserChange) => api<UserRow>('PATCH', `/api/users/${id}`, change);
export const resetPassword = (id: number) => api<{ user: UserRow; password: string }>('POST', `/api/users/${id}/password-reset`);
export const unlockUser = (id: number) => api<UserRow>('POST', `/api/users/${id}/unlock`);

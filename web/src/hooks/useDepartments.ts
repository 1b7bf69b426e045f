/** /api/departments: the member departments (成员单位), and the office's changes to them. */
import { api } from '../api/client';
import type { Department } from '../api/types';
import { useApi } from './useApi';

export function useDepartments() {
  return useApi<{ departments: Department[] }>('/api/departments');
}

export type NewDepartment = Pick<Department, 'code' | 'name' | 'shortName'> & { sortOrder?: number };
export type DepartmentChange = Partial<Pick<Department, 'name' | 'shortName' | 'sortOrder' | 'active'>>;

export const addDepartment = (body: NewDepartment) => api<Department>('POST', '/api/departments', body);
export const changeDepartment = (code: string, change: DepartmentChange) =>
  api<Department>('PATCH', `/api/departments/${encodeURIComponent(code)}`, change);

/** POST /api/values/validate and PUT /api/values: checking and saving what was typed into a form. */
import { api } from '../api/client';

/** One value as typed: numbers are sent as the text in the cell, empty as null. */
export interface ValueEntry {
  indicator: string;
  orgUnit: string;
  sex: string;
  area: string;
  ageGroup: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  source: string | null;
  note: string | null;
}

export interface ValuesBody {
  year: number;
  department: string;
  entries: ValueEntry[];
  reason?: string;
}

export interface EntryError {
  index: number;
  column: string | null;
  message: string;
}

export interface Validation {
  errors: EntryError[];
  warnings: { index: number; message: string }[];
}

export interface SaveResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const validateValues = (body: ValuesBody) => api<Validation>('POST', '/api/values/validate', body);
export const saveValues = (body: ValuesBody) => api<SaveResult>('PUT', '/api/values', body);

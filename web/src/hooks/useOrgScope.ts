/** GET /api/org-units/scope: the user's unit and every city, county and township unit below it. */
import type { OrgScope } from '../api/types';
import { useApi } from './useApi';

export function useOrgScope() {
  return useApi<OrgScope>('/api/org-units/scope');
}

/** What every page of the public portal needs first: the plan, its units and the published years. */
import { createContext, useContext } from 'react';
import type { PortalInfo } from './publicApi';

export const PortalContext = createContext<PortalInfo | null>(null);

/** The portal's facts; the site renders its pages only once they are known. */
export function usePortal(): PortalInfo {
  const info = useContext(PortalContext);
  if (!info) throw new Error('usePortal outside the public site');
  return info;
}

import { createContext, useContext } from 'react';
import type { AppInfo, PlatformBridge } from '../../shared/platform/bridge.ts';
import type { CreditDeskDatabase } from '../db/database.ts';
import type { LocalStore } from '../db/localStore.ts';
import type { SubjectRepository } from '../repositories/subjects.ts';

/** This office's identity on this computer, entered once at first start. */
export interface OfficeSettings {
  officeName: string;
  county: string;
  userId: string;
  userName: string;
}

export interface AppServices {
  bridge: PlatformBridge;
  appInfo: AppInfo;
  db: CreditDeskDatabase;
  local: LocalStore;
  subjects: SubjectRepository;
  office: OfficeSettings;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}

import type { RxStorage } from 'rxdb';
import { generateDemoSubjects } from '../../shared/demo/subjects.ts';
import type { AppInfo, PlatformBridge } from '../../shared/platform/bridge.ts';
import { uuidv7 } from '../../shared/util/uuid.ts';
import { openDatabase } from '../db/database.ts';
import { LocalStore } from '../db/localStore.ts';
import { SubjectRepository } from '../repositories/subjects.ts';
import { type Session, systemClock } from '../session/session.ts';
import type { AppServices, OfficeSettings } from './services.ts';

const profileName = 'creditdesk';
export const demoOffice: Omit<OfficeSettings, 'userId'> = {
  officeName: '武陟县住房和城乡建设局（演示）',
  county: '410823',
  userName: '演示录入员',
};
const demoSubjectCount = 300;

export interface Opened {
  appInfo: AppInfo;
  local: LocalStore;
  /** Null until the office has been set up on this computer. */
  office: OfficeSettings | null;
}

/** Development builds validate every write against the schema; tests and production do not pay for it. */
async function developmentStorageWrapper(): Promise<
  ((storage: RxStorage<unknown, unknown>) => RxStorage<unknown, unknown>) | undefined
> {
  if (!import.meta.env.DEV || import.meta.env.MODE === 'test') return undefined;
  const [{ addRxPlugin }, { RxDBDevModePlugin }, { wrappedValidateAjvStorage }] = await Promise.all([
    import('rxdb'),
    import('rxdb/plugins/dev-mode'),
    import('rxdb/plugins/validate-ajv'),
  ]);
  addRxPlugin(RxDBDevModePlugin);
  return (storage) => wrappedValidateAjvStorage({ storage }) as RxStorage<unknown, unknown>;
}

export async function openShell(bridge: PlatformBridge): Promise<Opened> {
  const appInfo = await bridge.appInfo();
  const local = new LocalStore(profileName);
  let office = (await local.getSetting<OfficeSettings>('office')) ?? null;
  if (!office && appInfo.demo) {
    office = { ...demoOffice, userId: uuidv7() };
    await local.setSetting('office', office);
  }
  return { appInfo, local, office };
}

export async function openServices(
  bridge: PlatformBridge,
  opened: Opened & { office: OfficeSettings },
): Promise<AppServices> {
  const { appInfo, local, office } = opened;
  const db = await openDatabase({
    name: profileName,
    multiInstance: appInfo.shell === 'browser',
    wrapStorage: await developmentStorageWrapper(),
  });
  const session = (): Session => ({
    userId: office.userId,
    userName: office.userName,
    county: office.county,
  });
  const subjects = await SubjectRepository.open(db.subjects, local, session, systemClock);
  if (appInfo.demo && !(await local.getSetting<boolean>('demoSeeded'))) {
    for (const input of generateDemoSubjects({
      seed: 2026,
      count: demoSubjectCount,
      division: office.county,
    })) {
      await subjects.create(input);
    }
    await local.setSetting('demoSeeded', true);
  }
  return { bridge, appInfo, db, local, subjects, office };
}

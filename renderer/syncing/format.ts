import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { SyncProblem } from '../kernel/sync/syncStatus.ts';

export function formatTime(iso: string | number | null, language: string): string {
  if (iso === null) return '';
  return dayjs(iso)
    .locale(language === 'zh-CN' ? 'zh-cn' : 'en')
    .format(language === 'zh-CN' ? 'YYYY-MM-DD HH:mm:ss' : 'D MMM YYYY HH:mm:ss');
}

/** A platform problem in the user's language: the catalogue message, or "cannot be reached". */
export function problemMessage(t: TFunction, problem: SyncProblem): string {
  if (problem.error)
    return t(`syncError.${problem.error}`, { ...problem.details, defaultValue: problem.message });
  return t('sync.error.network');
}

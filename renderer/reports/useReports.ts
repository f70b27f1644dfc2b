import { distinctUntilChanged, filter, map } from 'rxjs';
import { useServices } from '../app/services.ts';
import type { AppServices } from '../app/services.ts';
import { VerificationService } from '../verification/verificationService.ts';
import { ReportService } from './reportService.ts';

export interface ReportServices {
  reports: ReportService;
  verification: VerificationService;
}

const opened = new WeakMap<AppServices, ReportServices>();

/**
 * The workspace's report and verification services, made once per workspace. Reports still pending
 * registration are registered after every completed sync (the platform then holds their subjects).
 */
export function reportServicesOf(
  services: AppServices,
  /** The print font; Node tests load the shipped file from disk. */
  font?: () => Promise<Uint8Array>,
): ReportServices {
  let found = opened.get(services);
  if (!found) {
    const reports = new ReportService(services, font);
    found = { reports, verification: new VerificationService(services, reports) };
    opened.set(services, found);
    services.sync.status$
      .pipe(
        map((status) => status.lastSyncedAt),
        filter((at) => at !== null),
        distinctUntilChanged(),
      )
      // A report the platform cannot take yet stays pending and is tried again after the next sync.
      .subscribe(() => void reports.registerPending().catch(() => 0));
  }
  return found;
}

export function useReportServices(): ReportServices {
  return reportServicesOf(useServices());
}

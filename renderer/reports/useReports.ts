import { useServices } from '../app/services.ts';
import type { AppServices } from '../app/services.ts';
import { VerificationService } from '../verification/verificationService.ts';
import { ReportService } from './reportService.ts';

export interface ReportServices {
  reports: ReportService;
  verification: VerificationService;
}

const opened = new WeakMap<AppServices, ReportServices>();

/** The workspace's report and verification services, made once per workspace. */
export function reportServicesOf(services: AppServices): ReportServices {
  let found = opened.get(services);
  if (!found) {
    const reports = new ReportService(services);
    found = { reports, verification: new VerificationService(services, reports) };
    opened.set(services, found);
  }
  return found;
}

export function useReportServices(): ReportServices {
  return reportServicesOf(useServices());
}

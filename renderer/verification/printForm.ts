import type { AppServices } from '../app/services.ts';
import type { ReportService } from '../reports/reportService.ts';
import { saveMadeFile } from '../kernel/platform/saveMadeFile.ts';
import { printCheckForm } from './printCheck.ts';
import type { SavedCheck } from './verificationService.ts';

/** Prints a saved check's form and offers the PDF for saving; resolves whether it was saved. */
export async function saveCheckForm(
  services: Pick<AppServices, 'bridge' | 'office'>,
  reports: ReportService,
  check: SavedCheck,
  checkedBy: string,
): Promise<boolean> {
  const printed = await printCheckForm(check.record, {
    fontBytes: await reports.font(),
    officeName: services.office.officeName,
    at: check.at,
    checkedBy,
  });
  return saveMadeFile(services.bridge, {
    name: `信用信息核查记录表_${check.at.slice(0, 19).replace(/[:T]/g, '-')}.pdf`,
    mimeType: 'application/pdf',
    bytes: printed.bytes,
  });
}

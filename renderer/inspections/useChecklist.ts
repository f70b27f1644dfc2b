import { checklistVersion } from '../../shared/inspections/checklistVersions.ts';
import type { ChecklistTemplate } from '../../shared/inspections/checklists.ts';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import { useServices } from '../app/services.ts';

/** The checklist version an inspection recorded (kept however many versions the city published since). */
export function useRecordedChecklist(
  doc: Pick<InspectionDocument, 'templateIndustry' | 'templateVersion'>,
): ChecklistTemplate | undefined {
  const { reference } = useServices();
  return checklistVersion(reference.checklists(), doc.templateIndustry, doc.templateVersion);
}

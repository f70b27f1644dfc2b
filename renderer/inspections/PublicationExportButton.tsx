import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  exportInspectionPublication,
  publishableInspections,
} from '../../shared/inspections/publicationFile.ts';
import { useServices } from '../app/services.ts';
import { useCan } from '../kernel/security/hooks.ts';
import { useBusy } from '../kernel/ui/saving.ts';
import { useTouchSize } from './touch.tsx';

/**
 * The publication file of inspection results (检查结果公示), as the commitments and the 双公示 export give
 * theirs: every closed inspection with its result fields, names instead of ids, no personal data.
 */
export function PublicationExportButton() {
  const { t, i18n } = useTranslation();
  const size = useTouchSize();
  const { inspections, plans, projects, subjects, office, bridge } = useServices();
  const allowed = useCan('export.publication');
  const [busy, busyWhile] = useBusy();
  if (!allowed) return null;
  const run = () =>
    busyWhile(async () => {
      const [all, planDocs, projectDocs] = await Promise.all([
        inspections.list(),
        plans.list(),
        projects.list(),
      ]);
      const zh = i18n.getFixedT('zh-CN');
      const names = (docs: { id: string; name: string }[]) => new Map(docs.map((doc) => [doc.id, doc.name]));
      const planNames = names(planDocs.map((doc) => ({ id: doc.id, name: doc.plan.name })));
      const projectNames = names(projectDocs.map((doc) => ({ id: doc.id, name: doc.project.name })));
      const data = await exportInspectionPublication(
        all,
        {
          subject: (id) => subjects.index.get(id),
          projectName: (id) => projectNames.get(id) ?? '',
          planName: (id) => planNames.get(id) ?? '',
          industryName: (industry) => zh(`subject.industry.${industry}`),
          office: office.officeName,
        },
        'xlsx',
      );
      const saved = await bridge.saveFile({
        suggestedName: `${t('publicityUi.export.fileName')}_${inspections.today()}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: new Uint8Array(data),
      });
      const count = publishableInspections(all).length;
      if (saved.saved)
        notifications.show({ color: 'teal', message: t('publicityUi.export.done', { count }) });
    });
  return (
    <Button size={size} variant="default" onClick={run} loading={busy} data-testid="publication-export">
      {t('publicityUi.export.button')}
    </Button>
  );
}

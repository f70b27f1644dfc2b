import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { exportPublicationFile, publicationRecords } from '../../shared/commitments/publication.ts';
import { useServices } from '../app/services.ts';
import { useCan } from '../kernel/security/hooks.ts';
import { useBusy } from '../kernel/ui/saving.ts';

/** The publication file of public commitments (信用承诺公示), as the 双公示 export gives its decisions. */
export function PublicationButton() {
  const { t } = useTranslation();
  const { commitments, bridge } = useServices();
  const allowed = useCan('export.publication');
  const [busy, busyWhile] = useBusy();
  if (!allowed) return null;
  const run = () =>
    busyWhile(async () => {
      const all = await commitments.all();
      const count = publicationRecords(all).length;
      const data = await exportPublicationFile(all, commitments.matters, 'xlsx');
      const saved = await bridge.saveFile({
        suggestedName: `${t('commitmentUi.publication.fileName')}_${commitments.today()}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: new Uint8Array(data),
      });
      if (saved.saved)
        notifications.show({ color: 'teal', message: t('commitmentUi.publication.done', { count }) });
    });
  return (
    <Button variant="default" onClick={run} loading={busy}>
      {t('commitmentUi.publication.export')}
    </Button>
  );
}

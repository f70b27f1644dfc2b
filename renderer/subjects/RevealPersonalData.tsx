import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { mayReveal, personalFieldsOf } from '../../shared/base/security/masking.ts';
import { useServices } from '../app/services.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { useSession } from '../kernel/security/hooks.ts';
import { revealPersonalData } from '../kernel/security/repositoryContext.ts';
import { issueMessage } from './labels.ts';

/**
 * "Show in full" for one subject's masked personal values: asks why, writes the reveal to the audit
 * trail, and only then shows the clear values (on this page, for this record).
 */
export function RevealPersonalData({
  subject,
  onRevealed,
}: {
  subject: SubjectDocument;
  onRevealed: () => void;
}) {
  const { t } = useTranslation();
  const { context } = useServices();
  const { roles } = useSession();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = personalFieldsOf('subjects', { kind: subject.kind })
    .map((entry) => entry.field)
    .filter((field) => subject[field as keyof SubjectDocument] !== '');
  if (!mayReveal(roles) || fields.length === 0) return null;

  const reveal = async () => {
    setBusy(true);
    try {
      const refused = await revealPersonalData(context, {
        collection: 'subjects',
        documentId: subject.id,
        fields,
        reason,
      });
      if (refused) return setProblem(issueMessage(t, refused));
      setOpened(false);
      onRevealed();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="light"
        color="orange"
        leftSection={<IconEye size={16} />}
        onClick={() => setOpened(true)}
      >
        {t('reveal.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('reveal.title')}>
        <Stack>
          <Text size="sm">{t('reveal.intro')}</Text>
          <Textarea
            label={t('reveal.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
          />
          {problem && <Alert color="red">{problem}</Alert>}
          <FormActions
            onCancel={() => setOpened(false)}
            onConfirm={reveal}
            label={t('reveal.submit')}
            loading={busy}
            disabled={reason.trim() === ''}
            color="orange"
          />
        </Stack>
      </Modal>
    </>
  );
}

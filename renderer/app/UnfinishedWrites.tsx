import { Alert, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from './services.ts';

/** Says so while groups of linked writes wait in the journal, with a retry (see writeJournal.ts). */
export function UnfinishedWrites() {
  const { t } = useTranslation();
  const { journal } = useServices();
  const [count, setCount] = useState(0);
  const [retrying, setRetrying] = useState(false);

  useEffect(() => {
    const subscription = journal.watchUnfinished().subscribe(setCount);
    return () => subscription.unsubscribe();
  }, [journal]);

  if (count === 0) return null;
  const retry = async () => {
    setRetrying(true);
    try {
      await journal.replay();
      if ((await journal.unfinished()) === 0)
        notifications.show({ color: 'teal', message: t('creditUi.journal.done') });
    } finally {
      setRetrying(false);
    }
  };
  return (
    <Alert
      color="yellow"
      mb="md"
      title={t('creditUi.journal.title', { count })}
      data-testid="unfinished-writes"
    >
      <Text size="sm" mb="xs">
        {t('creditUi.journal.body')}
      </Text>
      <Button size="xs" variant="light" color="yellow" loading={retrying} onClick={retry}>
        {t('creditUi.journal.retry')}
      </Button>
    </Alert>
  );
}

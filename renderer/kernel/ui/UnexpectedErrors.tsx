import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Tells the user when an action failed with an error no screen handled (a full disk, a closed
 * database), instead of leaving a button that seems to do nothing. Renders nothing.
 */
export function UnexpectedErrors() {
  const { t } = useTranslation();
  useEffect(() => {
    const show = (event: PromiseRejectionEvent) => {
      const reason: unknown = event.reason;
      // A request cancelled on purpose (sync stopping, a page left) is not a failure.
      if (reason instanceof DOMException && reason.name === 'AbortError') return;
      const message = reason instanceof Error ? reason.message : String(reason);
      notifications.show({
        color: 'red',
        autoClose: false,
        title: t('app.unexpectedTitle'),
        message: t('app.unexpected', { message }),
      });
    };
    window.addEventListener('unhandledrejection', show);
    return () => window.removeEventListener('unhandledrejection', show);
  }, [t]);
  return null;
}

import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Changes when the user navigates, so a broken page does not stay broken on the next one. */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey?: string;
}

/** Shows a readable message and a way back instead of a blank screen. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override render(): ReactNode {
    return this.state.error ? <ErrorPanel error={this.state.error} /> : this.props.children;
  }
}

function ErrorPanel({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('error.title')} role="alert" m="md">
      <Stack gap="sm">
        <Text>{t('error.body')}</Text>
        <details>
          <summary>{t('error.details')}</summary>
          <Code block>{error.message}</Code>
        </details>
        <Group>
          <Button variant="light" onClick={() => window.location.assign('#/')}>
            {t('error.home')}
          </Button>
          <Button variant="subtle" onClick={() => window.location.reload()}>
            {t('error.reload')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

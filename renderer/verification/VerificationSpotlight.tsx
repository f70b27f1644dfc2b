import { Button, Kbd, useMatches } from '@mantine/core';
import { Spotlight, type SpotlightActionData, spotlight } from '@mantine/spotlight';
import '@mantine/spotlight/styles.css';
import { IconSearch, IconShieldSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { normalizeCode } from '../../shared/base/identifiers.ts';
import { useServices } from '../app/services.ts';
import { displayCode } from '../subjects/labels.ts';
import { useReportServices } from '../reports/useReports.ts';
import { useCan } from '../kernel/security/hooks.ts';

/** Credit check from anywhere: Ctrl+K (⌘K) opens a subject search; picking one opens its check. */
export function VerificationSpotlight() {
  const { t } = useTranslation();
  const { subjects } = useServices();
  const navigate = useNavigate();
  const allowed = useCan('verification.query');
  // Opens the report services with the workspace, so pending reports register after each sync.
  useReportServices();
  const [query, setQuery] = useState('');
  const [actions, setActions] = useState<SpotlightActionData[]>([]);

  useEffect(() => {
    let current = true;
    subjects.list({ text: query, sort: 'name', limit: 12 }).then((page) => {
      if (!current) return;
      const found: SpotlightActionData[] = page.items.map((subject) => ({
        id: subject.id,
        label: subject.name,
        description: displayCode(subject),
        onClick: () => navigate(`/verification?subject=${encodeURIComponent(subject.id)}`),
      }));
      // A code this county does not hold: check the party as unregistered.
      const code = normalizeCode(query);
      if (found.length === 0 && code.length === 18) {
        found.push({
          id: 'unregistered',
          label: t('verification.spotlightParty', { code }),
          onClick: () => navigate(`/verification?party=${encodeURIComponent(code)}`),
        });
      }
      setActions(found);
    });
    return () => {
      current = false;
    };
  }, [subjects, query, navigate, t]);

  // Below 992 px the hint is left out, and with it the button's right slot.
  const shortcutHint = useMatches({ base: null, md: <Kbd size="xs">Ctrl K</Kbd> });

  if (!allowed) return null;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconShieldSearch size={16} />}
        rightSection={shortcutHint}
        data-testid="verification-spotlight"
        onClick={() => spotlight.open()}
        aria-label={t('verification.spotlightOpen')}
      >
        {t('verification.nav')}
      </Button>
      <Spotlight
        actions={actions}
        query={query}
        onQueryChange={setQuery}
        filter={(_query, found) => found}
        nothingFound={t('verification.spotlightEmpty')}
        shortcut={['mod + K']}
        searchProps={{
          leftSection: <IconSearch size={18} />,
          placeholder: t('verification.spotlightHint'),
          'aria-label': t('verification.spotlight'),
        }}
        highlightQuery
      />
    </>
  );
}

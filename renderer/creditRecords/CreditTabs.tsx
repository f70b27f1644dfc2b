import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const sections = ['records', 'disclosures', 'catalog'] as const;
export type CreditSection = (typeof sections)[number];

/** The sections of the credit area: records, 双公示 licences and penalties, the catalog. */
export function CreditTabs({ active }: { active: CreditSection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs value={active} onChange={(next) => next && navigate(`/credit/${next}`)}>
      <Tabs.List>
        {sections.map((section) => (
          <Tabs.Tab key={section} value={section}>
            {t(`creditUi.sections.${section}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

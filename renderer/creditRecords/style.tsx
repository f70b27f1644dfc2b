import { Badge, ThemeIcon } from '@mantine/core';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconAward,
  IconBan,
  IconFileDescription,
  IconId,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditRecordStatus } from '../../shared/creditRecords/model.ts';

interface CategoryStyle {
  color: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
}

/** Colour and icon per credit category; categories a city adds later fall back to grey. */
const categoryStyles: Record<string, CategoryStyle> = {
  basic: { color: 'blue', icon: IconId },
  enhancing: { color: 'teal', icon: IconAward },
  generalDishonest: { color: 'orange', icon: IconAlertTriangle },
  seriousDishonest: { color: 'red', icon: IconBan },
  riskWarning: { color: 'yellow', icon: IconAlertCircle },
};

const otherCategory: CategoryStyle = { color: 'gray', icon: IconFileDescription };

export function categoryStyle(category: string): CategoryStyle {
  return categoryStyles[category] ?? otherCategory;
}

const statusColors: Record<CreditRecordStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  expired: 'dark',
  repaired: 'violet',
  revoked: 'red',
};

export function CategoryIcon({ category, size = 28 }: { category: string; size?: number }) {
  const { color, icon: Icon } = categoryStyle(category);
  return (
    <ThemeIcon color={color} variant="light" radius="xl" size={size}>
      <Icon size={Math.round(size * 0.6)} stroke={1.8} />
    </ThemeIcon>
  );
}

export function CategoryBadge({ category }: { category: string }) {
  const { t } = useTranslation();
  const { color, icon: Icon } = categoryStyle(category);
  return (
    <Badge color={color} variant="light" leftSection={<Icon size={12} stroke={2} />}>
      {t(`credit.category.${category}`, { defaultValue: category })}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: CreditRecordStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="outline">
      {t(`credit.status.${status}`)}
    </Badge>
  );
}

/** Whether the public sees the record today. */
export function PublicBadge({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={visible ? 'green' : 'gray'} variant={visible ? 'filled' : 'light'}>
      {t(visible ? 'creditUi.record.public' : 'creditUi.record.notPublic')}
    </Badge>
  );
}

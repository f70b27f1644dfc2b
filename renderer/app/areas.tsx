import { IconBuildingCommunity, IconSettings } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { SubjectDetailPage } from '../features/subjects/SubjectDetailPage.tsx';
import { SubjectCreatePage, SubjectEditPage } from '../features/subjects/SubjectFormPage.tsx';
import { SubjectListPage } from '../features/subjects/SubjectListPage.tsx';

export interface AppRoute {
  path: string;
  element: ReactNode;
}

export interface NavigationArea {
  path: string;
  /** i18n key of the label. */
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
}

/** Every screen of the app. Features add their routes here. */
export const appRoutes: AppRoute[] = [
  { path: '/subjects', element: <SubjectListPage /> },
  { path: '/subjects/new/:kind', element: <SubjectCreatePage /> },
  { path: '/subjects/:id', element: <SubjectDetailPage /> },
  { path: '/subjects/:id/edit', element: <SubjectEditPage /> },
  { path: '/settings', element: <SettingsPage /> },
];

/** The navigation, in order; only areas that exist are listed. */
export const navigationAreas: NavigationArea[] = [
  { path: '/subjects', label: 'nav.subjects', icon: IconBuildingCommunity },
  { path: '/settings', label: 'nav.settings', icon: IconSettings },
];

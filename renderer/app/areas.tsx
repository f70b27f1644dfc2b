import {
  IconListCheck,
  IconBuildingCommunity,
  IconClipboardCheck,
  IconFiles,
  IconGavel,
  IconChartBar,
  IconLayoutDashboard,
  IconSettings,
  IconShieldCheck,
  IconSignature,
  IconRefresh,
  IconFileCertificate,
  IconShieldSearch,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { Navigate } from 'react-router';
import { CommitmentCreatePage, CommitmentEditPage } from '../commitments/CommitmentFormPage.tsx';
import { CommitmentListPage } from '../commitments/CommitmentListPage.tsx';
import { CommitmentPage } from '../commitments/CommitmentPage.tsx';
import type { Action } from '../../shared/base/security/permissions.ts';
import { CaseFormPage } from '../cases/CaseFormPage.tsx';
import { CaseListPage } from '../cases/CaseListPage.tsx';
import { CasePage } from '../cases/CasePage.tsx';
import { CatalogPage } from '../creditRecords/CatalogPage.tsx';
import { CreditRecordCreatePage, CreditRecordEditPage } from '../creditRecords/CreditRecordFormPage.tsx';
import { CreditRecordListPage } from '../creditRecords/CreditRecordListPage.tsx';
import { CreditRecordPage } from '../creditRecords/CreditRecordPage.tsx';
import { DashboardPage } from '../dashboard/DashboardPage.tsx';
import { DisclosureCreatePage, DisclosureEditPage } from '../disclosures/DisclosureFormPage.tsx';
import { DisclosureListPage } from '../disclosures/DisclosureListPage.tsx';
import { DisclosurePage } from '../disclosures/DisclosurePage.tsx';
import { AuditPage } from '../audit/AuditPage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { ConflictsPage } from '../syncing/ConflictsPage.tsx';
import { SyncPage } from '../syncing/SyncPage.tsx';
import { SubjectDetailPage } from '../subjects/SubjectDetailPage.tsx';
import { SubjectCreatePage, SubjectEditPage } from '../subjects/SubjectFormPage.tsx';
import { SubjectListPage } from '../subjects/SubjectListPage.tsx';
import { UsersPage } from '../users/UsersPage.tsx';
import { FiguresPage } from '../reports/FiguresPage.tsx';
import { ReportsPage } from '../reports/ReportsPage.tsx';
import { CasesPage } from '../verification/CasesPage.tsx';
import { VerificationPage } from '../verification/VerificationPage.tsx';
import { ChecklistTemplatesPage } from '../inspections/ChecklistTemplatesPage.tsx';
import { InspectionListPage } from '../inspections/InspectionListPage.tsx';
import { InspectionPage } from '../inspections/InspectionPage.tsx';
import { InspectionStartPage } from '../inspections/InspectionStartPage.tsx';
import { RectificationListPage } from '../inspections/RectificationListPage.tsx';
import { DeclarationListPage } from '../inspections/DeclarationListPage.tsx';
import { PlanFormPage } from '../inspections/PlanFormPage.tsx';
import { PlanListPage } from '../inspections/PlanListPage.tsx';
import { PlanPage } from '../inspections/PlanPage.tsx';
import { ProjectFormPage } from '../inspections/ProjectFormPage.tsx';
import { ProjectListPage, ProjectPage } from '../inspections/ProjectListPage.tsx';
import { ListsPage } from '../lists/ListsPage.tsx';

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** Only roles allowed this action use the page; others are told why and led back to `back`. */
  action?: Action;
  back?: string;
}

export interface NavigationArea {
  path: string;
  /** i18n key of the label. */
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Shown only to users whose roles allow this action (the screen and the repositories check again). */
  action?: Action;
}

/** Every screen of the app. Features add their routes here. */
export const appRoutes: AppRoute[] = [
  { path: '/dashboard', element: <DashboardPage /> },
  { path: '/subjects', element: <SubjectListPage /> },
  {
    path: '/subjects/new/:kind',
    element: <SubjectCreatePage />,
    action: 'subject.create',
    back: '/subjects',
  },
  { path: '/subjects/:id', element: <SubjectDetailPage /> },
  { path: '/subjects/:id/edit', element: <SubjectEditPage />, action: 'subject.update', back: '/subjects' },
  { path: '/credit', element: <Navigate to="/credit/records" replace /> },
  { path: '/credit/records', element: <CreditRecordListPage /> },
  {
    path: '/credit/records/new',
    element: <CreditRecordCreatePage />,
    action: 'record.create',
    back: '/credit/records',
  },
  { path: '/credit/records/:id', element: <CreditRecordPage /> },
  {
    path: '/credit/records/:id/edit',
    element: <CreditRecordEditPage />,
    action: 'record.editDraft',
    back: '/credit/records',
  },
  { path: '/credit/disclosures', element: <DisclosureListPage /> },
  {
    path: '/credit/disclosures/new/:kind',
    element: <DisclosureCreatePage />,
    action: 'disclosure.create',
    back: '/credit/disclosures',
  },
  { path: '/credit/disclosures/:id', element: <DisclosurePage /> },
  {
    path: '/credit/disclosures/:id/edit',
    element: <DisclosureEditPage />,
    action: 'disclosure.editDraft',
    back: '/credit/disclosures',
  },
  { path: '/credit/catalog', element: <CatalogPage /> },
  { path: '/cases', element: <CaseListPage /> },
  { path: '/cases/new/:kind', element: <CaseFormPage />, action: 'case.register', back: '/cases' },
  { path: '/cases/:id', element: <CasePage /> },
  { path: '/commitments', element: <CommitmentListPage /> },
  {
    path: '/commitments/new',
    element: <CommitmentCreatePage />,
    action: 'commitment.create',
    back: '/commitments',
  },
  { path: '/commitments/:id', element: <CommitmentPage /> },
  {
    path: '/commitments/:id/edit',
    element: <CommitmentEditPage />,
    action: 'commitment.update',
    back: '/commitments',
  },
  { path: '/inspections', element: <InspectionListPage /> },
  {
    path: '/inspections/new',
    element: <InspectionStartPage />,
    action: 'inspection.record',
    back: '/inspections',
  },
  { path: '/inspections/rectifications', element: <RectificationListPage /> },
  { path: '/inspections/conflicts', element: <DeclarationListPage /> },
  { path: '/inspections/checklists', element: <ChecklistTemplatesPage /> },
  { path: '/inspections/plans', element: <PlanListPage /> },
  {
    path: '/inspections/plans/new',
    element: <PlanFormPage />,
    action: 'inspection.plan',
    back: '/inspections/plans',
  },
  { path: '/inspections/plans/:id', element: <PlanPage /> },
  { path: '/inspections/:id', element: <InspectionPage /> },
  { path: '/projects', element: <ProjectListPage /> },
  { path: '/projects/new', element: <ProjectFormPage />, action: 'subject.create', back: '/projects' },
  { path: '/projects/:id', element: <ProjectPage /> },
  { path: '/projects/:id/edit', element: <ProjectFormPage />, action: 'subject.update', back: '/projects' },
  { path: '/lists', element: <ListsPage /> },
  { path: '/sync', element: <SyncPage />, action: 'sync.run' },
  { path: '/sync/conflicts', element: <ConflictsPage />, action: 'sync.run' },
  { path: '/users', element: <UsersPage />, action: 'user.manage' },
  { path: '/audit', element: <AuditPage />, action: 'audit.read' },
  { path: '/settings', element: <SettingsPage /> },
  { path: '/reports', element: <ReportsPage />, action: 'report.print' },
  { path: '/figures', element: <FiguresPage /> },
  { path: '/verification', element: <VerificationPage />, action: 'verification.query' },
  {
    path: '/verification/cases',
    element: <CasesPage />,
    action: 'verification.query',
    back: '/verification',
  },
];

/** The navigation, in order; only areas that exist are listed. */
export const navigationAreas: NavigationArea[] = [
  { path: '/dashboard', label: 'nav.dashboard', icon: IconLayoutDashboard },
  { path: '/figures', label: 'figures.nav', icon: IconChartBar },
  { path: '/subjects', label: 'nav.subjects', icon: IconBuildingCommunity },
  { path: '/credit', label: 'nav.credit', icon: IconFiles },
  { path: '/cases', label: 'cases.nav', icon: IconGavel },
  { path: '/verification', label: 'verification.nav', icon: IconShieldSearch, action: 'verification.query' },
  { path: '/reports', label: 'reports.nav', icon: IconFileCertificate, action: 'report.print' },
  { path: '/commitments', label: 'commitmentUi.nav', icon: IconSignature },
  { path: '/inspections', label: 'inspectionUi.nav', icon: IconClipboardCheck },
  { path: '/lists', label: 'nav.lists', icon: IconListCheck },
  { path: '/sync', label: 'sync.nav', icon: IconRefresh, action: 'sync.run' },
  { path: '/users', label: 'nav.users', icon: IconUsers, action: 'user.manage' },
  { path: '/audit', label: 'nav.audit', icon: IconShieldCheck, action: 'audit.read' },
  { path: '/settings', label: 'nav.settings', icon: IconSettings },
];

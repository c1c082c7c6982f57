import {
  IconAward,
  IconBook2,
  IconCertificate,
  IconChartBar,
  IconDatabaseExport,
  IconFileText,
  IconFolders,
  IconHelp,
  IconInfoCircle,
  IconListCheck,
  IconSettings,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactElement } from 'react';
import { lazyNamed } from '../components/lazy';

// Each area is loaded the first time it is opened (its own chunk: components/lazy.tsx). A new
// area adds one line here and one entry below; never import an area statically.
const DossiersArea = lazyNamed(() => import('../features/dossiers/DossiersArea'), 'DossiersArea');
const CouncilsArea = lazyNamed(() => import('../features/councils/CouncilsArea'), 'CouncilsArea');
const SessionsArea = lazyNamed(() => import('../features/sessions/SessionsArea'), 'SessionsArea');
const ResultsArea = lazyNamed(() => import('../features/results/ResultsArea'), 'ResultsArea');
const DocumentsArea = lazyNamed(() => import('../features/documents/DocumentsArea'), 'DocumentsArea');
const RegistryArea = lazyNamed(() => import('../features/registry/RegistryArea'), 'RegistryArea');
const StatsArea = lazyNamed(() => import('../features/stats/StatsArea'), 'StatsArea');
const CriteriaArea = lazyNamed(() => import('../features/criteria/CriteriaArea'), 'CriteriaArea');
const BackupPage = lazyNamed(() => import('../features/backup/BackupPage'), 'BackupPage');
const SettingsPage = lazyNamed(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const GuidePage = lazyNamed(() => import('../features/guide/GuidePage'), 'GuidePage');
const AboutPage = lazyNamed(() => import('../features/about/AboutPage'), 'AboutPage');

export type NavKey =
  | 'dossiers'
  | 'councils'
  | 'sessions'
  | 'results'
  | 'documents'
  | 'registry'
  | 'stats'
  | 'criteria'
  | 'backup'
  | 'settings'
  | 'guide'
  | 'about';

export interface AppRoute {
  /** Path of the area's first screen; an area's sub-routes live under it (`/criteria/*`). */
  path: string;
  navKey: NavKey;
  icon: typeof IconFolders;
  element: ReactElement;
}

/**
 * The main navigation, in the order a secretary works through a round. Each area's root component
 * defines its own nested routes.
 */
export const routes: AppRoute[] = [
  { path: '/dossiers', navKey: 'dossiers', icon: IconFolders, element: <DossiersArea /> },
  { path: '/councils', navKey: 'councils', icon: IconUsersGroup, element: <CouncilsArea /> },
  { path: '/sessions', navKey: 'sessions', icon: IconListCheck, element: <SessionsArea /> },
  { path: '/results', navKey: 'results', icon: IconAward, element: <ResultsArea /> },
  { path: '/documents', navKey: 'documents', icon: IconFileText, element: <DocumentsArea /> },
  { path: '/registry', navKey: 'registry', icon: IconCertificate, element: <RegistryArea /> },
  { path: '/stats', navKey: 'stats', icon: IconChartBar, element: <StatsArea /> },
  { path: '/criteria', navKey: 'criteria', icon: IconBook2, element: <CriteriaArea /> },
  { path: '/backup', navKey: 'backup', icon: IconDatabaseExport, element: <BackupPage /> },
  { path: '/settings', navKey: 'settings', icon: IconSettings, element: <SettingsPage /> },
  { path: '/guide', navKey: 'guide', icon: IconHelp, element: <GuidePage /> },
  { path: '/about', navKey: 'about', icon: IconInfoCircle, element: <AboutPage /> },
];

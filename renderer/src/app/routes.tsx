import {
  IconAward,
  IconBook2,
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
import { DossiersArea } from '../features/dossiers/DossiersArea';
import { AboutPage } from '../features/about/AboutPage';
import { BackupPage } from '../features/backup/BackupPage';
import { GuidePage } from '../features/guide/GuidePage';
import { CouncilsArea } from '../features/councils/CouncilsArea';
import { CriteriaArea } from '../features/criteria/CriteriaArea';
import { DocumentsArea } from '../features/documents/DocumentsArea';
import { ResultsArea } from '../features/results/ResultsArea';
import { SessionsArea } from '../features/sessions/SessionsArea';
import { SettingsPage } from '../features/settings/SettingsPage';

export type NavKey =
  'dossiers' | 'councils' | 'sessions' | 'results' | 'documents' | 'criteria' | 'backup' | 'settings' | 'guide' | 'about';

export interface AppRoute {
  /** Path of the area's first screen; an area's sub-routes live under it (`/criteria/*`). */
  path: string;
  navKey: NavKey;
  icon: typeof IconFolders;
  element: ReactElement;
}

/**
 * The main navigation, in the order a secretary works through a round. Each area replaces its
 * ComingSoon element with its feature's root component (which may define nested routes).
 */
export const routes: AppRoute[] = [
  { path: '/dossiers', navKey: 'dossiers', icon: IconFolders, element: <DossiersArea /> },
  { path: '/councils', navKey: 'councils', icon: IconUsersGroup, element: <CouncilsArea /> },
  { path: '/sessions', navKey: 'sessions', icon: IconListCheck, element: <SessionsArea /> },
  { path: '/results', navKey: 'results', icon: IconAward, element: <ResultsArea /> },
  { path: '/documents', navKey: 'documents', icon: IconFileText, element: <DocumentsArea /> },
  { path: '/criteria', navKey: 'criteria', icon: IconBook2, element: <CriteriaArea /> },
  { path: '/backup', navKey: 'backup', icon: IconDatabaseExport, element: <BackupPage /> },
  { path: '/settings', navKey: 'settings', icon: IconSettings, element: <SettingsPage /> },
  { path: '/guide', navKey: 'guide', icon: IconHelp, element: <GuidePage /> },
  { path: '/about', navKey: 'about', icon: IconInfoCircle, element: <AboutPage /> },
];

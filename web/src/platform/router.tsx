import { createBrowserRouter, Navigate } from 'react-router';
import { UploadPage } from '../capture/UploadPage.tsx';
import { AntivirusPage } from '../capture/antivirus/AntivirusPage.tsx';
import { InboxPage } from '../registry/InboxPage.tsx';
import { DeadlinesPage } from '../registry/handling/DeadlinesPage.tsx';
import { MailItemPage } from '../registry/MailItemPage.tsx';
import { QuarantinePage } from '../registry/QuarantinePage.tsx';
import { SearchPage } from '../registry/SearchPage.tsx';
import { StatisticsPage } from '../registry/statistics/StatisticsPage.tsx';
import { EntityPickerPage } from './EntityPickerPage.tsx';
import { EntityScope } from './EntityScope.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { AdministrationHubPage } from '../administration/AdministrationHubPage.tsx';
import { EntityAdminPage } from '../administration/EntityAdminPage.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <EntityPickerPage /> },
      {
        path: '/e/:entityCode',
        element: <EntityScope />,
        children: [
          { index: true, element: <Navigate to="courriers" replace /> },
          { path: 'courriers', element: <InboxPage /> },
          { path: 'courriers/:chrono', element: <MailItemPage /> },
          { path: 'deposer', element: <UploadPage /> },
          { path: 'recherche', element: <SearchPage /> },
          { path: 'quarantaine', element: <QuarantinePage /> },
          { path: 'echeances', element: <DeadlinesPage /> },
          { path: 'pilotage', element: <StatisticsPage /> },
        ],
      },
      { path: '/administration/antivirus', element: <AntivirusPage /> },
      { path: '/administration', element: <AdministrationHubPage /> },
      // Outside EntityScope: platform admins (no role in the entity) may administer it too.
      { path: '/e/:entityCode/administration', element: <EntityAdminPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

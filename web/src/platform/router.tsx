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
import { BasketsPage } from '../registry/baskets/BasketsPage.tsx';
import { RoutingRulesPage } from '../indexing/routing/RoutingRulesPage.tsx';

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
          { path: 'bannettes', element: <BasketsPage /> },
          { path: 'aiguillage', element: <RoutingRulesPage /> },
        ],
      },
      { path: '/administration/antivirus', element: <AntivirusPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

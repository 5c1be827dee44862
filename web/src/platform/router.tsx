import { createBrowserRouter, Navigate } from 'react-router';
import { UploadPage } from '../capture/UploadPage.tsx';
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
import { ContactsPage } from '../registry/contacts/ContactsPage.tsx';
import { RemindersPage } from '../registry/reminders/RemindersPage.tsx';

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
          { path: 'contacts', element: <ContactsPage /> },
          { path: 'rappels', element: <RemindersPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

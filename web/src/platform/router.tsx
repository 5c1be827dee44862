import { createBrowserRouter, Navigate } from 'react-router';
import { UploadPage } from '../capture/UploadPage.tsx';
import { AntivirusPage } from '../capture/antivirus/AntivirusPage.tsx';
import { MailboxesPage } from '../capture/mailboxes/MailboxesPage.tsx';
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
import { ConnectedAppsPage } from './api-tokens/ConnectedAppsPage.tsx';
import { PublicFormPage } from '../public/PublicFormPage.tsx';
import { PublicLayout } from '../public/PublicLayout.tsx';
import { OutboxPage } from '../mail/OutboxPage.tsx';
import { AdministrationHubPage } from '../administration/AdministrationHubPage.tsx';
import { EntityAdminPage } from '../administration/EntityAdminPage.tsx';
import { BasketsPage } from '../registry/baskets/BasketsPage.tsx';
import { RoutingRulesPage } from '../indexing/routing/RoutingRulesPage.tsx';
import { ContactsPage } from '../registry/contacts/ContactsPage.tsx';
import { RemindersPage } from '../registry/reminders/RemindersPage.tsx';

export const router = createBrowserRouter([
  // Public pages: no sign-in (saisine par voie électronique).
  { path: '/demarches/:entityCode', element: <PublicLayout />, children: [{ index: true, element: <PublicFormPage /> }] },
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
          { path: 'boites-aux-lettres', element: <MailboxesPage /> },
          { path: 'applications', element: <ConnectedAppsPage /> },
          { path: 'courriels', element: <OutboxPage /> },
          { path: 'bannettes', element: <BasketsPage /> },
          { path: 'aiguillage', element: <RoutingRulesPage /> },
          { path: 'contacts', element: <ContactsPage /> },
          { path: 'rappels', element: <RemindersPage /> },
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

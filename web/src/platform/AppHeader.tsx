import { Header } from '@codegouvfr/react-dsfr/Header';
import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { fr as handlingFr } from '../registry/handling/fr.ts';
import { fr as statisticsFr } from '../registry/statistics/fr.ts';
import { useOptionalEntity } from './EntityContext.tsx';
import { fr } from './fr.ts';
import { fr as contactsFr } from '../registry/contacts/fr.ts';
import { fr as remindersFr } from '../registry/reminders/fr.ts';
import { useReminderCount } from '../registry/reminders/useReminderCount.ts';

export const HEADER_ID = 'octo-header';

function navigationFor(code: string, pathname: string): MainNavigationProps.Item[] {
  const base = `/e/${encodeURIComponent(code)}`;
  const items: [string, string][] = [
    [`${base}/courriers`, fr.nav.inbox],
    [`${base}/deposer`, fr.nav.upload],
    [`${base}/recherche`, fr.nav.search],
    [`${base}/echeances`, handlingFr.nav],
    [`${base}/quarantaine`, fr.nav.quarantine],
    [`${base}/pilotage`, statisticsFr.nav],
    [`${base}/contacts`, contactsFr.nav],
  ];
  return items.map(([to, text]) => ({ text, linkProps: { to }, isActive: pathname.startsWith(to) }));
}

export function AppHeader() {
  const current = useOptionalEntity();
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const code = current?.code;
  const entityLabel = current?.entity?.name ?? code;
  const reminderCount = useReminderCount(code);

  return (
    <Header
      id={HEADER_ID}
      brandTop={
        <>
          {fr.brandTop[0]}
          <br />
          {fr.brandTop[1]}
        </>
      }
      homeLinkProps={{ to: '/', title: fr.homeTitle }}
      serviceTitle={fr.serviceTitle}
      serviceTagline={entityLabel ?? fr.serviceTagline}
      quickAccessItems={[
        {
          iconId: 'fr-icon-account-circle-line',
          text: 'Agent de démonstration',
          buttonProps: { type: 'button', disabled: true, 'aria-label': 'Connecté en tant qu’Agent de démonstration' },
        },
        ...(code
          ? [{ iconId: 'fr-icon-building-line' as const, text: fr.changeEntity, linkProps: { to: '/' } }]
          : []),
        ...(code
          ? [{ iconId: 'fr-icon-notification-3-line' as const, text: remindersFr.bell(reminderCount ?? 0), linkProps: { to: `/e/${encodeURIComponent(code)}/rappels`, 'data-testid': 'reminder-bell' } as never }]
          : []),
      ]}
      navigation={code ? navigationFor(code, pathname) : undefined}
      {...(code
        ? {
            onSearchButtonClick: (text: string) =>
              navigate(`/e/${encodeURIComponent(code)}/recherche?${new URLSearchParams({ q: text.trim() })}`),
            renderSearchInput: ({ className, id, type }) => (
              <input
                className={className}
                id={id}
                name={id}
                type={type}
                placeholder={fr.searchLabel}
                aria-label={fr.searchLabel}
                defaultValue={pathname.endsWith('/recherche') ? (searchParams.get('q') ?? '') : ''}
              />
            ),
          }
        : {})}
    />
  );
}

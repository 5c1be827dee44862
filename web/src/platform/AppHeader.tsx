import { Header } from '@codegouvfr/react-dsfr/Header';
import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Session } from './session/api.ts';
import { SESSION_KEY, signOut } from './session/api.ts';
import { fr as sessionFr } from './session/fr.ts';
import { fr as handlingFr } from '../registry/handling/fr.ts';
import { fr as statisticsFr } from '../registry/statistics/fr.ts';
import { fr as mailboxesFr } from '../capture/mailboxes/fr.ts';
import { fr as mailFr } from '../mail/fr.ts';
import { useOptionalEntity } from './EntityContext.tsx';
import { fr } from './fr.ts';
import { fr as appsFr } from './api-tokens/fr.ts';
import { fr as adminFr } from '../administration/fr.ts';
import { fr as basketsFr } from '../registry/baskets/fr.ts';
import { fr as routingFr } from '../indexing/routing/fr.ts';
import { fr as contactsFr } from '../registry/contacts/fr.ts';
import { fr as remindersFr } from '../registry/reminders/fr.ts';
import { useReminderCount } from '../registry/reminders/useReminderCount.ts';

export const HEADER_ID = 'octo-header';

/** The entity's pages the agent's roles open (the server checks again on every request). */
function navigationFor(code: string, roles: string[], pathname: string): MainNavigationProps.Item[] {
  const base = `/e/${encodeURIComponent(code)}`;
  const reads = roles.some((r) => ['mailroom_agent', 'service_agent', 'head_of_service', 'auditor'].includes(r));
  const registers = roles.includes('mailroom_agent');
  const admin = roles.includes('entity_admin');
  const link = (to: string, text: string) => ({ text, linkProps: { to }, isActive: pathname.startsWith(to) });
  // Daily work first; the entity's settings grouped in one menu.
  const work: Array<[string, string, boolean]> = [
    [`${base}/courriers`, fr.nav.inbox, reads],
    [`${base}/bannettes`, basketsFr.nav, reads],
    [`${base}/deposer`, fr.nav.upload, registers],
    [`${base}/recherche`, fr.nav.search, reads],
    [`${base}/echeances`, handlingFr.nav, reads],
    [`${base}/quarantaine`, fr.nav.quarantine, registers || roles.includes('auditor')],
    [`${base}/courriels`, mailFr.nav, reads],
    [`${base}/contacts`, contactsFr.nav, reads],
    [`${base}/pilotage`, statisticsFr.nav, reads || admin],
  ];
  const settings: Array<[string, string, boolean]> = [
    [`${base}/boites-aux-lettres`, mailboxesFr.nav, admin || registers],
    [`${base}/aiguillage`, routingFr.nav, admin],
    [`${base}/applications`, appsFr.nav, admin],
    [`${base}/administration`, adminFr.nav, admin],
  ];
  const items: MainNavigationProps.Item[] = work.filter(([, , shown]) => shown).map(([to, text]) => link(to, text));
  const menu = settings.filter(([, , shown]) => shown).map(([to, text]) => link(to, text));
  if (menu.length > 0) {
    items.push({ text: fr.nav.settings, menuLinks: menu, isActive: menu.some((m) => m.isActive) });
  }
  return items;
}

export function AppHeader({ session }: { session: Session | null }) {
  const current = useOptionalEntity();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const code = current?.code;
  const entityLabel = current?.entity?.name ?? code;
  // Reminders concern those who read the entity's mail (an entity admin has none).
  const readsMail = (current?.entity?.myRoles ?? []).some((r) => ['mailroom_agent', 'service_agent', 'head_of_service', 'auditor'].includes(r));
  const reminderCount = useReminderCount(session && readsMail ? code : undefined);

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
      quickAccessItems={
        session
          ? [
              ...(code ? [{ iconId: 'fr-icon-building-line' as const, text: fr.changeEntity, linkProps: { to: '/' } }] : []),
              ...(code && readsMail
                ? [{ iconId: 'fr-icon-notification-3-line' as const, text: remindersFr.bell(reminderCount ?? 0), linkProps: { to: `/e/${encodeURIComponent(code)}/rappels`, 'data-testid': 'reminder-bell' } as never }]
                : []),
              { iconId: 'fr-icon-settings-5-line' as const, text: 'Administration', linkProps: { to: '/administration' } },
              {
                iconId: 'fr-icon-account-circle-line' as const,
                text: session.principal.displayName,
                linkProps: { to: '/', title: sessionFr.signedInAs(session.principal.displayName) },
              },
              {
                iconId: 'fr-icon-logout-box-r-line' as const,
                text: sessionFr.signOut,
                buttonProps: {
                  type: 'button' as const,
                  onClick: () => {
                    void signOut().finally(() => {
                      queryClient.clear();
                      queryClient.setQueryData(SESSION_KEY, null);
                      navigate('/');
                    });
                  },
                },
              },
            ]
          : []
      }
      navigation={code && session ? navigationFor(code, current?.entity?.myRoles ?? [], pathname) : undefined}
      {...(code && session
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

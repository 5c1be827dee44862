import { WebhooksSection } from '../../registry/webhooks/WebhooksSection.tsx';
import { useEntity } from '../EntityContext.tsx';
import { usePageTitle } from '../usePageTitle.ts';
import { fr } from './fr.ts';
import { TokensSection } from './TokensSection.tsx';

/** « Applications connectées »: the entity admin's page for API tokens and webhooks. */
export function ConnectedAppsPage() {
  const { code } = useEntity();
  usePageTitle(fr.title);
  return (
    <>
      <h1>{fr.title}</h1>
      <p>{fr.lead}</p>
      <TokensSection code={code} />
      <WebhooksSection code={code} />
    </>
  );
}

import { useEffect } from 'react';
import { fr } from './fr.ts';

/** Sets the document title ("<page> — Octo — Courrier"), announced by screen readers on navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${fr.serviceTitle}`;
  }, [title]);
}

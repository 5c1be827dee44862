import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Entity } from '../api/types.ts';
import { useEntities } from './api.ts';

const STORAGE_KEY = 'octo.entityCode';

export function readStoredEntityCode(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeEntityCode(code: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // private browsing: the URL still carries the entity
  }
}

export interface EntityContextValue {
  /** Code from the URL (/e/:entityCode/...). */
  code: string;
  /** The entity, once the list is loaded; null when the code is unknown. */
  entity: Entity | null | undefined;
}

const EntityContext = createContext<EntityContextValue | null>(null);

/** Current entity (null outside /e/:entityCode), taken from the URL and remembered in localStorage for the next visit. */
export function EntityProvider({ code, children }: { code: string | null; children: ReactNode }) {
  const entities = useEntities();
  useEffect(() => {
    if (code && entities.data?.some((e) => e.code === code)) storeEntityCode(code);
  }, [code, entities.data]);
  const value = useMemo<EntityContextValue | null>(
    () =>
      code === null
        ? null
        : { code, entity: entities.data ? (entities.data.find((e) => e.code === code) ?? null) : undefined },
    [code, entities.data],
  );
  return <EntityContext.Provider value={value}>{children}</EntityContext.Provider>;
}

/** The current entity, or null outside of /e/:entityCode. */
export function useOptionalEntity(): EntityContextValue | null {
  return useContext(EntityContext);
}

export function useEntity(): EntityContextValue {
  const value = useContext(EntityContext);
  if (!value) throw new Error('useEntity() must be used under /e/:entityCode');
  return value;
}

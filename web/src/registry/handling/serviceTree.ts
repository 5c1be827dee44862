import { useEntity } from '../../platform/EntityContext.tsx';
import type { Service } from '../../api/types.ts';

/** A service of the entity, as GET /api/entities gives it (parentCode for sub-services). */
export type EntityService = Service & { parentCode?: string | null };

/** Services in tree order (each parent followed by its sub-services), with their depth. */
export function serviceTree(services: EntityService[]): Array<{ service: EntityService; depth: number }> {
  const codes = new Set(services.map((s) => s.code));
  const children = new Map<string | null, EntityService[]>();
  for (const service of services) {
    const parent = service.parentCode && codes.has(service.parentCode) ? service.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), service]);
  }
  const result: Array<{ service: EntityService; depth: number }> = [];
  const visit = (parent: string | null, depth: number) => {
    for (const service of children.get(parent) ?? []) {
      result.push({ service, depth });
      if (depth < 10) visit(service.code, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}

/** Name of a service of the current entity, for the success messages. */
export function useServiceName(): (code: string) => string {
  const { entity } = useEntity();
  return (code) => entity?.services.find((s) => s.code === code)?.name ?? code;
}

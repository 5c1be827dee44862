import type { Ctx } from '../context.ts';
import type { Role } from './tables.ts';
import { findUserByEmail } from './user.queries.ts';
import { addMembership, createUser } from './user.service.ts';

/** The demo accounts' password (it satisfies the policy); demo installations only. */
export const DEMO_PASSWORD = 'Demo-Octo-Pilote-2026!';

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  entityCode: string | null;
  serviceCode: string | null;
  password: string;
}

// For each pilot entity: the mailroom, one service (an agent and its head), an auditor, an admin.
const PILOT = [
  { code: 'PREF69', domain: 'pref69', service: 'DMI-SEJOUR', mailroom: 'COURRIER', people: ['Nadia Benali', 'Thomas Girard', 'Hélène Rousseau', 'Marc Lefebvre', 'Sophie Garnier'] },
  { code: 'ARS-ARA', domain: 'ars-ara', service: 'AUTO', mailroom: 'COURRIER', people: ['Julien Morel', 'Claire Fontaine', 'Patrick Chevalier', 'Laure Mercier', 'Karim Haddad'] },
  { code: 'DREAL-ARA', domain: 'dreal-ara', service: 'ICPE', mailroom: 'COURRIER', people: ['Élodie Perrin', 'Antoine Robin', 'Isabelle Faure', 'Nicolas Blanc', 'Fatima Zeroual'] },
  { code: 'DRFIP-ARA', domain: 'drfip-ara', service: 'DOM', mailroom: 'COURRIER', people: ['Sylvie Bertrand', 'Mathieu Lambert', 'Catherine Dumas', 'Olivier Roux', 'Amandine Colin'] },
  { code: 'AC-LYON', domain: 'ac-lyon', service: 'DEC', mailroom: 'COURRIER', people: ['Vincent Marchand', 'Aurélie Gauthier', 'Bernard Picard', 'Émilie Renaud', 'Samir Boucher'] },
] as const;

/** The demo accounts, as the README lists them. */
export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [
    { email: 'admin@octo.demo', displayName: 'Administration de la plateforme', role: 'platform_admin', entityCode: null, serviceCode: null, password: DEMO_PASSWORD },
  ];
  for (const entity of PILOT) {
    const [mailroom, agent, head, auditor, admin] = entity.people;
    const at = `@${entity.domain}.demo`;
    users.push(
      { email: `courrier${at}`, displayName: mailroom, role: 'mailroom_agent', entityCode: entity.code, serviceCode: entity.mailroom, password: DEMO_PASSWORD },
      { email: `agent${at}`, displayName: agent, role: 'service_agent', entityCode: entity.code, serviceCode: entity.service, password: DEMO_PASSWORD },
      { email: `chef${at}`, displayName: head, role: 'head_of_service', entityCode: entity.code, serviceCode: entity.service, password: DEMO_PASSWORD },
      { email: `auditeur${at}`, displayName: auditor, role: 'auditor', entityCode: entity.code, serviceCode: null, password: DEMO_PASSWORD },
      { email: `admin${at}`, displayName: admin, role: 'entity_admin', entityCode: entity.code, serviceCode: null, password: DEMO_PASSWORD },
    );
  }
  return users;
}

/** Creates the demo accounts that are missing (the pilot entities must exist); prints nothing. */
export async function seedDemoUsers(ctx: Ctx): Promise<DemoUser[]> {
  const users = demoUsers();
  for (const demo of users) {
    const existing = await findUserByEmail(ctx.db, demo.email);
    const user = existing ?? (await createUser(ctx, { email: demo.email, displayName: demo.displayName, password: demo.password }));
    await addMembership(ctx, {
      userId: user.id,
      role: demo.role,
      entityCode: demo.entityCode ?? undefined,
      serviceCode: demo.serviceCode ?? undefined,
    });
  }
  return users;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOctoError } from '../../../src/platform/errors.ts';
import { entityAccess, requireEntityAdmin, requirePlatformAdmin, requirePrincipal, type Permission, type Principal, type Role } from '../../../src/platform/auth/permissions.ts';
import { checkPassword } from '../../../src/platform/auth/password-policy.ts';

function principalWith(role: Role, entityCode = 'PREF69', delegated = false): Principal {
  if (role === 'platform_admin') return { userId: 'u', email: 'a@b.fr', displayName: 'A', isPlatformAdmin: true, memberships: [] };
  return {
    userId: 'u',
    email: 'a@b.fr',
    displayName: 'A',
    isPlatformAdmin: false,
    memberships: [{
      entityId: 'e1', entityCode, serviceId: 's1', serviceCode: 'DMI', role,
      ...(delegated ? { viaDelegationFrom: { userId: 'x', displayName: 'X', absenceId: 'ab' } } : {}),
    }],
  };
}

// role → permissions it grants in its own entity (every other cell is a 404).
const MATRIX: Array<[Role, Record<Permission, boolean>]> = [
  ['mailroom_agent', { read: true, register: true, handle: false, sign: false, admin: false, audit: false }],
  ['service_agent', { read: true, register: false, handle: true, sign: false, admin: false, audit: false }],
  ['head_of_service', { read: true, register: false, handle: true, sign: true, admin: false, audit: false }],
  ['auditor', { read: true, register: false, handle: false, sign: false, admin: false, audit: true }],
  ['entity_admin', { read: false, register: false, handle: false, sign: false, admin: true, audit: false }],
  ['platform_admin', { read: false, register: false, handle: false, sign: false, admin: false, audit: false }],
];

describe('entityAccess: the role → permission matrix', () => {
  for (const [role, expected] of MATRIX) {
    for (const [permission, allowed] of Object.entries(expected) as Array<[Permission, boolean]>) {
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission} in its entity; never in another`, () => {
        const principal = principalWith(role);
        if (allowed) {
          const granted = entityAccess(principal, 'PREF69', permission);
          assert.equal(granted[0]!.role, role);
        } else {
          // Its own entity: 403, the role lacks the permission (the entity is no secret to its member);
          // a platform admin is a member of no entity: 404 there too.
          const status = role === 'platform_admin' ? 404 : 403;
          assert.throws(() => entityAccess(principal, 'PREF69', permission), (e) => isOctoError(e) && e.status === status);
        }
        assert.throws(() => entityAccess(principal, 'ARS-ARA', permission), (e) => isOctoError(e) && e.status === 404, 'another entity: 404, never 403');
      });
    }
  }

  it('a delegated membership grants the same and says so', () => {
    const [granted] = entityAccess(principalWith('head_of_service', 'PREF69', true), 'PREF69', 'sign');
    assert.equal(granted!.viaDelegationFrom?.userId, 'x');
  });

  it('signed out: 404 on entity data, 401 where a principal is required', () => {
    assert.throws(() => entityAccess(null, 'PREF69', 'read'), (e) => isOctoError(e) && e.status === 404);
    assert.throws(() => requirePrincipal({ principal: null }), (e) => isOctoError(e) && e.code === 'AUTH_REQUIRED' && e.status === 401);
  });

  it('platform and entity administration', () => {
    assert.ok(requirePlatformAdmin(principalWith('platform_admin')));
    assert.throws(() => requirePlatformAdmin(principalWith('entity_admin')), (e) => isOctoError(e) && e.code === 'AUTH_FORBIDDEN');
    assert.ok(requireEntityAdmin(principalWith('entity_admin'), 'PREF69'));
    assert.ok(requireEntityAdmin(principalWith('platform_admin'), 'PREF69'));
    assert.throws(() => requireEntityAdmin(principalWith('entity_admin'), 'ARS-ARA'), (e) => isOctoError(e) && e.status === 404);
    assert.throws(() => requireEntityAdmin(principalWith('mailroom_agent'), 'PREF69'), (e) => isOctoError(e) && e.status === 403);
  });
});

describe('password policy (ANSSI 2021 / CNIL 2022)', () => {
  const person = { email: 'jean.dupont@pref69.gouv.fr', displayName: 'Jean Dupont' };
  const CASES: Array<[string, string[]]> = [
    ['Quai-Saône-2026!', []],
    ['Quai-Saône-26', []],
    ['QuaiSaone2026bis', [], ], // 16 characters without a special one: allowed from 14
    ['quai saone pont lafayette', []], // a passphrase of 20+ characters
    ['QuaiSaone26', ['min_length', 'special']],
    ['court', ['min_length', 'uppercase', 'digit', 'special']],
    ['Azerty123456!', ['common']],
    ['M0tDePasse-2024', ['common']],
    ['Dupont-Lyon-2026!', ['personal_info']],
    ['JEAN.DUPONT@pref69.gouv.fr', ['digit', 'personal_info'].filter((r) => r !== 'digit')],
    ['123456789012-!', ['lowercase', 'uppercase', 'common']],
  ];
  for (const [password, rules] of CASES) {
    it(`${JSON.stringify(password)} → ${rules.length ? rules.join(', ') : 'accepted'}`, () => {
      assert.deepEqual(checkPassword(password, person).map((v) => v.rule), rules);
    });
  }

  it('every broken rule has a French sentence', () => {
    for (const v of checkPassword('', person)) assert.match(v.fr, /^(comporter|contenir|ne pas)/);
  });
});

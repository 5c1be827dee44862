import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { App } from '../../../src/app.ts';
import type { AuthPluginOptions } from '../../../src/platform/auth/auth.plugin.ts';
import { entityAccess, requirePrincipal } from '../../../src/platform/auth/permissions.ts';
import type { Ctx } from '../../../src/platform/context.ts';
import type { Db } from '../../../src/platform/database/db.ts';
import { buildServer } from '../../../src/platform/http/server.ts';
import { platformMigrations } from '../../../src/platform/migrations/index.ts';
import * as authMigration from '../../../src/platform/migrations/202612031200_platform_auth.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';

/** Until the lead lists the auth migration in platformMigrations, the tests apply it themselves. */
export async function ensureAuthSchema(db: Db) {
  if ('202612031200_platform_auth' in platformMigrations) return;
  const exists = await sql`SELECT 1 FROM platform_user LIMIT 1`.execute(db).then(() => true, () => false);
  if (!exists) await authMigration.up(db as never);
}

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
  set(instant: Date): void;
}

export function testClock(start = new Date()): TestClock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms), set: (instant) => void (t = instant.getTime()) };
}

export interface AuthTestApp {
  testApp: TestApp;
  app: App;
  ctx: Ctx;
  clock: TestClock;
  close(): Promise<void>;
}

export async function startAuthTestApp(): Promise<AuthTestApp> {
  const testApp = await startTestApp();
  await ensureAuthSchema(testApp.app.ctx.db);
  const clock = testClock();
  const ctx: Ctx = { ...testApp.app.ctx, clock };
  return { testApp, app: testApp.app, ctx, clock, close: () => testApp.close() };
}

/** The real server (error handling, zod) with the auth plugin and a few protected dummy routes. */
export async function buildAuthServer(ctx: Ctx, options: AuthPluginOptions = {}): Promise<FastifyInstance> {
  return buildServer(ctx, [
    (api) => {
      api.get('/api/test/whoami', async (req) => ({ email: requirePrincipal(req).email }));
      api.post('/api/test/echo', { schema: { body: z.object({ value: z.string() }).optional() } }, async (req) => {
        requirePrincipal(req);
        return { ok: true };
      });
      api.get<{ Params: { code: string } }>('/api/test/entities/:code/mail', async (req) => {
        const memberships = entityAccess(requirePrincipal(req), req.params.code, 'read');
        return { roles: memberships.map((m) => m.role) };
      });
    },
  ], { auth: options });
}

/** "name=value" of a response's cookie, for the next request's Cookie header. */
export function cookieHeader(res: { cookies: Array<{ name: string; value: string }> }, name: string): string {
  const cookie = res.cookies.find((c) => c.name === name);
  if (!cookie) throw new Error(`no ${name} cookie in response`);
  return `${name}=${cookie.value}`;
}

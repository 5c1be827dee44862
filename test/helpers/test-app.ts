import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { openApp, type App } from '../../src/app.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { createSession } from '../../src/platform/auth/session.service.ts';
import { addMembership, createUser } from '../../src/platform/auth/user.service.ts';
import type { Role } from '../../src/platform/auth/permissions.ts';

/**
 * Every suite runs on the dialect chosen for the run: SQLite by default, PostgreSQL when
 * OCTO_TEST_DIALECT=postgres (CI runs both). Each test app gets a fresh database and data folder.
 */
export const TEST_DIALECT: 'sqlite' | 'postgres' = process.env.OCTO_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const PG_ADMIN_URL = process.env.OCTO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestEnvironment {
  dataDir: string;
  databaseUrl: string | undefined;
  /** Environment variables for a child `octo` process on the same data. */
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

export async function createTestEnvironment(overrides: Record<string, string> = {}): Promise<TestEnvironment> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'octo-test-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (TEST_DIALECT === 'postgres') {
    const name = `octo_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      // Let the app's pools finish closing first: forcing out a closing connection makes pg
      // raise "terminating connection due to administrator command" in the test process.
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OCTO_DATA_DIR: dataDir,
    OCTO_LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
    ...overrides,
  };
  return {
    dataDir,
    databaseUrl,
    env,
    async dispose() {
      await dropDatabase();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: App;
  config: Config;
  environment: TestEnvironment;
  close(): Promise<void>;
}

export async function startTestApp(
  options: { workers?: boolean; config?: Partial<Config>; environment?: TestEnvironment; clock?: Clock } = {},
): Promise<TestApp> {
  const environment = options.environment ?? (await createTestEnvironment());
  const config = loadConfig(environment.env, { logLevel: 'warn', ...options.config });
  const app = await openApp(config, { clock: options.clock });
  if (options.workers) await app.startWorkers();
  return {
    app,
    config,
    environment,
    async close() {
      await app.close();
      if (!options.environment) await environment.dispose();
    },
  };
}

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** A real document copied from shared/corpus into test/fixtures/corpus (see ORIGIN.md there). */
export function corpusFile(relative: string): Promise<Buffer> {
  return fs.readFile(corpusPath(relative));
}

export function corpusPath(relative: string): string {
  return path.join(FIXTURES, 'corpus', relative);
}

/** A clock the test moves by hand. */
export function manualClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next: string) => { now = new Date(next); } };
}

export interface AgentMembership {
  entityCode?: string;
  role: Role;
  serviceCode?: string;
}

/** A signed-in person for `server.inject`: the session cookie and CSRF header go on every call. */
export interface SignedInAgent {
  userId: string;
  email: string;
  headers: { cookie: string; 'x-csrf-token': string };
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let agentCounter = 0;

/**
 * Creates an agent with these memberships and a live session, without a password (no argon2
 * cost per test): what the sign-in route would give after a successful login.
 */
export async function signInAgent(
  app: App,
  server: { inject(options: InjectOptions): Promise<LightMyRequestResponse> },
  memberships: AgentMembership[],
  person: { email?: string; displayName?: string } = {},
): Promise<SignedInAgent> {
  agentCounter += 1;
  const email = person.email ?? `agent${agentCounter}-${randomUUID().slice(0, 8)}@test.octo.invalid`;
  const user = await createUser(app.ctx, { email, displayName: person.displayName ?? `Agent de test ${agentCounter}` });
  for (const membership of memberships) await addMembership(app.ctx, { userId: user.id, ...membership });
  const signIn = async () => {
    const { token, session } = await createSession(app.ctx, user.id, { authMethod: 'password' });
    return { cookie: `octo_session=${token}`, 'x-csrf-token': session.csrf_token };
  };
  const headers = await signIn();
  return {
    userId: user.id,
    email,
    headers,
    // A fresh session per call: tests move their clock by weeks, past any session's idle expiry.
    inject: async (options) => server.inject({ ...options, headers: { ...(await signIn()), ...(options.headers ?? {}) } }),
  };
}

/** The mailroom of every given entity (read and register everywhere): most API tests' agent. */
export function mailroomOf(...entityCodes: string[]): AgentMembership[] {
  return entityCodes.map((entityCode) => ({ entityCode, role: 'mailroom_agent' as const }));
}

export const PILOT_ENTITY_CODES = ['PREF69', 'ARS-ARA', 'DREAL-ARA', 'DRFIP-ARA', 'AC-LYON'] as const;

/**
 * The whole pilot's mailroom and administration, and the platform's: the agent of tests that
 * exercise features rather than rights (test/platform/auth/route-access.test.ts checks the rights).
 */
export function pilotOperator(): AgentMembership[] {
  return [
    { role: 'platform_admin' },
    ...PILOT_ENTITY_CODES.flatMap((entityCode) => [
      { entityCode, role: 'mailroom_agent' as const },
      { entityCode, role: 'entity_admin' as const },
      { entityCode, role: 'auditor' as const },
    ]),
  ];
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-app.ts';

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`octo serve not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Octo est prêt')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`octo serve exited (${code}) before being ready:\n${output}`));
    });
  });
}

/**
 * The server under test: OCTO_E2E_URL when set (a server started by hand), otherwise the real
 * `octo serve` command on a fresh data folder and a free port. It serves web/dist, so
 * `npm run build` must have run. (To be replaced by the lead's startTestServer() when it exists.)
 */
export async function startWebServer(env: Record<string, string> = {}): Promise<WebServer> {
  const external = process.env.OCTO_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), stop: async () => {} };

  if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build` before the browser tests.');
  }
  const environment: TestEnvironment = await createTestEnvironment(env);
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/octo.js', 'serve', '--demo-accounts', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: environment.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await waitForReady(child, 60_000);
  } catch (error) {
    child.kill('SIGTERM');
    await environment.dispose();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await environment.dispose();
    },
  };
}

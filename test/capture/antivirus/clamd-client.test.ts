import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { clamdVersion, parseVersion, pingClamd, scanBytes, ScanUnavailableError, type ClamdOptions } from '../../../src/capture/antivirus/clamd-client.ts';
import { clamdInstalled, EICAR, startClamd, temporarySocketPath, type TestClamd } from '../../helpers/clamd.ts';
import { corpusFile } from '../../helpers/test-app.ts';

const skip = clamdInstalled ? false : 'clamd absent (apt-get install clamav-daemon)';

describe('clamd protocol client', { skip }, () => {
  let clamd: TestClamd;
  let options: ClamdOptions;

  before(async () => {
    clamd = await startClamd();
    options = { endpoint: { socket: clamd.socket }, timeoutMs: 30_000, maxBytes: 50 * 1024 * 1024 };
  });
  after(() => clamd?.stop());

  it('gets PONG and the engine version; without official signatures there is no database version', async () => {
    await pingClamd(options);
    const version = await clamdVersion(options);
    assert.match(version.engine, /^ClamAV \d+\.\d+/);
    assert.equal(version.signatureVersion, null);
    assert.equal(version.signatureDate, null);
  });

  it('reads the daily database version and date as a production clamd prints them', () => {
    assert.deepEqual(parseVersion('ClamAV 1.4.6/27480/Wed Dec  2 09:29:01 2026\n'), {
      engine: 'ClamAV 1.4.6',
      signatureVersion: '27480',
      signatureDate: 'Wed Dec  2 09:29:01 2026',
      raw: 'ClamAV 1.4.6/27480/Wed Dec  2 09:29:01 2026',
    });
  });

  it('finds the EICAR test file and names the signature', async () => {
    const verdict = await scanBytes(options, EICAR);
    assert.equal(verdict.status, 'infected');
    assert.match(verdict.status === 'infected' ? verdict.signature : '', /^Octo\.Test\.EICAR_(HDB|NDB)-1\.UNOFFICIAL$/);
  });

  it('passes a real letter as clean', async () => {
    assert.deepEqual(await scanBytes(options, await corpusFile('pdf/maarch-courrier-entrant-demandes-interventions.pdf')), { status: 'clean' });
  });

  it('streams a file of many chunks and finds EICAR at its end', async () => {
    const big = Buffer.concat([Buffer.alloc(300 * 1024, 0x41), EICAR]);
    assert.deepEqual(await scanBytes(options, big), { status: 'infected', signature: 'Octo.Test.EICAR_NDB-1.UNOFFICIAL' });
  });

  it('does not send a file above its own limit, and says why', async () => {
    await assert.rejects(scanBytes({ ...options, maxBytes: 10 }, EICAR), (error: unknown) => {
      assert.ok(error instanceof ScanUnavailableError);
      assert.match(error.reasonFr, /dépasse la taille maximale analysée/);
      return true;
    });
  });

  it('reports clamd’s own StreamMaxLength refusal as no verdict', async () => {
    const small = await startClamd({ streamMaxLength: '1K' });
    try {
      await assert.rejects(scanBytes({ ...options, endpoint: { socket: small.socket } }, Buffer.alloc(200 * 1024, 0x42)), (error: unknown) => {
        assert.ok(error instanceof ScanUnavailableError);
        assert.match(error.reasonFr, /StreamMaxLength/);
        return true;
      });
    } finally {
      await small.stop();
    }
  });

  it('reports a missing clamd as unreachable', async () => {
    const { dir, socket } = await temporarySocketPath();
    try {
      await assert.rejects(scanBytes({ ...options, endpoint: { socket } }, EICAR), (error: unknown) => {
        assert.ok(error instanceof ScanUnavailableError);
        assert.match(error.reasonFr, /injoignable \(ENOENT\)/);
        return true;
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('gives up on a clamd that accepts the connection but never answers', async () => {
    const silent = net.createServer((socket) => socket.on('data', () => {}));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      await assert.rejects(scanBytes({ endpoint: { host: '127.0.0.1', port }, timeoutMs: 1000, maxBytes: 1024 }, EICAR), (error: unknown) => {
        assert.ok(error instanceof ScanUnavailableError);
        assert.match(error.reasonFr, /n’a pas répondu dans le délai de 1 s/);
        return true;
      });
    } finally {
      silent.close();
    }
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sniffFile } from '../../../src/capture/files/index.ts';
import { OctoError, type OctoErrorCode } from '../../../src/platform/errors.ts';
import { elfExecutable, fixture, gifImage, peExecutable, shellScript, zipArchive } from './generated-files.ts';

async function rejects(promise: Promise<unknown>, code: OctoErrorCode, detail?: RegExp): Promise<OctoError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof OctoError, `not an OctoError: ${String(error)}`);
  assert.equal(error.code, code, String(error.details.detailFr));
  if (detail) assert.match(String(error.details.detailFr), detail);
  return error;
}

describe('sniffFile: accepted types are read from the bytes', () => {
  const cases: Array<[string, string, string]> = [
    ['pdf/maarchparaph-ar_sva.pdf', 'pdf', 'application/pdf'],
    ['pdf/ocrmypdf-invalid.pdf', 'pdf', 'application/pdf'], // broken inside, but a PDF: inspectDocument refuses it
    ['scans/paperless-multi-page-images.tiff', 'tiff', 'image/tiff'],
    ['scans/tesseract-eurotext.tif', 'tiff', 'image/tiff'],
    ['scans/docspell-scanner-jfif.jpg', 'jpeg', 'image/jpeg'],
    ['scans/ocrmypdf-typewriter.png', 'png', 'image/png'],
  ];
  for (const [path, kind, mime] of cases) {
    it(`${path} is ${kind}`, async () => {
      const sniffed = await sniffFile(fixture(path), path.split('/')[1]);
      assert.equal(sniffed.kind, kind);
      assert.equal(sniffed.mime, mime);
    });
  }

  it('recognises every corpus e-mail except the broken one, whatever its name', async () => {
    for (const name of [
      'phpmime-issue158a-forwarded-rfc822.eml', 'phpmime-issue274-multi-attachments.eml', 'phpmime-m0001-fr-subject-latin1.eml',
      'phpmime-m0013-fr-outlook-forward.eml', 'postalmime-bounce-dsn.eml', 'postalmime-calendar-event.eml',
      'postalmime-mimetorture.eml', 'unstructured-fake-email-utf-16-be.eml', 'unstructured-fake-encrypted-pgp.eml',
      'zbateson-m0006-utf7.eml', 'zbateson-m0024-fr-doc-attachment.eml', 'zbateson-m4006-tnef-winmail.eml',
    ]) {
      const sniffed = await sniffFile(fixture(`eml/${name}`), 'message.txt');
      assert.deepEqual(sniffed, { kind: 'eml', mime: 'message/rfc822', extension: 'eml' }, name);
    }
  });

  it('the mbox "From " line of m0001 does not prevent recognition', async () => {
    const bytes = fixture('eml/phpmime-m0001-fr-subject-latin1.eml');
    assert.equal(bytes.subarray(0, 5).toString(), 'From ');
    assert.equal((await sniffFile(bytes)).kind, 'eml');
  });

  it('a PNG named .pdf is simply a PNG', async () => {
    const sniffed = await sniffFile(fixture('scans/ocrmypdf-typewriter.png'), 'courrier.pdf');
    assert.deepEqual(sniffed, { kind: 'png', mime: 'image/png', extension: 'png' });
  });

  it('a PDF preceded by scanner junk is still a PDF', async () => {
    const bytes = Buffer.concat([Buffer.from('\r\n\r\nGARBAGE-HEADER 0001\r\n'), fixture('pdf/maarchparaph-ar_sva.pdf')]);
    assert.equal((await sniffFile(bytes, 'scan.pdf')).kind, 'pdf');
  });
});

describe('sniffFile: refusals', () => {
  it('a zero-byte file is CAPTURE_EMPTY_FILE', async () => {
    await rejects(sniffFile(Buffer.alloc(0), 'vide.pdf'), 'CAPTURE_EMPTY_FILE', /vide\.pdf/);
  });

  it('an ELF program named .pdf is CAPTURE_EXECUTABLE_FILE', async () => {
    await rejects(sniffFile(elfExecutable(), 'facture.pdf'), 'CAPTURE_EXECUTABLE_FILE', /ELF.*facture\.pdf/);
  });

  it('a Windows PE program named .pdf is CAPTURE_EXECUTABLE_FILE', async () => {
    await rejects(sniffFile(peExecutable(), 'facture.pdf'), 'CAPTURE_EXECUTABLE_FILE', /exécutable Windows \(PE\)/);
  });

  it('a shell script (shebang) is CAPTURE_EXECUTABLE_FILE even named .eml', async () => {
    await rejects(sniffFile(shellScript(), 'message.eml'), 'CAPTURE_EXECUTABLE_FILE', /#!\/bin\/sh/);
  });

  it('a text file named .bat is refused as a script', async () => {
    await rejects(sniffFile(Buffer.from('@echo off\r\ndel /q C:\\*\r\n'), 'lancer.bat'), 'CAPTURE_EXECUTABLE_FILE', /script \(\.bat\)/);
  });

  it('a .docx named .pdf is CAPTURE_TYPE_MISMATCH and says it is a Word document', async () => {
    await rejects(sniffFile(fixture('office/maarch-template-AR_Masse_SVA.docx'), 'courrier.pdf'), 'CAPTURE_TYPE_MISMATCH', /\.pdf.*document Word \(\.docx\)/);
  });

  it('a .docx under its own name is CAPTURE_UNSUPPORTED_TYPE', async () => {
    await rejects(sniffFile(fixture('office/maarch-template-AR_Masse_SVA.docx'), 'modele.docx'), 'CAPTURE_UNSUPPORTED_TYPE', /document Word \(\.docx\)/);
  });

  it('a ZIP named .pdf is CAPTURE_TYPE_MISMATCH', async () => {
    await rejects(sniffFile(zipArchive(), 'scan.pdf'), 'CAPTURE_TYPE_MISMATCH', /archive ZIP/);
  });

  it('a ZIP that stores a PDF uncompressed is still a ZIP, not a PDF', async () => {
    const zip = zipArchive('dedans.pdf', fixture('pdf/pyhanko-minimal-startxref-hopeless.pdf').toString('latin1'));
    await rejects(sniffFile(zip, 'archive.zip'), 'CAPTURE_UNSUPPORTED_TYPE', /archive ZIP/);
  });

  it('a GIF is CAPTURE_UNSUPPORTED_TYPE naming GIF', async () => {
    await rejects(sniffFile(gifImage(), 'logo.gif'), 'CAPTURE_UNSUPPORTED_TYPE', /image GIF/);
  });

  it('a GIF named .png is CAPTURE_TYPE_MISMATCH', async () => {
    await rejects(sniffFile(gifImage(), 'logo.png'), 'CAPTURE_TYPE_MISMATCH', /\.png.*image GIF/);
  });

  it('plain text named .eml (the broken corpus e-mail) is an invalid e-mail; unnamed, it is plain text', async () => {
    await rejects(sniffFile(fixture('eml/paperless-broken.eml'), 'broken.eml'), 'CAPTURE_EML_INVALID', /aucun en-tête de courriel/);
    await rejects(sniffFile(fixture('eml/paperless-broken.eml')), 'CAPTURE_UNSUPPORTED_TYPE', /texte brut/);
  });

  it('unknown binary bytes are CAPTURE_UNSUPPORTED_TYPE', async () => {
    const noise = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256));
    await rejects(sniffFile(noise, 'bruit.bin'), 'CAPTURE_UNSUPPORTED_TYPE', /non reconnu/);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getDocumentText, ingestFile, listQuarantineViews } from '../../src/capture/index.ts';
import { getMailItemDetail, searchInbox } from '../../src/registry/index.ts';
import { corpusFile, startTestApp, TEST_DIALECT, type TestApp } from '../helpers/test-app.ts';

// Real documents through the whole pipeline: intake, OCR, field extraction, search.
describe(`capture: real documents end to end (${TEST_DIALECT})`, () => {
  let t: TestApp;
  const chronos = new Map<string, string>();

  before(async () => {
    t = await startTestApp({ workers: true });
    const files: Array<[string, 'scan' | 'upload' | 'email']> = [
      ['pdf/maarch-courrier-entrant-demandes-interventions.pdf', 'upload'],
      ['pdf/maarchparaph-etat_civil.pdf', 'upload'],
      ['scans/ocrmypdf-francais.pdf', 'scan'],
      ['scans/paperless-multi-page-images.tiff', 'scan'],
      ['eml/phpmime-m0013-fr-outlook-forward.eml', 'email'],
      ['../derived-scans/maarchparaph-demande_subvention-scan.pdf', 'scan'],
      ['../derived-scans/maarchparaph-etat_civil-scan.pdf', 'scan'],
      ['scans/lataupe-mole-photo.pdf', 'scan'],
      ['pdf/pyhanko-minimal-startxref-hopeless.pdf', 'upload'],
    ];
    for (const [file, channel] of files) {
      const result = await ingestFile(t.app.ctx, 'PREF69', channel, { filename: file.split('/').pop()!, bytes: await corpusFile(file) });
      assert.ok(result.item, `${file} should be registered`);
      chronos.set(file, result.item.chrono);
    }
    assert.equal(await t.app.waitForIdle(10 * 60_000), true, 'processing should finish');
  });
  after(() => t?.close());

  const detail = (file: string) => getMailItemDetail(t.app.ctx, 'PREF69', chronos.get(file)!);

  it('gives gapless chrono numbers of the entity, year and direction', () => {
    const year = new Date().getFullYear();
    const numbers = [...chronos.values()].map((c) => {
      assert.match(c, new RegExp(`^PREF69-${year}-E-\\d{6}$`));
      return Number(c.slice(-6));
    });
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps the text layer of a born-digital letter and extracts its fields', async () => {
    const item = await detail('pdf/maarch-courrier-entrant-demandes-interventions.pdf');
    assert.equal(item.status, 'indexed');
    assert.equal(item.documents[0]!.textSource, 'text-layer');
    assert.equal(item.documents[0]!.hasSearchablePdf, false);
    assert.equal(item.letterDate, '2021-02-26');
    assert.equal(item.subject, 'Demandes d\'interventions');
    assert.match(item.senderName ?? '', /PASCONTENT/);
    assert.equal(item.documents[0]!.sha256, '4e725815518469525fbfb463593c90ad8487c25566d93c0508e7c3f49ef20935');
  });

  it('does not take a birth date for the letter date', async () => {
    const item = await detail('pdf/maarchparaph-etat_civil.pdf');
    assert.equal(item.letterDate, '2019-03-13');
    assert.ok(item.fields.some((f) => f.name === 'other_date' && f.normalized === '1986-07-23'));
  });

  it('OCRs a French scan and keeps a searchable PDF beside the original', async () => {
    const item = await detail('scans/ocrmypdf-francais.pdf');
    const doc = item.documents[0]!;
    assert.equal(doc.textSource, 'ocr');
    assert.equal(doc.hasSearchablePdf, true);
    const text = (await getDocumentText(t.app.ctx, 'PREF69', doc.id)).pages.map((p) => p.text).join('\n');
    assert.match(text, /whisky/);
    assert.match(text, /juge\s+blond/);
    assert.match(text, /intérieure/);
  });

  it('straightens an upside-down scan and extracts the letter\'s fields from its OCR text', async () => {
    const item = await detail('../derived-scans/maarchparaph-demande_subvention-scan.pdf');
    assert.equal(item.documents[0]!.textSource, 'ocr');
    assert.equal(item.letterDate, '2018-11-23');
    assert.match(item.subject ?? '', /demande de subvention/i);
    assert.match(item.senderAddress ?? '', /92000 Nanterre/);
    assert.ok(item.fields.some((f) => f.name === 'postal_code_city' && f.normalized?.startsWith('92000')));
  });

  it('straightens a sideways scan and still tells the letter date from a birth date', async () => {
    const item = await detail('../derived-scans/maarchparaph-etat_civil-scan.pdf');
    assert.equal(item.letterDate, '2019-03-13');
    assert.match(item.senderName ?? '', /PELLE/);
  });

  it('takes no sender, date or subject from the OCR noise of a photo, and says no text was found', async () => {
    const item = await detail('scans/lataupe-mole-photo.pdf');
    assert.equal(item.status, 'needs_review');
    assert.equal(item.senderName, null);
    assert.equal(item.subject, null);
    assert.equal(item.letterDate, null);
    assert.ok(item.warnings.some((w) => /Aucun texte reconnu/.test(w)), item.warnings.join(' | '));
  });

  it('reads a repaired PDF\'s short text without calling it empty', async () => {
    const item = await detail('pdf/pyhanko-minimal-startxref-hopeless.pdf');
    assert.equal(item.status, 'indexed', item.warnings.join(' | '));
    const text = (await getDocumentText(t.app.ctx, 'PREF69', item.documents[0]!.id)).pages[0]!.text;
    assert.match(text, /Hello World/);
  });

  it('OCRs every page of a multi-page TIFF', async () => {
    const item = await detail('scans/paperless-multi-page-images.tiff');
    assert.equal(item.pageCount, 3);
    const pages = (await getDocumentText(t.app.ctx, 'PREF69', item.documents[0]!.id)).pages;
    assert.deepEqual(pages.map((p) => /Page\s*(\d)/.exec(p.text)?.[1]), ['1', '2', '3']);
  });

  it('makes one item of an e-mail: body and attachments, the broken attachment quarantined', async () => {
    const item = await detail('eml/phpmime-m0013-fr-outlook-forward.eml');
    assert.equal(item.channel, 'email');
    assert.equal(item.senderAddress, 'firstname.name@groupe-company.com');
    assert.deepEqual(item.documents.map((d) => d.role), ['main', 'email-body', 'attachment']);
    const attachment = item.documents[2]!;
    assert.equal(attachment.status, 'quarantined');
    assert.ok(attachment.quarantineReason);
    assert.equal(item.status, 'needs_review');
    const quarantine = await listQuarantineViews(t.app.ctx, 'PREF69', 'open');
    assert.ok(quarantine.some((q) => q.mailItemChrono === item.chrono && q.filename.endsWith('.pdf')));
  });

  it('finds items by words of their text, whatever the accents and case', async () => {
    const byAccentless = await searchInbox(t.app.ctx, 'PREF69', 'ile INTERIEURE', { page: 1, pageSize: 10 });
    assert.deepEqual(byAccentless.results.map((r) => r.item.chrono), [chronos.get('scans/ocrmypdf-francais.pdf')]);
    assert.match(byAccentless.results[0]!.snippet, /\[\[/);
    const byLigature = await searchInbox(t.app.ctx, 'PREF69', 'oeuvre caenogenese', { page: 1, pageSize: 10 });
    assert.deepEqual(byLigature.results.map((r) => r.item.chrono), [chronos.get('scans/ocrmypdf-francais.pdf')], 'œ and æ typed as oe and ae');
    const withLigature = await searchInbox(t.app.ctx, 'PREF69', 'Œuvre', { page: 1, pageSize: 10 });
    const spelledOut = await searchInbox(t.app.ctx, 'PREF69', 'oeuvre', { page: 1, pageSize: 10 });
    assert.ok(withLigature.total >= 2, 'the scan and the subsidy letter both say « œuvre »');
    assert.deepEqual(spelledOut.results.map((r) => r.item.chrono).sort(), withLigature.results.map((r) => r.item.chrono).sort());
    const bySender = await searchInbox(t.app.ctx, 'PREF69', 'pascontent', { page: 1, pageSize: 10 });
    assert.equal(bySender.results[0]?.item.chrono, chronos.get('pdf/maarch-courrier-entrant-demandes-interventions.pdf'));
    const filtered = await searchInbox(t.app.ctx, 'PREF69', 'pascontent', { page: 1, pageSize: 10, channel: 'scan' });
    assert.equal(filtered.total, 0);
    const otherEntity = await searchInbox(t.app.ctx, 'ARS-ARA', 'pascontent', { page: 1, pageSize: 10 });
    assert.equal(otherEntity.total, 0);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOctoError } from '../../../src/platform/errors.ts';
import {
  addDelay,
  aeeDueDate,
  appealDeadline,
  areDueDate,
  computeCrpaDeadlines,
  daysLeft,
  deadlineAfterCompletion,
  deadlineAfterTransfer,
  delayStartDate,
  describeDelayFr,
  formatDelay,
  implicitDecisionDate,
  isoWeekday,
  parseDelay,
  parseRegime,
} from '../../../src/registry/deadlines/index.ts';

const rejects = (code: string, french?: string) => (error: unknown) => {
  assert.ok(isOctoError(error), String(error));
  assert.equal(error.code, code);
  if (french) assert.equal(error.frenchMessage, french);
  return true;
};

describe('delay syntax', () => {
  const valid: Array<[string, { amount: number; unit: string }, string, string]> = [
    ['2m', { amount: 2, unit: 'm' }, '2m', '2 mois'],
    ['1m', { amount: 1, unit: 'm' }, '1m', '1 mois'],
    ['4m', { amount: 4, unit: 'm' }, '4m', '4 mois'],
    ['30d', { amount: 30, unit: 'd' }, '30d', '30 jours'],
    ['1d', { amount: 1, unit: 'd' }, '1d', '1 jour'],
    ['8w', { amount: 8, unit: 'w' }, '8w', '8 semaines'],
    ['1w', { amount: 1, unit: 'w' }, '1w', '1 semaine'],
    [' 2M ', { amount: 2, unit: 'm' }, '2m', '2 mois'],
  ];
  for (const [text, parsed, formatted, french] of valid) {
    it(`${JSON.stringify(text)} → ${formatted} (${french})`, () => {
      assert.deepEqual(parseDelay(text), parsed);
      assert.equal(formatDelay(parseDelay(text)), formatted);
      assert.equal(describeDelayFr(text), french);
    });
  }
  for (const text of ['3x', '', 'm', '2', '0m', '-1m', '2.5m', '2 months', '2mm', 'm2', '10000d', '2y']) {
    it(`${JSON.stringify(text)} → "Délai invalide : utilisez 2m, 30d ou 8w."`, () => {
      assert.throws(() => parseDelay(text), rejects('REGISTRY_DEADLINE_INVALID_DELAY', 'Délai invalide : utilisez 2m, 30d ou 8w.'));
    });
  }
  it('rejects a malformed delay object', () => {
    assert.throws(() => parseDelay({ amount: 0, unit: 'm' }), rejects('REGISTRY_DEADLINE_INVALID_DELAY'));
    assert.throws(() => parseDelay({ amount: 2, unit: 'y' as 'm' }), rejects('REGISTRY_DEADLINE_INVALID_DELAY'));
  });
  it('regimes', () => {
    assert.equal(parseRegime('sva'), 'sva');
    assert.equal(parseRegime(' SVR '), 'svr');
    assert.equal(parseRegime('none'), 'none');
    assert.throws(() => parseRegime('silence'), rejects('REGISTRY_DEADLINE_INVALID_REGIME'));
  });
});

describe('start and birth of an implicit decision (B1, B2, A14, A15)', () => {
  it('B1: a delay starts the day after the event', () => {
    assert.equal(delayStartDate('2022-11-03'), '2022-11-04');
    assert.equal(delayStartDate('2025-12-31'), '2026-01-01');
  });

  // [received, delay, implicitDecisionDate (CE convention), decisionEffectiveFrom (= DS date), source]
  const table: Array<[string, string, string, string, string]> = [
    ['2017-06-23', '2m', '2017-08-23', '2017-08-24', 'B2: CE, agent case'],
    ['2023-05-15', '2m', '2023-07-15', '2023-07-16', 'B2: DS spec, 2 months'],
    ['2023-05-15', '30d', '2023-06-14', '2023-06-15', 'B2: DS spec, 30 days'],
    ['2023-05-15', '8w', '2023-07-10', '2023-07-11', 'B2: DS spec, 8 weeks'],
    ['2023-04-15', '2m', '2023-06-15', '2023-06-16', 'B2: DS spec, "from today" 15 April 2023'],
    ['2024-12-31', '2m', '2025-02-28', '2025-03-01', 'B2 month end: no 31 February'],
    ['2023-12-31', '2m', '2024-02-29', '2024-03-01', 'B2 month end, leap year'],
    ['2025-12-31', '2m', '2026-02-28', '2026-03-01', 'B2 month end over the year end'],
    ['2025-10-31', '4m', '2026-02-28', '2026-03-01', 'L231-6: 4-month delay, month end'],
    ['2025-08-31', '1m', '2025-09-30', '2025-10-01', '1-month delay, 30-day month'],
    ['2025-12-20', '30d', '2026-01-19', '2026-01-20', 'days over the year end'],
    ['2025-12-20', '8w', '2026-02-14', '2026-02-15', 'weeks over the year end'],
    ['2024-02-01', '30d', '2024-03-02', '2024-03-03', 'days through 29 February'],
  ];
  for (const [received, delay, decision, effective, source] of table) {
    it(`${received} + ${delay} → decision ${decision}, effective ${effective} (${source})`, () => {
      assert.equal(implicitDecisionDate(received, delay), decision);
      assert.equal(addDelay(received, delay), decision);
      for (const regime of ['sva', 'svr'] as const) {
        const result = computeCrpaDeadlines({ receivedOn: received, regime, delay });
        assert.equal(result.implicitDecisionDate, decision);
        assert.equal(result.decisionEffectiveFrom, effective);
        assert.equal(result.clockStartEvent, received);
      }
    });
  }

  it('B2/H2: no weekend or holiday shift (DS date 16 July 2023 is a Sunday; 2026-02-28 a Saturday)', () => {
    assert.equal(isoWeekday(computeCrpaDeadlines({ receivedOn: '2023-05-15', regime: 'sva' }).decisionEffectiveFrom!), 7);
    assert.equal(computeCrpaDeadlines({ receivedOn: '2025-12-31', regime: 'svr' }).implicitDecisionDate, '2026-02-28');
    // 2026-05-14 (Ascension) + 2 months would be 14 July (Fête nationale): kept.
    assert.equal(computeCrpaDeadlines({ receivedOn: '2026-05-14', regime: 'sva' }).implicitDecisionDate, '2026-07-14');
  });

  it('A14/A15: default delay of 2 months; kind follows the regime; none has no implicit decision', () => {
    const sva = computeCrpaDeadlines({ receivedOn: '2025-02-07', regime: 'sva' });
    assert.deepEqual(sva.delay, { amount: 2, unit: 'm' });
    assert.equal(sva.implicitDecisionKind, 'acceptance');
    assert.equal(sva.implicitDecisionDate, '2025-04-07');
    const svr = computeCrpaDeadlines({ receivedOn: '2025-02-07', regime: 'svr' });
    assert.equal(svr.implicitDecisionKind, 'rejection');
    assert.equal(svr.implicitDecisionDate, '2025-04-07');
    const none = computeCrpaDeadlines({ receivedOn: '2025-02-07', regime: 'none', delay: '2m' });
    assert.equal(none.delay, null);
    assert.equal(none.implicitDecisionKind, null);
    assert.equal(none.implicitDecisionDate, null);
    assert.equal(none.decisionEffectiveFrom, null);
    assert.equal(none.aeeDueDate, '2025-02-10');
    assert.equal(none.areDueDate, '2025-02-21');
  });
});

describe('AEE and ARE due dates of an electronic request (A9, B5)', () => {
  const table: Array<[string, boolean, string, string, string]> = [
    ['2025-02-07', false, '2025-02-10', '2025-02-21', 'B5: Friday 7 Feb 2025'],
    ['2025-04-30', false, '2025-05-02', '2025-05-16', 'B5: 1 May and 8 May'],
    ['2025-12-24', false, '2025-12-26', '2026-01-09', 'B5: Christmas, general calendar'],
    ['2025-12-24', true, '2025-12-29', '2026-01-12', 'B5: Alsace-Moselle (26 Dec); ARE derived'],
  ];
  for (const [received, alsaceMoselle, aee, are, source] of table) {
    it(`${received}${alsaceMoselle ? ' (Alsace-Moselle)' : ''}: AEE by ${aee}, ARE by ${are} — ${source}`, () => {
      assert.equal(aeeDueDate(received, { alsaceMoselle }), aee);
      assert.equal(areDueDate(received, { alsaceMoselle }), are);
      const result = computeCrpaDeadlines({ receivedOn: received, regime: 'sva', alsaceMoselle });
      assert.equal(result.aeeDueDate, aee);
      assert.equal(result.areDueDate, are);
      assert.equal(result.alsaceMoselle, alsaceMoselle);
    });
  }
});

describe('incomplete request (L114-5; A11, A12; DS corrections in B2)', () => {
  it('B2: correction asked 20 May, made 25 May 2023, "continue" mode (suspension) → 22 July 2023', () => {
    const result = deadlineAfterCompletion({
      receivedOn: '2023-05-15', regime: 'svr', delay: '2m', requestedOn: '2023-05-20', completedOn: '2023-05-25',
    });
    assert.deepEqual(result.suspension, { from: '2023-05-20', to: '2023-05-25', days: 6 });
    assert.equal(result.implicitDecisionDate, '2023-07-21');
    assert.equal(result.decisionEffectiveFrom, '2023-07-22');
    assert.equal(result.awaitingMissingItems, false);
  });

  it('B2: same correction, restart mode (acceptance runs from the items) → 26 July 2023', () => {
    const result = deadlineAfterCompletion({
      receivedOn: '2023-05-15', regime: 'sva', delay: '2m', requestedOn: '2023-05-20', completedOn: '2023-05-25',
    });
    assert.equal(result.clockStartEvent, '2023-05-25');
    assert.equal(result.suspension, null);
    assert.equal(result.implicitDecisionDate, '2023-07-25');
    assert.equal(result.decisionEffectiveFrom, '2023-07-26');
  });

  // [regime, received, requestedOn, timeLimit, completedOn, expected decision, suspension days, awaiting, why]
  const table: Array<[string, string, string, string | null, string | null, string | null, number | null, boolean, string]> = [
    ['sva', '2025-01-15', '2025-01-20', '1m', null, null, null, true, 'acceptance: no date while items are missing'],
    ['sva', '2025-01-15', '2025-01-20', '1m', '2025-02-03', '2025-04-03', null, false, 'acceptance: full delay from the items'],
    ['sva', '2024-12-10', '2024-12-15', null, '2024-12-31', '2025-02-28', null, false, 'acceptance: from 31 Dec, month end'],
    ['svr', '2025-01-15', '2025-01-20', '15d', '2025-01-25', '2025-03-21', 6, false, 'rejection: items before the limit end the suspension'],
    ['svr', '2025-01-15', '2025-01-20', '15d', '2025-02-20', '2025-03-31', 16, false, 'rejection: suspended only during the time limit (ends 4 Feb)'],
    ['svr', '2025-01-15', '2025-01-20', '1m', null, '2025-04-16', 32, true, 'rejection: items still missing, whole time limit'],
    ['svr', '2025-01-15', '2025-01-15', null, '2025-01-15', '2025-03-16', 1, false, 'rejection: asked and produced the day of receipt'],
    ['sva', '2025-01-15', '2025-03-20', null, '2025-04-01', '2025-03-15', null, false, 'asked after the acceptance was born: no effect'],
    ['svr', '2025-01-15', '2025-03-20', '15d', '2025-04-01', '2025-03-15', null, false, 'asked after the rejection was born: no effect'],
    ['sva', '2025-01-15', '2025-03-15', null, '2025-03-20', '2025-05-20', null, false, 'asked on the last day: still in time'],
  ];
  for (const [regime, receivedOn, requestedOn, timeLimit, completedOn, decision, days, awaiting, why] of table) {
    it(`${regime} received ${receivedOn}, items asked ${requestedOn}${timeLimit ? ` (limit ${timeLimit})` : ''}, ${completedOn ? `produced ${completedOn}` : 'missing'} → ${decision ?? 'none yet'} (${why})`, () => {
      const result = deadlineAfterCompletion({ receivedOn, regime, requestedOn, timeLimit, completedOn });
      assert.equal(result.implicitDecisionDate, decision);
      assert.equal(result.suspension?.days ?? null, days);
      assert.equal(result.awaitingMissingItems, awaiting);
    });
  }

  it('a rejection cannot be suspended without the items or a time limit', () => {
    assert.throws(
      () => deadlineAfterCompletion({ receivedOn: '2025-01-15', regime: 'svr', requestedOn: '2025-01-20' }),
      rejects('REGISTRY_DEADLINE_INVALID_INPUT'),
    );
  });

  it('refuses impossible orders of events, in French', () => {
    assert.throws(
      () => deadlineAfterCompletion({ receivedOn: '2025-01-15', regime: 'sva', requestedOn: '2025-01-10' }),
      rejects('REGISTRY_DEADLINE_INVALID_INPUT', 'Calcul de délai impossible : les pièces manquantes ne peuvent pas être demandées avant la réception de la demande.'),
    );
    assert.throws(
      () => deadlineAfterCompletion({ receivedOn: '2025-01-15', regime: 'sva', requestedOn: '2025-01-20', completedOn: '2025-01-19' }),
      rejects('REGISTRY_DEADLINE_INVALID_INPUT'),
    );
  });
});

describe('transferred request (L114-2; A13)', () => {
  const base = { firstReceivedOn: '2025-03-10', competentReceivedOn: '2025-03-24' };
  it('rejection runs from the first receipt', () => {
    const result = deadlineAfterTransfer({ ...base, regime: 'svr' });
    assert.equal(result.clockStartEvent, '2025-03-10');
    assert.equal(result.implicitDecisionDate, '2025-05-10');
  });
  it('acceptance runs from the receipt by the competent administration', () => {
    const result = deadlineAfterTransfer({ ...base, regime: 'sva' });
    assert.equal(result.clockStartEvent, '2025-03-24');
    assert.equal(result.implicitDecisionDate, '2025-05-24');
  });
  it('ARE counts 10 working days from the competent receipt (R112-11-3); AEE from the first receipt', () => {
    for (const regime of ['sva', 'svr', 'none'] as const) {
      const result = deadlineAfterTransfer({ ...base, regime });
      assert.equal(result.areDueDate, '2025-04-07');
      assert.equal(result.aeeDueDate, '2025-03-11');
    }
  });
  it('transfer then missing items: acceptance from the items, rejection from first receipt plus suspension', () => {
    const incomplete = { requestedOn: '2025-04-01', completedOn: '2025-04-15' };
    assert.equal(deadlineAfterTransfer({ ...base, regime: 'sva', incomplete }).implicitDecisionDate, '2025-06-15');
    const svr = deadlineAfterTransfer({ ...base, regime: 'svr', incomplete });
    assert.equal(svr.suspension?.days, 15);
    assert.equal(svr.implicitDecisionDate, '2025-05-25');
  });
  it('refuses a competent receipt before the first one', () => {
    assert.throws(
      () => deadlineAfterTransfer({ firstReceivedOn: '2025-03-10', competentReceivedOn: '2025-03-09', regime: 'sva' }),
      rejects('REGISTRY_DEADLINE_INVALID_INPUT'),
    );
  });
});

describe('days left', () => {
  const table: Array<[string, string, number]> = [
    ['2025-04-07', '2025-02-07', 59],
    ['2025-04-07', '2025-04-07', 0],
    ['2025-04-07', '2025-04-08', -1],
    ['2026-02-28', '2025-12-31', 59],
    ['2024-03-01', '2024-02-28', 2],
  ];
  for (const [deadline, today, left] of table) {
    it(`${today} → ${deadline}: ${left}`, () => assert.equal(daysLeft(deadline, today), left));
  }
});

describe('appeal delay: délai franc, extended to the next working day (B3)', () => {
  const table: Array<[string, string, boolean, string, string, string]> = [
    ['2017-08-23', '2m', false, '2017-10-24', '2017-10-24', 'B3: CE, implicit rejection of 23 Aug 2017'],
    ['2022-11-03', '2m', false, '2023-01-04', '2023-01-04', 'B3: notified 3 Nov 2022'],
    ['2012-03-01', '15d', false, '2012-03-17', '2012-03-19', 'B3: CE 2015, Saturday 17 March 2012 → Monday 19'],
    ['2024-10-31', '2m', false, '2025-01-01', '2025-01-02', 'derived: 1 January'],
    ['2025-10-25', '2m', false, '2025-12-26', '2025-12-26', 'derived: 26 Dec worked nationally'],
    ['2025-10-25', '2m', true, '2025-12-26', '2025-12-29', 'derived: 26 Dec in Alsace-Moselle'],
  ];
  for (const [triggeredOn, delay, alsaceMoselle, francEnd, lastDay, source] of table) {
    it(`${triggeredOn} + ${delay}: franc end ${francEnd}, last day ${lastDay} (${source})`, () => {
      assert.deepEqual(appealDeadline(triggeredOn, delay, { alsaceMoselle }), { triggeredOn, francEnd, lastDay });
    });
  }
});

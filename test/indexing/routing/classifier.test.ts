import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyExample, emptyModel, predict, trainModel } from '../../../src/indexing/routing/classifier.ts';
import { firstMatchingRule } from '../../../src/indexing/routing/rules.ts';
import { featuresOf, stemFrench, tokenize } from '../../../src/indexing/routing/tokenize.ts';
import { labelledLetters } from '../../../bench/routing/labelled-mail.ts';

describe('routing: French features, naive Bayes, rules', () => {
  it('folds accents and case, drops stop words, stems plurals, adds bigrams', () => {
    assert.deepEqual(tokenize('Le TITRE de Séjour des étrangers').map((t) => t.stem), ['titr', 'sejour', 'etranger']);
    assert.equal(stemFrench('installations'), stemFrench('installation'));
    const { features, surface } = featuresOf('Renouvellement du titre de séjour');
    assert.ok(features.includes('titr sejour'));
    assert.equal(surface.get('titr sejour'), 'titre sejour');
  });

  it('learns from examples, explains with the words that weighed, and is deterministic', () => {
    const letters = labelledLetters({ lettersPerService: 20 }).filter((l) => l.entityCode === 'PREF69');
    const train = letters.filter((l) => l.split === 'train').map((l) => ({ features: featuresOf(l.text).features, label: l.serviceCode }));
    const model = trainModel(train);
    const again = trainModel([...train].reverse());
    const text = 'Je sollicite le renouvellement de ma carte de séjour pluriannuelle, mon récépissé expire.';
    const a = predict(model, featuresOf(text).features)!;
    const b = predict(again, featuresOf(text).features)!;
    assert.equal(a.label, 'DMI-SEJOUR');
    assert.deepEqual(a, b, 'the order of the examples changes nothing');
    assert.ok(a.confidence > 0.8 && a.confidence <= 1);
    assert.ok(a.reasons.some((r) => r.feature.startsWith('sejour') || r.feature.includes('recepisse')), JSON.stringify(a.reasons));
  });

  it('takes an example back exactly (a correction moves it between classes)', () => {
    const model = emptyModel();
    const example = { features: ['arme', 'detent'], label: 'DCIT-ARMES' };
    applyExample(model, { features: ['sejour'], label: 'DMI-SEJOUR' }, 1);
    const before = JSON.stringify(model);
    applyExample(model, example, 1);
    applyExample(model, example, -1);
    assert.equal(JSON.stringify(model), before);
  });

  it('matches rules on every condition given, by priority', () => {
    const base = { serviceCode: 'X', requestTypeCode: null };
    const rules = [
      { ...base, id: '2', name: 'domaine', priority: 20, senderDomain: 'ac-lyon.fr' },
      { ...base, id: '1', name: 'mots', priority: 10, keywords: ['ICPE'], senderDomain: 'exploitant.fr', serviceCode: 'Y' },
    ];
    assert.equal(firstMatchingRule(rules, { text: 'x', senderAddress: 'ce.dec@mail.ac-lyon.fr' })?.id, '2');
    assert.equal(firstMatchingRule(rules, { text: 'Dossier ICPE', senderAddress: 'a@exploitant.fr' })?.id, '1');
    assert.equal(firstMatchingRule(rules, { text: 'Dossier ICPEX', senderAddress: 'a@exploitant.fr' }), null, 'whole words only');
    assert.equal(firstMatchingRule(rules, { text: 'Dossier ICPE', senderAddress: 'a@autre.fr' }), null, 'all conditions must hold');
  });
});

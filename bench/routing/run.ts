// Routing accuracy on the labelled set (bench/routing/labelled-mail.ts): the classifier trained on
// the training part of each entity, measured on the held-out part, next to two peers measured in
// the same run: the keyword rules a mailroom would write, and a TF-IDF nearest-centroid classifier.
// Usage: node --import tsx bench/routing/run.ts [--threshold 0.8] [--json]
import { predict, trainModel, type Example } from '../../src/indexing/routing/classifier.ts';
import { DEFAULT_MIN_CONFIDENCE } from '../../src/indexing/routing/routing-policy.ts';
import { firstMatchingRule } from '../../src/indexing/routing/rules.ts';
import { featuresOf } from '../../src/indexing/routing/tokenize.ts';
import { BASELINE_KEYWORD_RULES, labelledLetters, type LabelledLetter } from './labelled-mail.ts';

const args = process.argv.slice(2);
const threshold = args.includes('--threshold') ? Number(args[args.indexOf('--threshold') + 1]) : DEFAULT_MIN_CONFIDENCE;
const asJson = args.includes('--json');

interface Outcome { routed: number; correct: number; total: number }
const blank = (): Outcome => ({ routed: 0, correct: 0, total: 0 });
const add = (o: Outcome, routed: boolean, correct: boolean) => {
  o.total += 1;
  if (routed) {
    o.routed += 1;
    if (correct) o.correct += 1;
  }
};

/** TF-IDF vectors, one centroid per service, cosine similarity: the classic peer. */
function centroidClassifier(train: Array<{ features: string[]; label: string }>) {
  const df = new Map<string, number>();
  for (const e of train) for (const f of e.features) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = (f: string) => Math.log((train.length + 1) / ((df.get(f) ?? 0) + 1)) + 1;
  const vector = (features: string[]) => {
    const v = new Map<string, number>();
    for (const f of features) if (df.has(f)) v.set(f, idf(f));
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    return v;
  };
  const centroids = new Map<string, Map<string, number>>();
  for (const e of train) {
    const c = centroids.get(e.label) ?? new Map<string, number>();
    for (const [k, x] of vector(e.features)) c.set(k, (c.get(k) ?? 0) + x);
    centroids.set(e.label, c);
  }
  for (const c of centroids.values()) {
    const norm = Math.sqrt([...c.values()].reduce((s, x) => s + x * x, 0)) || 1;
    for (const [k, x] of c) c.set(k, x / norm);
  }
  return (features: string[]) => {
    const v = vector(features);
    let best = '';
    let bestScore = -1;
    for (const [label, c] of [...centroids].sort(([a], [b]) => a.localeCompare(b))) {
      let score = 0;
      for (const [k, x] of v) score += x * (c.get(k) ?? 0);
      if (score > bestScore) [best, bestScore] = [label, score];
    }
    return best;
  };
}

const letters = labelledLetters();
const byEntity = new Map<string, LabelledLetter[]>();
for (const letter of letters) byEntity.set(letter.entityCode, [...(byEntity.get(letter.entityCode) ?? []), letter]);

const classifier = blank();
const classifierType = blank();
const keywordRules = blank();
const centroid = blank();
const noAbstention = blank();
const byTrait = new Map<string, Outcome>();
const calibration = Array.from({ length: 5 }, () => ({ count: 0, correct: 0 }));
const started = performance.now();
for (const [entityCode, entityLetters] of byEntity) {
  const train = entityLetters.filter((l) => l.split === 'train').map((l) => ({ letter: l, features: featuresOf(l.text).features }));
  const test = entityLetters.filter((l) => l.split === 'test');
  const serviceModel = trainModel(train.map((t): Example => ({ features: t.features, label: t.letter.serviceCode })));
  const typeModel = trainModel(train.map((t): Example => ({ features: t.features, label: t.letter.requestTypeCode })));
  const nearest = centroidClassifier(train.map((t) => ({ features: t.features, label: t.letter.serviceCode })));
  const rules = BASELINE_KEYWORD_RULES[entityCode].map((r, i) => ({ id: String(i), name: r.serviceCode, priority: i, serviceCode: r.serviceCode, requestTypeCode: null, keywords: r.keywords }));
  for (const letter of test) {
    const features = featuresOf(letter.text).features;
    const service = predict(serviceModel, features)!;
    const routed = service.confidence >= threshold;
    const right = service.label === letter.serviceCode;
    add(classifier, routed, right);
    add(noAbstention, true, right);
    for (const trait of letter.traits.length ? letter.traits : ['clean']) {
      const o = byTrait.get(trait) ?? blank();
      add(o, routed, right);
      byTrait.set(trait, o);
    }
    const bucket = calibration[Math.min(4, Math.floor(service.confidence * 5))];
    bucket.count += 1;
    if (right) bucket.correct += 1;
    const type = predict(typeModel, features)!;
    add(classifierType, type.confidence >= threshold, type.label === letter.requestTypeCode);
    const rule = firstMatchingRule(rules, { text: letter.text });
    add(keywordRules, rule !== null, rule?.serviceCode === letter.serviceCode);
    add(centroid, true, nearest(features) === letter.serviceCode);
  }
}
const elapsed = performance.now() - started;
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const row = (name: string, o: Outcome) => ({
  method: name,
  correctAmongRouted: pct(o.correct, o.routed),
  abstained: pct(o.total - o.routed, o.total),
  correctOverall: pct(o.correct, o.total),
  items: o.total,
});
const result = {
  labelledSet: { letters: letters.length, train: letters.filter((l) => l.split === 'train').length, test: letters.filter((l) => l.split === 'test').length },
  threshold,
  service: [
    row('Octo classifier (naive Bayes, abstains under the threshold)', classifier),
    row('Octo classifier without abstention', noAbstention),
    row('peer: keyword rules (abstain when no keyword)', keywordRules),
    row('peer: TF-IDF nearest centroid (no abstention)', centroid),
  ],
  requestType: row('Octo classifier, request type', classifierType),
  serviceByTrait: Object.fromEntries([...byTrait].sort().map(([trait, o]) => [trait, row(trait, o)])),
  calibration: calibration.map((b, i) => ({ confidence: `${i * 20}–${(i + 1) * 20} %`, items: b.count, correct: pct(b.correct, b.count) })),
  milliseconds: Math.round(elapsed),
};
if (asJson) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const lines = [
    `Labelled set: ${result.labelledSet.letters} letters (${result.labelledSet.train} for training, ${result.labelledSet.test} held out), 5 entities, threshold ${threshold}`,
    '',
    'Service, top-1, on the held-out letters:',
    ...result.service.map((r) => `  ${r.method.padEnd(62)} correct among routed ${r.correctAmongRouted.padStart(7)}   abstained ${r.abstained.padStart(7)}   correct overall ${r.correctOverall.padStart(7)}`),
    `  ${result.requestType.method.padEnd(62)} correct among routed ${result.requestType.correctAmongRouted.padStart(7)}   abstained ${result.requestType.abstained.padStart(7)}`,
    '',
    'Service by trait of the letter (classifier with abstention):',
    ...Object.values(result.serviceByTrait).map((r) => `  ${r.method.padEnd(16)} ${String(r.items).padStart(4)} letters   correct among routed ${r.correctAmongRouted.padStart(7)}   abstained ${r.abstained.padStart(7)}`),
    '',
    'Calibration (service confidence → share correct):',
    ...result.calibration.map((b) => `  ${b.confidence.padEnd(10)} ${String(b.items).padStart(4)} letters   ${b.correct}`),
    '',
    `Training and scoring took ${result.milliseconds} ms.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

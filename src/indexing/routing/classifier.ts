// A multinomial naive Bayes over binary features (each distinct stem or bigram of a letter counts
// once), written here so its state is plain JSON that an entity's database row can hold and a
// correction can update in place. The confidence is the softmax of the per-feature average score
// times a scale fitted by leave-one-out on the training examples (log-loss), so that "0.9" means
// right about nine times in ten on mail like the entity's own; the bench checks it.

export interface ClassStats {
  docs: number;
  /** Sum of the feature counts of the class. */
  total: number;
  counts: Record<string, number>;
}

export interface ModelState {
  version: 1;
  /** Laplace smoothing. */
  alpha: number;
  /** Multiplies the per-feature average score before the softmax (calibration). */
  scale: number;
  /** Examples learnt (a correction replaces an example, it does not add one). */
  examples: number;
  /** In how many examples each feature appears (its size is the vocabulary). */
  df: Record<string, number>;
  classes: Record<string, ClassStats>;
}

export interface Example {
  features: string[];
  label: string;
}

export interface Prediction {
  label: string;
  confidence: number;
  runnerUp: { label: string; confidence: number } | null;
  /** The features that weighed most for the label against the runner-up, strongest first. */
  reasons: Array<{ feature: string; weight: number }>;
  /** Features of the text the model had seen before. */
  knownFeatures: number;
}

export const DEFAULT_SCALE = 4;

export function emptyModel(): ModelState {
  return { version: 1, alpha: 0.5, scale: DEFAULT_SCALE, examples: 0, df: {}, classes: {} };
}

/** Adds (sign 1) or removes (sign -1) one example's counts. */
export function applyExample(model: ModelState, example: Example, sign: 1 | -1): void {
  const stats = (model.classes[example.label] ??= { docs: 0, total: 0, counts: {} });
  stats.docs += sign;
  model.examples += sign;
  for (const feature of example.features) {
    const count = (stats.counts[feature] ?? 0) + sign;
    if (count > 0) stats.counts[feature] = count;
    else delete stats.counts[feature];
    stats.total += sign;
    const df = (model.df[feature] ?? 0) + sign;
    if (df > 0) model.df[feature] = df;
    else delete model.df[feature];
  }
  if (stats.docs <= 0) delete model.classes[example.label];
}

export function trainModel(examples: Example[]): ModelState {
  const model = emptyModel();
  for (const example of examples) applyExample(model, example, 1);
  model.scale = fitScale(model, examples);
  return model;
}

function labelsOf(model: ModelState): string[] {
  return Object.keys(model.classes).sort();
}

/** Raw log-scores per class (log prior + sum of log likelihoods over the known features). */
function rawScores(model: ModelState, known: string[], labels: string[], vocabulary: number): number[] {
  const totalDocs = labels.reduce((sum, label) => sum + model.classes[label].docs, 0);
  return labels.map((label) => {
    const stats = model.classes[label];
    const denominator = Math.log(stats.total + model.alpha * vocabulary);
    let score = Math.log((stats.docs + 1) / (totalDocs + labels.length));
    for (const feature of known) score += Math.log((stats.counts[feature] ?? 0) + model.alpha) - denominator;
    return score;
  });
}

function softmax(values: number[], scale: number): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp((v - max) * scale));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Per-feature average scores: comparable across short and long letters. */
function normalisedScores(model: ModelState, features: string[], labels: string[], vocabulary = Object.keys(model.df).length) {
  const known = features.filter((f) => model.df[f] !== undefined);
  const raw = rawScores(model, known, labels, vocabulary);
  return { known, raw, normalised: raw.map((s) => s / Math.max(1, known.length)) };
}

export function predict(model: ModelState, features: string[], maxReasons = 6): Prediction | null {
  const labels = labelsOf(model);
  if (labels.length === 0) return null;
  const { known, normalised } = normalisedScores(model, features, labels);
  const probabilities = softmax(normalised, model.scale);
  // Highest probability first; equal ones by label, so the answer never depends on insertion order.
  const order = labels.map((_, i) => i).sort((a, b) => probabilities[b] - probabilities[a] || labels[a].localeCompare(labels[b]));
  const best = order[0];
  const second = order.length > 1 ? order[1] : null;
  const vocabulary = Object.keys(model.df).length;
  const logLikelihood = (label: string, feature: string) => {
    const stats = model.classes[label];
    return Math.log((stats.counts[feature] ?? 0) + model.alpha) - Math.log(stats.total + model.alpha * vocabulary);
  };
  const reasons = second === null
    ? []
    : known
        .map((feature) => ({ feature, weight: logLikelihood(labels[best], feature) - logLikelihood(labels[second], feature) }))
        .filter((r) => r.weight > 0)
        .sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature))
        .slice(0, maxReasons)
        .map((r) => ({ feature: r.feature, weight: Math.round(r.weight * 1000) / 1000 }));
  return {
    label: labels[best],
    confidence: probabilities[best],
    runnerUp: second === null ? null : { label: labels[second], confidence: probabilities[second] },
    reasons,
    knownFeatures: known.length,
  };
}

/**
 * The scale that minimises the leave-one-out log-loss: each example is scored by the model
 * without it (its counts taken out and put back), so the fit sees mail the model has not learnt.
 */
export function fitScale(model: ModelState, examples: Example[]): number {
  const labels = labelsOf(model);
  if (labels.length < 2 || examples.length < 10) return DEFAULT_SCALE;
  const rows: Array<{ scores: number[]; truth: number }> = [];
  const vocabulary = Object.keys(model.df).length; // one example more or less: close enough for the fit
  for (const example of examples) {
    applyExample(model, example, -1);
    const present = labelsOf(model);
    if (present.length === labels.length) {
      const { normalised } = normalisedScores(model, example.features, labels, vocabulary);
      rows.push({ scores: normalised, truth: labels.indexOf(example.label) });
    }
    applyExample(model, example, 1);
  }
  if (rows.length === 0) return DEFAULT_SCALE;
  let bestScale = DEFAULT_SCALE;
  let bestLoss = Infinity;
  for (let step = 0; step <= 60; step++) {
    const scale = 0.25 * Math.pow(400, step / 60); // 0.25 … 100, log-spaced
    let loss = 0;
    for (const row of rows) loss -= Math.log(Math.max(1e-12, softmax(row.scores, scale)[row.truth]));
    if (loss < bestLoss) {
      bestLoss = loss;
      bestScale = scale;
    }
  }
  return Math.round(bestScale * 1000) / 1000;
}

/** What an admin sees of a model: examples per label and vocabulary size. */
export function modelStats(model: ModelState) {
  return {
    examples: model.examples,
    vocabulary: Object.keys(model.df).length,
    scale: model.scale,
    labels: labelsOf(model).map((label) => ({ label, examples: model.classes[label].docs })),
  };
}

/** Precision, recall and support of a set of predictions against a set of positives (docs/eval.md). */

export interface EvalResult {
  detector: string;
  dataset: string;
  /** null when nothing was predicted (precision is undefined) */
  precision: number | null;
  /** null when the truth holds no positives for this detector (support 0) */
  recall: number | null;
  /** positives in the truth */
  support: number;
  /** predictions scored (after neutral ones are set aside) */
  predicted: number;
  truePositives: number;
  /** what a unit is: 'transfer', 'account', … */
  unit: string;
  params: Record<string, unknown>;
  note?: string;
  /** predictions set aside as neither right nor wrong (see the detector's note) */
  neutral?: number;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * `predicted` and `positives` are unit keys; a prediction in `accepted` (positives plus other correct answers) is a
 * true positive, one in `neutral` is left out of precision (documented per detector), any other is a false positive.
 */
export function score(options: {
  detector: string;
  dataset: string;
  unit: string;
  params: Record<string, unknown>;
  predicted: Iterable<string>;
  positives: ReadonlySet<string>;
  accepted?: ReadonlySet<string>;
  neutral?: ReadonlySet<string>;
  note?: string;
  /** false: the truth holds nothing to score this detector against; hits are counted, precision and recall are null */
  scored?: boolean;
}): EvalResult {
  const predicted = new Set(options.predicted);
  if (options.scored === false) {
    const unscored: EvalResult = { detector: options.detector, dataset: options.dataset, precision: null, recall: null, support: 0, predicted: predicted.size, truePositives: 0, unit: options.unit, params: options.params };
    if (options.note) unscored.note = options.note;
    return unscored;
  }
  const accepted = options.accepted ?? options.positives;
  let tp = 0;
  let counted = 0;
  let neutral = 0;
  for (const key of predicted) {
    // an account the truth does not know (a bare account record of the case) cannot be judged either way
    if ((options.neutral?.has(key) || key.startsWith('case:')) && !accepted.has(key)) {
      neutral++;
      continue;
    }
    counted++;
    if (accepted.has(key)) tp++;
  }
  let found = 0;
  for (const key of options.positives) if (predicted.has(key)) found++;
  const result: EvalResult = {
    detector: options.detector,
    dataset: options.dataset,
    precision: counted === 0 ? null : round(tp / counted),
    recall: options.positives.size === 0 ? null : round(found / options.positives.size),
    support: options.positives.size,
    predicted: counted,
    truePositives: tp,
    unit: options.unit,
    params: options.params,
  };
  if (options.note) result.note = options.note;
  if (neutral > 0) result.neutral = neutral;
  return result;
}

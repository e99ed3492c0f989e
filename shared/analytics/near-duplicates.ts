import { bandKeys, createMinHasher, jaccard, normaliseUnits, shingleSet } from './minhash';
import { UnionFind } from './union-find';

/**
 * Near-duplicate texts across conversations: the templated 投诉信 and scripts a gang hands its clients, each sent
 * with another name, policy number or amount (DOMAIN.md §3.1–3.2).
 *
 * Texts are normalised (see `normaliseForShingles`), cut into character shingles and summarised by MinHash
 * signatures; LSH banding proposes candidate pairs without comparing every pair, each candidate is verified by the
 * exact Jaccard similarity of the two shingle sets, and verified pairs are joined into clusters (single linkage).
 * Items are processed in id order, so the result depends only on the items, never on their order.
 */

export interface NearDuplicateItem {
  id: number;
  text: string;
}

export interface NearDuplicateOptions {
  /** Least Jaccard similarity of two texts' shingle sets to link them. Default 0.6. */
  threshold?: number;
  /** Texts shorter than this many UTF-16 units once normalised are ignored. Default 40. */
  minChars?: number;
  /** Shingle length in characters. Default 5. */
  shingleSize?: number;
  /**
   * LSH bands × rows = MinHash functions. A pair of similarity J becomes a candidate with probability
   * 1 − (1 − J^rows)^bands: with the defaults 20 × 3, 0.99 at J = 0.6, 0.73 at J = 0.4, 0.02 at J = 0.1.
   */
  bands?: number;
  rowsPerBand?: number;
  /** Seed of the hash functions. Default 0x5eed. */
  seed?: number;
}

export interface NearDuplicateCluster {
  /** Ids of the member texts, ascending. */
  ids: number[];
  /**
   * The weakest verified link holding the cluster together (four decimals): every member reaches every other
   * through pairs at least this similar.
   */
  similarity: number;
}

export const NEAR_DUPLICATE_DEFAULTS: Required<NearDuplicateOptions> = {
  threshold: 0.6,
  minChars: 40,
  shingleSize: 5,
  bands: 20,
  rowsPerBand: 3,
  seed: 0x5eed,
};

/** A bucket larger than this is compared against a few representatives instead of pair by pair. */
const ALL_PAIRS_BUCKET = 64;
const MAX_REPRESENTATIVES = 64;
/** Packing (band key, item index) into one float64 for a native sort leaves 21 bits for the index. */
const PACKED_INDEX_LIMIT = 2 ** 21;

/** Clusters of near-identical texts, largest first (then by lowest id); texts with no near duplicate are left out. */
export function findNearDuplicates(
  items: readonly NearDuplicateItem[],
  options: NearDuplicateOptions = {},
): NearDuplicateCluster[] {
  const o = checkedOptions(options);

  const eligible: { id: number; normalised: Uint16Array }[] = [];
  const seen = new Set<number>();
  for (const item of items) {
    if (seen.has(item.id)) throw new RangeError(`findNearDuplicates: id ${item.id} occurs twice.`);
    seen.add(item.id);
    const normalised = normaliseUnits(item.text);
    if (normalised.length >= o.minChars) eligible.push({ id: item.id, normalised });
  }
  eligible.sort((a, b) => a.id - b.id);
  const n = eligible.length;
  if (n < 2) return [];

  const hasher = createMinHasher(o.bands * o.rowsPerBand, o.seed);
  const signature = new Uint32Array(hasher.numHashes);
  const keys = new Uint32Array(n * o.bands);
  eligible.forEach((item, i) => {
    bandKeys(hasher.signature(shingleSet(item.normalised, o.shingleSize), signature), o.bands, o.rowsPerBand, keys, i * o.bands);
  });

  const sets: (Uint32Array | undefined)[] = new Array<Uint32Array | undefined>(n);
  const setOf = (i: number): Uint32Array => {
    let set = sets[i];
    if (set === undefined) sets[i] = set = shingleSet(eligible[i]?.normalised ?? new Uint16Array(0), o.shingleSize);
    return set;
  };
  const clusters = new UnionFind(n);
  /** Verifies one candidate pair and links it; returns whether the two are (now) in one cluster. */
  const tryLink = (i: number, j: number): boolean => {
    if (clusters.find(i) === clusters.find(j)) return true;
    const a = setOf(i);
    const b = setOf(j);
    // Jaccard can be no more than the ratio of the set sizes: skip the merge when that is already too low.
    if (Math.min(a.length, b.length) < o.threshold * Math.max(a.length, b.length)) return false;
    const similarity = jaccard(a, b);
    if (similarity < o.threshold) return false;
    clusters.union(i, j, similarity);
    return true;
  };

  for (let band = 0; band < o.bands; band++) {
    forEachBucket(keys, n, o.bands, band, (members) => {
      if (members.length <= ALL_PAIRS_BUCKET) {
        for (let x = 0; x < members.length; x++) {
          for (let y = x + 1; y < members.length; y++) tryLink(members[x] ?? 0, members[y] ?? 0);
        }
        return;
      }
      // A hot bucket (hundreds of copies of one letter): compare each member with the representatives so far.
      const representatives: number[] = [];
      for (const member of members) {
        let joined = false;
        for (const rep of representatives) if (tryLink(rep, member)) joined = true;
        if (!joined && representatives.length < MAX_REPRESENTATIVES) representatives.push(member);
      }
    });
  }

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (clusters.setSize(i) < 2) continue;
    const root = clusters.find(i);
    let ids = byRoot.get(root);
    if (ids === undefined) byRoot.set(root, (ids = []));
    ids.push(eligible[i]?.id ?? 0);
  }
  const result: NearDuplicateCluster[] = [];
  for (const [root, ids] of byRoot) {
    result.push({ ids, similarity: Math.round(clusters.weakestLink(root) * 10_000) / 10_000 });
  }
  return result.sort((a, b) => b.ids.length - a.ids.length || (a.ids[0] ?? 0) - (b.ids[0] ?? 0));
}

/** Calls `visit` with the item indices (ascending) of every bucket of two or more in one band. */
function forEachBucket(
  keys: Uint32Array,
  n: number,
  bands: number,
  band: number,
  visit: (members: number[]) => void,
): void {
  const keyOf = (i: number) => keys[i * bands + band] ?? 0;
  let order: ArrayLike<number>;
  if (n < PACKED_INDEX_LIMIT) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = keyOf(i) * PACKED_INDEX_LIMIT + i;
    packed.sort();
    order = packed.map((p) => p % PACKED_INDEX_LIMIT);
  } else {
    order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => keyOf(a) - keyOf(b) || a - b);
  }
  let runStart = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && keyOf(order[k] ?? 0) === keyOf(order[runStart] ?? 0)) continue;
    if (k - runStart >= 2) visit(Array.from({ length: k - runStart }, (_, m) => order[runStart + m] ?? 0));
    runStart = k;
  }
}

function checkedOptions(options: NearDuplicateOptions): Required<NearDuplicateOptions> {
  const o = { ...NEAR_DUPLICATE_DEFAULTS, ...stripUndefined(options) };
  const integer = (name: keyof NearDuplicateOptions, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`findNearDuplicates: ${name} must be an integer from ${min} to ${max} (got ${value}).`);
    }
  };
  if (!(o.threshold > 0 && o.threshold <= 1)) {
    throw new RangeError(`findNearDuplicates: threshold must be above 0 and at most 1 (got ${o.threshold}).`);
  }
  integer('minChars', o.minChars, 1, 1_000_000);
  integer('shingleSize', o.shingleSize, 1, 64);
  integer('bands', o.bands, 1, 512);
  integer('rowsPerBand', o.rowsPerBand, 1, 64);
  integer('seed', o.seed, 0, 0xffffffff);
  return o;
}

function stripUndefined(options: NearDuplicateOptions): NearDuplicateOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

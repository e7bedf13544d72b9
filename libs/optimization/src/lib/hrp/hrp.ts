// Hierarchical risk parity (López de Prado 2016): cluster the assets by correlation, order them so that
// similar assets sit together, and split the budget top-down between halves by inverse variance.

const { abs, sqrt } = Math;

/**
 * Hierarchical risk parity as in López de Prado (2016), "Building diversified portfolios that outperform out of
 * sample", *Journal of Portfolio Management* 42(4), and its code listings (Snippets 16.1–16.4 of *Advances in
 * Financial Machine Learning*):
 *
 * 1. Correlation distance `dᵢⱼ = √(½(1 − ρᵢⱼ))`, then — as the paper's step 2 and its code (`linkage(dist)` on the
 *    square matrix) do — the Euclidean distance between columns of d, `d̃ᵢⱼ = ‖d_·i − d_·j‖`.
 * 2. Single-linkage clustering on d̃ (Prim's minimum spanning tree, merges sorted by height and labelled as
 *    `scipy.cluster.hierarchy.linkage(method='single')` labels them: the smaller cluster id first).
 * 3. Quasi-diagonalisation: the leaves in dendrogram order (each merge lists its first child, then its second).
 * 4. Recursive bisection of that ordered list into halves (⌊len/2⌋ first), each half's variance taken with
 *    inverse-variance weights within it, `Ṽ = w̃'Σw̃`; the first half gets `α = 1 − Ṽ₁ / (Ṽ₁ + Ṽ₂)` of the
 *    parent's weight, the second `1 − α`.
 *
 * The weights are positive and sum to 1; HRP is long-only by construction.
 */
export function hrpWeights(covariance: Float64Array, n: number): Float64Array {
  const order = quasiDiagonalOrder(covariance, n);
  const weights = new Float64Array(n).fill(1);
  // Clusters as [start, end) ranges of `order`, processed level by level as in the paper's getRecBipart.
  let clusters: Array<[number, number]> = [[0, n]];
  while (clusters.length > 0) {
    const next: Array<[number, number]> = [];
    for (const [start, end] of clusters) {
      if (end - start <= 1) continue;
      const middle = start + Math.floor((end - start) / 2);
      const firstVariance = clusterVariance(covariance, n, order, start, middle);
      const secondVariance = clusterVariance(covariance, n, order, middle, end);
      const alpha = 1 - firstVariance / (firstVariance + secondVariance);
      for (let position = start; position < middle; position++) weights[order[position]] *= alpha;
      for (let position = middle; position < end; position++) weights[order[position]] *= 1 - alpha;
      next.push([start, middle], [middle, end]);
    }
    clusters = next;
  }
  return weights;
}

/** The variance of the inverse-variance portfolio of the assets order[start..end). */
function clusterVariance(
  covariance: Float64Array,
  n: number,
  order: Int32Array,
  start: number,
  end: number,
): number {
  let inverseSum = 0;
  for (let position = start; position < end; position++) {
    const i = order[position];
    inverseSum += 1 / covariance[i * n + i];
  }
  let variance = 0;
  for (let p = start; p < end; p++) {
    const i = order[p];
    const wi = 1 / covariance[i * n + i] / inverseSum;
    for (let q = start; q < end; q++) {
      const j = order[q];
      variance += wi * covariance[i * n + j] * (1 / covariance[j * n + j] / inverseSum);
    }
  }
  return variance;
}

/**
 * Steps 1–3: the assets in the leaf order of the single-linkage dendrogram on d̃. Exported for its test.
 */
export function quasiDiagonalOrder(covariance: Float64Array, n: number): Int32Array {
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const correlation = covariance[i * n + j] / sqrt(covariance[i * n + i] * covariance[j * n + j]);
      // Clamp the round-off of ρ just above 1 so the root stays real.
      distance[i * n + j] = i === j ? 0 : sqrt(Math.max(0, 0.5 * (1 - correlation)));
    }
  }
  const between = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const difference = distance[k * n + i] - distance[k * n + j];
        sum += difference * difference;
      }
      between[i * n + j] = between[j * n + i] = sqrt(sum);
    }
  }

  // Prim's minimum spanning tree exactly as scipy's mst_single_linkage walks it: from asset 0, each step records
  // (the asset just added, the nearest asset outside, its distance to the tree).
  const merges = singleLinkage(between, n);

  // Leaves in order: expand the root, each cluster id ≥ n into its two children.
  const order = new Int32Array(n);
  let count = 0;
  const stack: number[] = [2 * n - 2];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id < n) {
      order[count++] = id;
    } else {
      const merge = id - n;
      stack.push(merges[2 * merge + 1], merges[2 * merge]); // first child on top
    }
  }
  return order;
}

/**
 * Single linkage as scipy computes it (Müllner 2011, "Modern hierarchical, agglomerative clustering algorithms",
 * MST-LINKAGE): the n − 1 merges as pairs of cluster ids (leaves 0..n−1, merge k creating id n + k), smaller first.
 */
function singleLinkage(between: Float64Array, n: number): Int32Array {
  const merged = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(Infinity);
  const edges: Array<{ from: number; to: number; height: number }> = [];
  let current = 0;
  for (let step = 0; step < n - 1; step++) {
    merged[current] = 1;
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < n; i++) {
      if (merged[i] === 1) continue;
      const d = between[current * n + i];
      if (nearest[i] > d) nearest[i] = d;
      if (nearest[i] < bestDistance) {
        bestDistance = nearest[i];
        best = i;
      }
    }
    edges.push({ from: current, to: best, height: bestDistance });
    current = best;
  }
  edges.sort((a, b) => a.height - b.height); // stable: ties keep Prim's order, as scipy's mergesort
  // Label the merges with a union-find over cluster ids.
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const find = (id: number): number => {
    let root = id;
    while (parent[root] !== root) root = parent[root];
    return root;
  };
  const merges = new Int32Array(2 * (n - 1));
  edges.forEach(({ from, to }, k) => {
    const a = find(from);
    const b = find(to);
    merges[2 * k] = a < b ? a : b;
    merges[2 * k + 1] = a < b ? b : a;
    parent[a] = n + k;
    parent[b] = n + k;
  });
  return merges;
}

/**
 * Clips long-only weights to `maxWeight` and hands what was cut to the uncapped assets in proportion to their
 * weights, repeating until none exceeds the cap (at most n rounds; feasible since n·maxWeight ≥ 1). The relative
 * weights of the uncapped assets, and so their HRP ranking, are kept.
 */
export function capWeights(weights: Float64Array, n: number, maxWeight: number): Float64Array {
  const capped = new Uint8Array(n);
  for (let round = 0; round < n; round++) {
    let excess = 0;
    let uncappedSum = 0;
    for (let i = 0; i < n; i++) {
      if (capped[i] === 0 && weights[i] > maxWeight) {
        excess += weights[i] - maxWeight;
        weights[i] = maxWeight;
        capped[i] = 1;
      }
    }
    if (excess === 0) break;
    for (let i = 0; i < n; i++) if (capped[i] === 0) uncappedSum += weights[i];
    if (abs(uncappedSum) === 0) break;
    const factor = 1 + excess / uncappedSum;
    for (let i = 0; i < n; i++) if (capped[i] === 0) weights[i] *= factor;
  }
  return weights;
}

/**
 * Disjoint sets over 0..n−1 (union by size, path halving). Each set also keeps the lowest similarity of the links
 * that joined it, which the near-duplicate search reports as the cluster's similarity.
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  private readonly weakest: Float64Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
    this.weakest = new Float64Array(n).fill(1);
  }

  find(x: number): number {
    let node = x;
    for (;;) {
      const parent = this.parent[node] ?? node;
      if (parent === node) return node;
      const grandparent = this.parent[parent] ?? parent;
      this.parent[node] = grandparent;
      node = grandparent;
    }
  }

  /** Joins the sets of a and b through a link of the given similarity; false when they were one set already. */
  union(a: number, b: number, similarity = 1): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if ((this.size[ra] ?? 0) < (this.size[rb] ?? 0)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] ?? 0) + (this.size[rb] ?? 0);
    this.weakest[ra] = Math.min(this.weakest[ra] ?? 1, this.weakest[rb] ?? 1, similarity);
    return true;
  }

  setSize(x: number): number {
    return this.size[this.find(x)] ?? 0;
  }

  /** The lowest similarity among the links that joined x's set (1 for a set of one). */
  weakestLink(x: number): number {
    return this.weakest[this.find(x)] ?? 1;
  }
}

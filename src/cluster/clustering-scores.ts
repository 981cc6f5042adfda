/** Scores of a flat clustering against gold labels, as the clustering literature (and MStream) reports them. */
export interface ClusteringScores {
  nmi: number;
  precision: number;
  recall: number;
  f1: number;
  clusters: number;
  goldClusters: number;
}

/**
 * NMI (mutual information over the mean of the two entropies, as MStream reports it) and B-cubed precision/recall/F1
 * (per item: share of its predicted cluster that shares its gold label, and share of its gold cluster it was put with).
 */
export function scoreClustering(predicted: readonly string[], gold: readonly string[]): ClusteringScores {
  if (predicted.length !== gold.length) throw new Error("scoreClustering: predicted and gold differ in length");
  const n = predicted.length;
  const predictedSizes = new Map<string, number>();
  const goldSizes = new Map<string, number>();
  const joint = new Map<string, number>();
  const pairKey = (i: number) => `${predicted[i]}\u0000${gold[i]}`;
  for (let i = 0; i < n; i++) {
    const p = predicted[i] as string;
    const g = gold[i] as string;
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
    goldSizes.set(g, (goldSizes.get(g) ?? 0) + 1);
    joint.set(pairKey(i), (joint.get(pairKey(i)) ?? 0) + 1);
  }
  let mutual = 0;
  for (const [key, count] of joint) {
    const [p, g] = key.split("\u0000") as [string, string];
    mutual += (count / n) * Math.log((count * n) / ((predictedSizes.get(p) as number) * (goldSizes.get(g) as number)));
  }
  const entropy = (sizes: Map<string, number>) => {
    let h = 0;
    for (const size of sizes.values()) h -= (size / n) * Math.log(size / n);
    return h;
  };
  const entropies = entropy(predictedSizes) + entropy(goldSizes);
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const together = joint.get(pairKey(i)) as number;
    precision += together / (predictedSizes.get(predicted[i] as string) as number);
    recall += together / (goldSizes.get(gold[i] as string) as number);
  }
  precision = n === 0 ? 1 : precision / n;
  recall = n === 0 ? 1 : recall / n;
  return {
    nmi: entropies === 0 ? 1 : (2 * mutual) / entropies,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    clusters: predictedSizes.size,
    goldClusters: goldSizes.size,
  };
}

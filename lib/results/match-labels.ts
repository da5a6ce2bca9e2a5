/**
 * Renumbers the candidate's clusters so that each takes the number of the reference cluster it
 * overlaps most, which gives matching clusters the same colour in the two pictures. Pairs are
 * taken greedily by overlap size, largest first. Candidate clusters left without a partner get
 * fresh numbers after the reference's; noise (-1) stays -1.
 */
export function matchLabels(reference: number[], candidate: number[]): number[] {
  const overlap = new Map<string, number>();
  for (let index = 0; index < reference.length; index++) {
    if (reference[index] < 0 || candidate[index] < 0) continue;
    const key = `${candidate[index]}:${reference[index]}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }

  const pairs = [...overlap].map(([key, count]) => {
    const [from, to] = key.split(':').map(Number);
    return { from, to, count };
  });
  pairs.sort((a, b) => b.count - a.count || a.from - b.from || a.to - b.to);

  const mapping = new Map<number, number>();
  const claimedReferences = new Set<number>();
  for (const pair of pairs) {
    if (mapping.has(pair.from) || claimedReferences.has(pair.to)) continue;
    mapping.set(pair.from, pair.to);
    claimedReferences.add(pair.to);
  }

  let next = Math.max(-1, ...reference) + 1;
  return candidate.map((label) => {
    if (label < 0) return label;
    let mapped = mapping.get(label);
    if (mapped === undefined) {
      mapped = next++;
      mapping.set(label, mapped);
    }
    return mapped;
  });
}

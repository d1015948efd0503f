// A small seeded generator for demo and benchmark data: the same seed gives the same dealership
// on every machine, so a bug seen in the demo can be replayed and benchmark sets are comparable.
// Never Math.random here.

/** mulberry32: 32 bits of state, fast, good enough for test data (not for secrets). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by weight; `weights` must be as long as `items` and sum to more than 0. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T
  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string
  digits(length: number): string
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[Math.floor(next() * items.length)] as T
  }
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      let total = 0
      for (const w of weights) total += w
      let r = next() * total
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0
        if (r < 0) return items[i] as T
      }
      return pick(items)
    },
    chars(alphabet, length) {
      let s = ''
      for (let i = 0; i < length; i++) s += alphabet.charAt(Math.floor(next() * alphabet.length))
      return s
    },
    digits(length) {
      let s = ''
      for (let i = 0; i < length; i++) s += String(Math.floor(next() * 10))
      return s
    },
  }
}

/**
 * A sampler over weighted items that is O(log n) per draw, for the hot loops that generate
 * hundreds of thousands of rows.
 */
export function weightedSampler<T>(items: readonly T[], weights: readonly number[]): (rng: Rng) => T {
  const cumulative: number[] = []
  let total = 0
  for (let i = 0; i < items.length; i++) {
    total += weights[i] ?? 0
    cumulative.push(total)
  }
  return (rng) => {
    const r = rng.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 0) > r) hi = mid
      else lo = mid + 1
    }
    return items[lo] as T
  }
}

/** A small seeded generator (mulberry32): the demo data set is the same on every machine. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Roughly normal noise with the given spread (sum of uniforms). */
  noise(spread: number): number {
    return (((this.next() + this.next() + this.next() - 1.5) * spread * 2) / 3) * Math.sqrt(3);
  }

  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }
}

/** A stable seed from a text, so that each indicator and unit has its own stream. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

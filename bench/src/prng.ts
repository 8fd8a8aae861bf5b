// A seeded PRNG (mulberry32): the generator must produce the same school on every run, ids
// included, so that figures from two runs compare like for like.

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A version-4-shaped UUID drawn from this stream (deterministic, unlike randomUUID). */
  uuid(): string {
    const h = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    const a = h(this.next() * 4294967296);
    const b = h(this.next() * 4294967296);
    const c = h(this.next() * 4294967296);
    const d = h(this.next() * 4294967296);
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /** 32 hex characters, e.g. a token hash that only has to be unique. */
  hex32(): string {
    let s = '';
    for (let i = 0; i < 4; i++) {
      s += (Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    }
    return s;
  }
}

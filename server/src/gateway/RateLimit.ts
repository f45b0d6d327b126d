/** A token bucket: `perSecond` on average, up to `burst` at once; a take may cost more than one (bytes, say). */
export class RateLimit {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /**
   * Takes `cost`, going into debt for what a full bucket cannot cover: one
   * thing larger than the burst goes through when nothing was spent before
   * it, and what follows waits until the debt is paid back.
   */
  takeOwing(cost: number): boolean {
    this.refill();
    if (this.tokens < Math.min(cost, this.burst)) return false;
    this.tokens -= cost;
    return true;
  }

  private refill() {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}

/**
 * Events per second over the last `windowMs`: a live throughput figure for a gauge (Prometheus
 * can compute rates from the counters too; this one is readable on /metrics as it is).
 */
export class RateWindow {
  private readonly events: { at: number; amount: number }[] = [];

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  add(amount = 1): void {
    this.events.push({ at: this.now(), amount });
    this.trim();
  }

  perSecond(): number {
    this.trim();
    const total = this.events.reduce((sum, e) => sum + e.amount, 0);
    return total / (this.windowMs / 1000);
  }

  private trim(): void {
    const cutoff = this.now() - this.windowMs;
    let drop = 0;
    while (drop < this.events.length && this.events[drop]!.at < cutoff) drop++;
    if (drop > 0) this.events.splice(0, drop);
  }
}

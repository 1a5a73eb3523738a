/** Counts of a binary detector against ground truth, and the usual ratios. */
export class Confusion {
  tp = 0;
  fp = 0;
  fn = 0;
  tn = 0;

  add(truth: boolean, said: boolean): void {
    if (truth && said) this.tp++;
    else if (said) this.fp++;
    else if (truth) this.fn++;
    else this.tn++;
  }

  get precision(): number {
    return this.tp + this.fp === 0 ? Number.NaN : this.tp / (this.tp + this.fp);
  }

  get recall(): number {
    return this.tp + this.fn === 0 ? Number.NaN : this.tp / (this.tp + this.fn);
  }

  get positives(): number {
    return this.tp + this.fn;
  }

  get total(): number {
    return this.tp + this.fp + this.fn + this.tn;
  }
}

export const fixed = (x: number, digits = 3) => (Number.isNaN(x) ? '  n/a' : x.toFixed(digits));

/** "precision 0.994  recall 0.940  (n=31000, positives=3076)" */
export function describe(c: Confusion): string {
  return `precision ${fixed(c.precision)}  recall ${fixed(c.recall)}  (n=${c.total}, positives=${c.positives}, tp=${c.tp}, fp=${c.fp}, fn=${c.fn})`;
}

/**
 * Record ids for the convergence test, in place of nanoid (the test file
 * mocks `src/ids`): operations such as `createTargetJourney` name records
 * themselves, and ids decide ties in order keys, so random ids would make a
 * seed replay differently. No imports: the mock loads this before the rest.
 */
export const seededIds = {
  prefix: "",
  count: 0,
  reset(seed: number): void {
    this.prefix = `s${seed}-`;
    this.count = 0;
  },
  next(): string {
    return `${this.prefix}${(this.count++).toString(36)}`;
  },
};

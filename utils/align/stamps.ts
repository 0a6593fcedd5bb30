/**
 * Marks of which positions a pass has seen, by position, cleared for the next pass by a new stamp rather than by
 * refilling the array or making a new Set: the aligner runs such passes for every bead it scores and every sentence
 * it prepares.
 */
export class StampedMarks {
  private marks = new Int32Array(256);
  private stamp = 0;
  /** Starts a pass over positions below `size`: none is marked. */
  startPass(size: number): void {
    if (size > this.marks.length) this.marks = new Int32Array(size * 2);
    this.stamp += 1;
    if (this.stamp === 2 ** 31 - 1) {
      this.marks.fill(0);
      this.stamp = 1;
    }
  }
  isMarked(position: number): boolean {
    return this.marks[position] === this.stamp;
  }
  mark(position: number): void {
    this.marks[position] = this.stamp;
  }
}

/**
 * The aligner's contract. Plain data only: these values cross the content-script ↔ background boundary
 * and are written by the CLI, so nothing here may hold DOM objects or class instances.
 */

/** A bead: the Chinese sentence indices and the English sentence indices that translate each other. */
export type Bead = [zh: number[], en: number[]];

/** What a block of text is on the page; captions and meta lines are aligned apart from the body. */
export type BlockRole = 'title' | 'meta' | 'caption' | 'body';

/** One language side: sentences in document order, with optional structure from the page. */
export interface AlignSide {
  sentences: string[];
  /** Block (paragraph) index of each sentence; sentences of one block are contiguous. */
  blocks?: number[];
  /** Role of each block, indexed by block index. */
  blockRoles?: BlockRole[];
}

export interface AlignRequest {
  zh: AlignSide;
  en: AlignSide;
  /** Layout hints: Chinese block i and English block j are known to be translations (alternating, table rows, mixed paragraphs). */
  blockPairs?: Array<[zhBlock: number, enBlock: number]>;
}

export interface AlignResult {
  /** Every sentence of both sides is in exactly one bead; beads are ordered by their first sentence. */
  beads: Bead[];
  /** Confidence of each bead in [0, 1], parallel to `beads`. */
  scores: number[];
}

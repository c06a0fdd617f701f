/**
 * What matching produces. Offsets are UTF-16 code-unit offsets into the text
 * that was passed in (the same units as `String.prototype.slice`), so that
 * lib/page can map them back to DOM text nodes without re-normalising.
 */

/** Why a sentence matched a claim: shown on the card under "Why this matched". */
export interface MatchEvidence {
  /** Content terms (as written in the page) that the sentence shares with the claim. */
  matchedTerms: string[];
  /** Names of the claim's key entities found in the sentence (as written in the page). */
  matchedEntities: string[];
  /** IDF-weighted share of the best-matching claim wording's key terms that the sentence covers, 0…1. */
  coverage: number;
  /**
   * Share of the sentence's own IDF weight that the matched wording accounts
   * for, 0…1: high when the sentence is about the claim, low when the claim's
   * words are a small part of a sentence about something else.
   */
  focus?: number;
  /** Which wording of the claim matched best: the claim text or one of its paraphrases. */
  matchedWording: string;
}

/** One sentence (or run of text) that carries a known claim. */
export interface Annotation {
  claimId: string;
  /** Start offset (inclusive) of the annotated run in the input text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** Decision score, 0…1; only annotations at or above the threshold are returned. */
  score: number;
  evidence: MatchEvidence;
}

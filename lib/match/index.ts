/**
 * Public surface of lib/match: pure text matching of claims, no DOM.
 * See matcher.ts for the design; the other modules are its parts, exported
 * for their own tests and for evaluation tools.
 */
export { createMatcher, splitSentences, MIN_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS } from './matcher';
export type { Matcher, MatcherOptions } from './matcher';
export type { SentenceSpan } from './sentences';
export { foldText, normalizeWithMap } from './normalize';
export type { NormalizedText } from './normalize';
export { tokenize, foldWord } from './tokenize';
export type { Token } from './tokenize';
export { STOP_WORDS, isStopWord, stemWord, termOf, isCommonTerm } from './terms';
export { compileEntities, findEntities } from './entities';
export type { EntityIndex, EntityHit } from './entities';
export { analyzeTokens, entityTerm, isEntityTerm, rankTerms } from './analyze';
export type { Analysis } from './analyze';
export { computeWeights, COMMON_TERM_FACTOR } from './weights';
export type { TermWeights } from './weights';
export { decide, DEFAULT_RULES } from './decide';
export type { Candidate, DecisionRules } from './decide';
export { createRanker, createClaimRanker, RANKING } from './rank';
export type { Ranker, ClaimRanker, RankFields, RankingOptions } from './rank';
export { createBm25f, K1 } from './bm25f';
export type { Bm25f, FieldSpec } from './bm25f';
export { feedbackTerms, FEEDBACK } from './feedback';
export type { FeedbackOptions } from './feedback';
export { focusOf, sentenceWeight, sentenceTermWeight } from './focus';
export type { Annotation, MatchEvidence } from './types';

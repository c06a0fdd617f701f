/**
 * Finds the ClaimReview objects in schema.org input, whatever wraps them: a
 * single JSON-LD object, a `@graph`, an array, JSONL, or a Data Commons
 * DataFeed (`dataFeedElement[].item[]`, where an item may be null). Every
 * other node is kept whole in the pack's `extra`, so nothing is lost; nodes
 * of a `@graph` can still be reached from a ClaimReview through `@id`.
 */
import type { PackBuilder } from './pack-builder';
import { localType, type NodeResolver } from './reader';
import type { InputRecord } from './records';
import { isObject, type JsonObject } from './types';

/** A ClaimReview to map, where it was, and what surrounded it. */
export interface ClaimReviewNode {
  node: JsonObject;
  at: string;
  /** Resolves `@id` references within the node's `@graph`. */
  resolve?: NodeResolver;
  /** Fields of the DataFeedItem that held the node (dateCreated…), kept on the claim. */
  feedItem?: JsonObject;
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map(localType);
}

/** Whether a node is a ClaimReview: typed so, or untyped with the one required text. */
export function isClaimReview(node: JsonObject): boolean {
  const types = typesOf(node);
  return types.includes('ClaimReview') || (types.length === 0 && typeof node.claimReviewed === 'string');
}

/** Whether a node is a schema.org DataFeed of fact checks. */
export function isDataFeed(node: JsonObject): boolean {
  return typesOf(node).includes('DataFeed') || Array.isArray(node.dataFeedElement);
}

/** Whether `value` is a schema.org `@context`, which the pack's format replaces. */
export function isSchemaOrgContext(value: unknown): boolean {
  return typeof value === 'string' && /^https?:\/\/schema\.org\/?$/.test(value.trim());
}

/** `node` without the listed keys and without a schema.org `@context`. */
function without(node: JsonObject, keys: string[]): JsonObject {
  // fromEntries keeps a "__proto__" field as a field (assigning it would set the prototype and lose it).
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !keys.includes(key) && !(key === '@context' && isSchemaOrgContext(value))));
}

/** Collects the ClaimReviews of all records; other nodes go to `builder.unmapped`. */
export function collectClaimReviews(records: readonly InputRecord[], builder: PackBuilder): ClaimReviewNode[] {
  const found: ClaimReviewNode[] = [];
  const feeds: JsonObject[] = [];
  const visit = (value: unknown, at: string, resolve?: NodeResolver, feedItem?: JsonObject): void => {
    if (value === null || value === undefined) {
      builder.countRecord();
      builder.countEmpty();
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${at}[${i}]`, resolve, feedItem));
      return;
    }
    if (!isObject(value)) {
      builder.countRecord();
      builder.unmapped(value, at, 'not a JSON object');
      return;
    }
    if (Array.isArray(value['@graph'])) {
      const graph = value['@graph'] as unknown[];
      const byId = new Map<string, JsonObject>();
      for (const node of graph) if (isObject(node) && typeof node['@id'] === 'string') byId.set(node['@id'], node);
      const rest = without(value, ['@graph']);
      if (Object.keys(rest).length > 0) builder.unmapped(rest, at, 'JSON-LD top-level fields outside "@graph"');
      visit(graph, `${at}["@graph"]`, (id) => byId.get(id));
      return;
    }
    if (isDataFeed(value)) {
      feeds.push({ at, fields: without(value, ['dataFeedElement']) });
      const elements = Array.isArray(value.dataFeedElement) ? value.dataFeedElement : [];
      elements.forEach((element, i) => visitFeedElement(element, `${at}.dataFeedElement[${i}]`, resolve));
      return;
    }
    builder.countRecord();
    if (isClaimReview(value) && (typeof value.claimReviewed !== 'string' || value.claimReviewed.trim() === '')) {
      builder.unmapped(value, at, 'ClaimReview without a "claimReviewed" text');
    } else if (isClaimReview(value)) {
      found.push({ node: value, at, ...(resolve ? { resolve } : {}), ...(feedItem ? { feedItem } : {}) });
    } else {
      const reason = value['@id'] !== undefined && resolve ? 'JSON-LD node that is not a ClaimReview (ClaimReviews may reference it by @id)' : 'not a ClaimReview';
      builder.unmapped(value, at, reason);
    }
  };
  const visitFeedElement = (element: unknown, at: string, resolve?: NodeResolver): void => {
    if (!isObject(element) || !('item' in element)) {
      visit(element, at, resolve); // A bare ClaimReview (or null) in place of a DataFeedItem.
      return;
    }
    // The wrapper's own fields (dateCreated, dateModified…) travel with each of its claims.
    const wrapper = without(element, ['item', '@type']);
    const typeKept = typesOf(element).some((t) => t !== 'DataFeedItem');
    if (typeKept) wrapper['@type'] = element['@type'];
    visit(element.item, `${at}.item`, resolve, Object.keys(wrapper).length > 0 ? wrapper : undefined);
  };
  for (const record of records) visit(record.value, record.at);
  if (feeds.length > 0) builder.setExtra('dataFeeds', feeds);
  return found;
}

/**
 * Reads one input record while recording which fields were used, so that
 * whatever an importer did not map can be handed back, in the record's own
 * shape, and kept under the claim's `extra`. This is what makes "nothing is
 * lost" hold by construction instead of by a list of known fields that goes
 * stale: a field is dropped only when the importer has put its value into
 * the pack.
 */
import { isObject, type JsonObject } from './types';

/** Finds a node of the surrounding JSON-LD `@graph` by its `@id`. */
export type NodeResolver = (id: string) => JsonObject | undefined;

/** A string element of a list field; it stays in `extra` until {@link TextItem.use} is called. */
export class TextItem {
  used = false;

  constructor(readonly text: string) {}

  /** Marks the string as put into the pack. */
  use(): void {
    this.used = true;
  }
}

/** One element of a field read as a list: nothing to keep, a string, read further, or left as it was. */
type Slot = { kind: 'empty' } | { kind: 'text'; item: TextItem; raw: string } | { kind: 'reader'; reader: FieldReader } | { kind: 'raw'; value: unknown };

/** A field that was read as a list of strings and objects. */
interface ListField {
  single: boolean;
  slots: Slot[];
}

/** The local name of a JSON-LD type: `schema:ClaimReview` and `http://schema.org/ClaimReview` → `ClaimReview`. */
export function localType(type: string): string {
  return type.replace(/^.*[/#:]/, '');
}

/** A reader over one JSON object; see the module comment. */
export class FieldReader {
  private readonly used = new Set<string>();
  private readonly lists = new Map<string, ListField>();

  /**
   * `detached` readers read a node kept elsewhere as a whole (a `@graph`
   * node reached through an `@id` reference), so they hand back nothing.
   */
  constructor(
    readonly value: JsonObject,
    private readonly resolve?: NodeResolver,
    private readonly detached = false,
  ) {}

  /** The raw value of `key`, without marking it used. */
  peek(key: string): unknown {
    return this.value[key];
  }

  /** Marks `key` as put into the pack. */
  use(key: string): void {
    this.used.add(key);
  }

  /** The trimmed text of `key` when it is a non-empty string (then marked used). */
  string(key: string): string | undefined {
    const text = this.peekString(key);
    if (text !== undefined) this.used.add(key);
    return text;
  }

  /** The trimmed text of `key` when it is a non-empty string, without marking it used. */
  peekString(key: string): string | undefined {
    const value = this.value[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }

  /** `fn(value of key)`; the field is marked used only when `fn` returns something. */
  map<T>(key: string, fn: (value: unknown) => T | undefined): T | undefined {
    const out = fn(this.value[key]);
    if (out !== undefined) this.used.add(key);
    return out;
  }

  /** The local names of the record's `@type` (a string or a list), not marked used. */
  types(): string[] {
    const type = this.value['@type'];
    const list = Array.isArray(type) ? type : [type];
    return list.filter((t): t is string => typeof t === 'string').map(localType);
  }

  /**
   * The strings and objects of `key`, which may hold one or a list. Strings
   * come back trimmed as {@link TextItem}s, objects as readers; both keep
   * what is not used. Other values are left as they were.
   */
  list(key: string): (TextItem | FieldReader)[] {
    const value = this.value[key];
    if (value === undefined || value === null) return [];
    let field = this.lists.get(key); // Reading twice must give the same items, or their use is lost.
    if (!field) {
      const single = !Array.isArray(value);
      field = { single, slots: (single ? [value] : value).map((item) => this.slotOf(item)) };
      this.lists.set(key, field);
    }
    const out: (TextItem | FieldReader)[] = [];
    for (const slot of field.slots) {
      if (slot.kind === 'reader') out.push(slot.reader);
      else if (slot.kind === 'text') out.push(slot.item);
    }
    return out;
  }

  /** The object under `key` as a reader, when it holds exactly one object (alone, or as a list of one). */
  child(key: string): FieldReader | undefined {
    const value = this.value[key];
    if (!isObject(value) && !(Array.isArray(value) && value.length === 1 && isObject(value[0]))) return undefined;
    const first = this.list(key)[0];
    return first instanceof FieldReader ? first : undefined;
  }

  /** The fields that were not used, in the record's shape; undefined when all were. */
  rest(): JsonObject | undefined {
    if (this.detached) return undefined;
    const kept: [string, unknown][] = [];
    for (const [key, value] of Object.entries(this.value)) {
      const list = this.lists.get(key);
      if (list) {
        const rest = listRest(list);
        if (rest !== undefined) kept.push([key, rest]);
      } else if (!this.used.has(key) && value !== null && value !== undefined) {
        kept.push([key, value]);
      }
    }
    // fromEntries defines every key as its own: `out[key] = value` would make a
    // "__proto__" field the object's prototype, and it would vanish from the pack.
    return kept.length > 0 ? Object.fromEntries(kept) : undefined;
  }

  private slotOf(item: unknown): Slot {
    if (typeof item === 'string') {
      // Empty strings say nothing; nothing to keep.
      return item.trim() === '' ? { kind: 'empty' } : { kind: 'text', item: new TextItem(item.trim()), raw: item };
    }
    if (item === null) return { kind: 'empty' };
    if (!isObject(item)) return { kind: 'raw', value: item };
    const ref = item['@id'];
    if (typeof ref === 'string' && Object.keys(item).length === 1 && this.resolve) {
      const node = this.resolve(ref);
      if (node) return { kind: 'reader', reader: new FieldReader(node, this.resolve, true) };
    }
    return { kind: 'reader', reader: new FieldReader(item, this.resolve) };
  }
}

/** Leftovers of a list field: one value, or the list with null where an element was used. */
function listRest(list: ListField): unknown {
  const kept = list.slots.map((slot) => {
    if (slot.kind === 'reader') return slot.reader.rest() ?? null;
    if (slot.kind === 'text') return slot.item.used ? null : slot.raw;
    return slot.kind === 'raw' ? slot.value : null;
  });
  if (kept.every((k) => k === null)) return undefined;
  return list.single ? kept[0] : kept;
}

import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../lib/claims/checksum';
import { compilePacks } from '../../lib/claims/compile';
import { IndexLoadError, loadIndex } from '../../lib/claims/load-index';
import type { RuntimeIndex } from '../../lib/claims/runtime-types';
import { NOW, fixturePack } from './claims-helpers';

function compiled(): RuntimeIndex {
  return compilePacks([{ file: 'a.pack.json', pack: fixturePack('valid') }], { now: NOW }).index;
}

/** A compiled index as JSON text, as it would be stored. */
function compiledText(): string {
  return JSON.stringify(compiled());
}

describe('loadIndex', () => {
  it('accepts a compiled index as an object or as JSON text', () => {
    const index = compiled();
    expect(loadIndex(index)).toBe(index);
    expect(loadIndex(JSON.stringify(index))).toEqual(index);
  });

  it('rejects corrupt JSON', () => {
    const text = compiledText().replace('"claims":', '"claims";');
    expect(() => loadIndex(text)).toThrow(IndexLoadError);
    expect(() => loadIndex(text)).toThrow(/^Cannot load the claim index: it is not valid JSON \(corrupt or truncated, \d+ characters\)/);
  });

  it('rejects truncated JSON', () => {
    const text = compiledText();
    expect(() => loadIndex(text.slice(0, text.length / 2))).toThrow(/not valid JSON \(corrupt or truncated/);
    expect(() => loadIndex('')).toThrow(/not valid JSON/);
  });

  it('rejects something that is not an index', () => {
    expect(() => loadIndex(null)).toThrow('expected a JSON object, got null');
    expect(() => loadIndex('[1, 2]')).toThrow('expected a JSON object, got object');
    expect(() => loadIndex({ ...compiled(), format: 'claimlens-pack/1' })).toThrow(
      'format is "claimlens-pack/1", expected "claimlens-index" — this is not a Claimlens index',
    );
  });

  it('rejects another version, saying which versions it reads', () => {
    const index = { ...compiled(), version: 2 };
    expect(() => loadIndex(index)).toThrow(IndexLoadError);
    expect(() => loadIndex(JSON.stringify(index))).toThrow(
      'version 2 is not supported (this build reads version 1) — rebuild the index with this version of Claimlens',
    );
  });

  it('rejects a body whose checksum does not match', () => {
    const index = compiled();
    const stored = index.checksum;
    index.body.claims[0]!.text = 'Edited by hand.';
    const actual = fnv1a32(JSON.stringify(index.body));
    expect(() => loadIndex(index)).toThrow(
      `checksum mismatch: the index says "${stored}" but its body hashes to "${actual}" — the index is corrupt or was edited by hand; rebuild it`,
    );
    expect(() => loadIndex({ ...compiled(), checksum: undefined })).toThrow(/checksum mismatch: the index says undefined/);
  });

  it('rejects a missing or malformed body', () => {
    const { body: _body, ...noBody } = compiled();
    expect(() => loadIndex(noBody)).toThrow('"body" must be an object with "packs" and "claims" arrays');
    expect(() => loadIndex({ ...compiled(), body: { packs: [], claims: {} } })).toThrow(IndexLoadError);
  });

  it('checks JSON text however it is laid out: compact, pretty-printed or with members reordered', () => {
    const index = compiled();
    expect(loadIndex(JSON.stringify(index, null, 2))).toEqual(index);
    const { body, ...head } = index;
    expect(loadIndex(JSON.stringify({ body, ...head }))).toEqual(index);
    expect(loadIndex(`${JSON.stringify(index)}\n`)).toEqual(index);
  });

  it('rejects JSON text whose body was edited, in any layout', () => {
    const edited = compiledText().replace('Flynn', 'Flinn');
    expect(edited).not.toBe(compiledText());
    expect(() => loadIndex(edited)).toThrow(/checksum mismatch/);
    const pretty = JSON.stringify(compiled(), null, 2).replace('Flynn', 'Flinn');
    expect(() => loadIndex(pretty)).toThrow(/checksum mismatch/);
  });
});

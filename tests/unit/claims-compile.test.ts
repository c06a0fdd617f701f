import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../lib/claims/checksum';
import { compilePacks, PackValidationError } from '../../lib/claims/compile';
import { INDEX_FORMAT, INDEX_VERSION } from '../../lib/claims/index-format';
import { NOW, fixturePack } from './claims-helpers';

/** Runs `fn`, which must throw a PackValidationError, and returns it. */
function validationError(fn: () => unknown): PackValidationError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PackValidationError);
    return err as PackValidationError;
  }
  throw new Error('expected a PackValidationError');
}

describe('compilePacks', () => {
  it('resolves claim entities and stance actors', () => {
    const { index, warnings } = compilePacks([{ file: 'a.pack.json', pack: fixturePack('valid') }], { now: NOW });
    expect(warnings).toEqual([]);
    const [sanctions, misled] = index.body.claims;
    expect(sanctions!.entities).toEqual([
      { id: 'michael-flynn', name: 'Michael Flynn', aliases: ['Flynn', 'Mike Flynn'] },
      { id: 'russia', name: 'Russia', aliases: [] },
    ]);
    // An actor listed among a claim's entities resolves to its names too.
    expect(misled!.entities.map((e) => e.id)).toEqual(['michael-flynn', 'mike-pence']);
    expect(misled!.entities[1]).toEqual({ id: 'mike-pence', name: 'Mike Pence', aliases: ['Pence'] });
    expect(sanctions!.stances[0]!.actor).toEqual({
      id: 'mike-pence',
      name: 'Mike Pence',
      aliases: ['Pence'],
      role: 'Vice President-elect',
      kind: 'person',
    });
    expect(sanctions!.stances[0]!.stance).toBe('denies');
    expect(sanctions!.stances[0]!.quote).toMatch(/^They did not discuss/);
    expect(misled!.stances[0]).toEqual({
      actor: { id: 'white-house', name: 'The White House', aliases: ['White House'], role: 'Executive office of the president', kind: 'organization' },
      stance: 'asserts',
      source: { outlet: 'The White House', date: '2017-02-14' },
    });
    expect(sanctions).toMatchObject({ packId: 'fixture-valid', topics: ['russia'], paraphrases: ["Flynn talked about sanctions with Russia's ambassador"] });
    expect(sanctions!.reviews[0]!.publisher).toBe('Example Fact Check');
    expect(sanctions!.appearances[0]!.outlet).toBe('Example News');
  });

  it('wraps the body in a versioned, checksummed envelope', () => {
    const { index } = compilePacks([{ file: 'a.pack.json', pack: fixturePack('valid') }], { now: NOW });
    expect(index.format).toBe(INDEX_FORMAT);
    expect(index.format).toBe('claimlens-index');
    expect(index.version).toBe(INDEX_VERSION);
    expect(index.checksum).toBe(fnv1a32(JSON.stringify(index.body)));
    expect(index.body.packs).toEqual([
      {
        id: 'fixture-valid',
        title: 'Fixture pack',
        version: '1.0.0',
        language: 'en',
        license: 'CC-BY-4.0',
        source: { name: 'Claimlens tests', url: 'https://example.org/claimlens' },
        claimCount: 2,
      },
    ]);
  });

  it('orders claims by pack order, then claim order, and is deterministic', () => {
    const second = fixturePack('valid');
    second.id = 'second';
    second.claims = [{ id: 'z-first-in-second', text: 'Another claim.' }];
    const inputs = [
      { file: 'a.pack.json', pack: fixturePack('valid') },
      { file: 'b.pack.json', pack: second },
    ];
    const one = compilePacks(inputs, { now: NOW }).index;
    const two = compilePacks(inputs, { now: NOW }).index;
    expect(one.body.claims.map((c) => c.id)).toEqual(['flynn-discussed-sanctions', 'flynn-misled-pence', 'z-first-in-second']);
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
  });

  it('returns warnings without failing', () => {
    const { index, warnings } = compilePacks([{ file: 'w.pack.json', pack: fixturePack('warnings') }], { now: NOW });
    expect(index.body.claims).toHaveLength(3);
    expect(warnings.map((w) => [w.file, w.severity])).toEqual([
      ['w.pack.json', 'warning'],
      ['w.pack.json', 'warning'],
      ['w.pack.json', 'warning'],
    ]);
  });

  it('throws one error listing every error of every pack, and no warnings', () => {
    const err = validationError(() =>
      compilePacks([
        { file: 'missing.pack.json', pack: fixturePack('missing-field') },
        { file: 'warnings.pack.json', pack: fixturePack('warnings') },
        { file: 'unknown.pack.json', pack: fixturePack('unknown-actor') },
      ]),
    );
    expect(err.issues.map((i) => [i.file, i.claimId, i.field])).toEqual([
      ['missing.pack.json', 'flynn-misled-pence', 'text'],
      ['unknown.pack.json', 'flynn-misled-pence', 'actor'],
    ]);
    expect(err.message.split('\n')).toEqual([
      'Claim packs have 2 errors:',
      '  missing.pack.json: claim "flynn-misled-pence" ($.claims[1].text): field "text": required field is missing — add "text" to this claim',
      '  unknown.pack.json: claim "flynn-misled-pence" ($.claims[1].stances[0].actor): field "actor": unknown actor "pence2" — add it to "actors" or fix the id',
    ]);
  });

  it('rejects a claim id used in two packs, naming both files', () => {
    const other = fixturePack('valid');
    other.id = 'other-pack';
    other.claims = [{ id: 'flynn-misled-pence', text: 'A different claim that reuses an id.' }];
    const err = validationError(() =>
      compilePacks([
        { file: 'assets/claims/a.pack.json', pack: fixturePack('valid') },
        { file: 'extra/b.pack.json', pack: other },
      ]),
    );
    expect(err.issues).toEqual([
      {
        file: 'extra/b.pack.json',
        path: '$.claims[0].id',
        claimId: 'flynn-misled-pence',
        field: 'id',
        severity: 'error',
        message:
          'claim id "flynn-misled-pence" is also used in assets/claims/a.pack.json ($.claims[1]) — claim ids must be unique across all packs; rename one',
      },
    ]);
  });

  it('rejects a pack id used by two packs', () => {
    const copy = fixturePack('valid');
    copy.claims = [];
    const err = validationError(() =>
      compilePacks([
        { file: 'a.pack.json', pack: fixturePack('valid') },
        { file: 'b.pack.json', pack: copy },
      ]),
    );
    expect(err.issues).toMatchObject([{ file: 'b.pack.json', path: '$.id', field: 'id', message: expect.stringContaining('also used by a.pack.json') }]);
  });

  it('compiles retrieval-only fields into the matchable claim, and names a bad one', () => {
    const pack = fixturePack('valid');
    pack.claims[0].retrieval = { title: 'Did Flynn discuss sanctions?', speaker: 'A columnist', date: '2017-02-10' };
    const [claim, other] = compilePacks([{ file: 'a.pack.json', pack }], { now: NOW }).index.body.claims;
    expect(claim).toMatchObject({ title: 'Did Flynn discuss sanctions?', speaker: 'A columnist', date: '2017-02-10' });
    expect(claim!.summary).toBeUndefined();
    expect(other!.title).toBeUndefined();
    pack.claims[0].retrieval.reviewDate = 'last week';
    const err = validationError(() => compilePacks([{ file: 'a.pack.json', pack }], { now: NOW }));
    expect(err.issues).toMatchObject([{ file: 'a.pack.json', claimId: pack.claims[0].id, path: '$.claims[0].retrieval.reviewDate', message: expect.stringContaining('YYYY-MM-DD') }]);
  });

  it('compiles no packs to an empty index', () => {
    const { index } = compilePacks([]);
    expect(index.body).toEqual({ packs: [], claims: [] });
  });
});

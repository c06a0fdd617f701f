import { describe, expect, it } from 'vitest';
import { formatIssue, type PackIssue } from '../../lib/claims/issues';
import { validatePack } from '../../lib/claims/validate';
import { NOW, fixturePack } from './claims-helpers';

const FILE = 'assets/claims/test.pack.json';

function validate(pack: unknown) {
  return validatePack(pack, FILE, { now: NOW });
}

/** The single error of a result, failing with the whole list if there are more. */
function onlyError(pack: unknown): PackIssue {
  const { errors } = validate(pack);
  expect(errors.map(formatIssue)).toHaveLength(1);
  return errors[0]!;
}

describe('validatePack: a valid pack', () => {
  it('has no errors or warnings and returns the pack with defaults filled in', () => {
    const result = validate(fixturePack('valid'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.pack?.claims[1]?.paraphrases).toEqual([]);
    expect(result.pack?.entities[1]).toEqual({ id: 'russia', name: 'Russia', aliases: [], kind: 'place' });
  });
});

describe('validatePack: schema errors', () => {
  it('reports a missing field with file, path, claim id and field', () => {
    const pack = fixturePack('valid');
    delete pack.claims[1].text;
    expect(onlyError(pack)).toEqual({
      file: FILE,
      path: '$.claims[1].text',
      claimId: 'flynn-misled-pence',
      field: 'text',
      message: 'required field is missing — add "text" to this claim',
      severity: 'error',
    });
  });

  it('names the owner of a missing nested field', () => {
    const pack = fixturePack('valid');
    delete pack.claims[0].stances[0].source.outlet;
    const issue = onlyError(pack);
    expect(issue).toMatchObject({ path: '$.claims[0].stances[0].source.outlet', claimId: 'flynn-discussed-sanctions', field: 'outlet' });
    expect(issue.message).toBe('required field is missing — add "outlet" to this source');
  });

  it('reports an empty (whitespace-only) field', () => {
    const pack = fixturePack('valid');
    pack.title = '   ';
    const issue = onlyError(pack);
    expect(issue).toMatchObject({ path: '$.title', field: 'title', message: 'must not be empty' });
    expect(issue.claimId).toBeUndefined();
  });

  it('reports a wrong type with the value found', () => {
    const pack = fixturePack('valid');
    pack.version = 3;
    expect(onlyError(pack)).toMatchObject({ path: '$.version', field: 'version', message: 'must be a string, got 3' });
  });

  it('reports a bad enum value with the allowed values and the value found', () => {
    const pack = fixturePack('valid');
    pack.claims[0].stances[0].stance = 'maybe';
    expect(onlyError(pack)).toMatchObject({
      path: '$.claims[0].stances[0].stance',
      claimId: 'flynn-discussed-sanctions',
      field: 'stance',
      message: 'must be "asserts" or "denies", got "maybe"',
    });
  });

  it('reports a field its object does not take, with the closest name, rather than dropping it', () => {
    const pack = fixturePack('valid');
    pack.claims[0].stance = pack.claims[0].stances;
    delete pack.claims[0].stances;
    expect(onlyError(pack)).toMatchObject({
      path: '$.claims[0].stance',
      claimId: 'flynn-discussed-sanctions',
      field: 'stance',
      message: expect.stringMatching(/^unknown field "stance" — did you mean "stances"\? A claim takes: id, text, .*; keep data that has no field of its own under "extra"$/),
    });
    const quoted = fixturePack('valid');
    quoted.claims[1].stances[0].qoute = 'We never discussed it.';
    expect(onlyError(quoted)).toMatchObject({ path: '$.claims[1].stances[0].qoute', message: 'unknown field "qoute" — did you mean "quote"? A stance takes: actor, stance, quote, source' });
    const actor = fixturePack('valid');
    actor.actors[0].title = 'Senator';
    expect(onlyError(actor).message).toMatch(/^unknown field "title"\. An actor takes: id, name, aliases, role, kind$/);
    const odd = fixturePack('valid');
    odd.publisher = 'Somebody';
    expect(onlyError(odd).message).toMatch(/^unknown field "publisher"\. A pack takes: format, id, title/);
  });

  it('reports a date that is no day of the calendar', () => {
    const pack = fixturePack('valid');
    pack.claims[0].stances[0].source.date = '2020-02-30';
    expect(onlyError(pack)).toMatchObject({ path: '$.claims[0].stances[0].source.date', field: 'date', message: 'must be a real calendar date, got "2020-02-30"' });
    pack.claims[0].stances[0].source.date = '2020-02-29';
    expect(validate(pack).errors).toEqual([]);
  });

  it('reports a normalizedRating outside -1…1 with its range and the value found', () => {
    const pack = fixturePack('valid');
    pack.claims[0].reviews = [{ publisher: 'Check', rating: 'False', normalizedRating: -2 }, { publisher: 'Check', rating: 'True', normalizedRating: 5 }];
    const { errors } = validate(pack);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['$.claims[0].reviews[0].normalizedRating', 'must be a number from -1 (false) to 1 (true), got -2'],
      ['$.claims[0].reviews[1].normalizedRating', 'must be a number from -1 (false) to 1 (true), got 5'],
    ]);
  });

  it('reports an id that is not a slug', () => {
    const pack = fixturePack('valid');
    pack.actors[0].id = 'Mike Pence';
    pack.claims[0].stances[0].actor = 'Mike Pence';
    pack.claims[1].entities = ['michael-flynn'];
    const { errors } = validate(pack);
    expect(errors.map((e) => [e.path, e.field])).toEqual([
      ['$.actors[0].id', 'id'],
      ['$.claims[0].stances[0].actor', 'actor'],
    ]);
    expect(errors[0]!.message).toMatch(/^must be a lowercase slug .*, got "Mike Pence"$/);
  });

  it('reports a pack that is not an object at the root', () => {
    expect(onlyError([])).toMatchObject({ path: '$', field: '(pack)', message: 'a pack must be a JSON object, got an array' });
    expect(onlyError(null).message).toBe('a pack must be a JSON object, got null');
  });

  it('reports every problem at once, schema and references together', () => {
    const pack = fixturePack('valid');
    delete pack.claims[1].text;
    pack.claims[0].stances[0].stance = 'maybe';
    pack.claims[1].stances[0].actor = 'pence2';
    pack.license = '';
    const result = validate(pack);
    expect(result.pack).toBeUndefined();
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      '$.claims[0].stances[0].stance',
      '$.claims[1].stances[0].actor',
      '$.claims[1].text',
      '$.license',
    ]);
  });
});

describe('validatePack: semantic errors', () => {
  it('reports a duplicate claim id at the second use', () => {
    const pack = fixturePack('valid');
    pack.claims[1].id = 'flynn-discussed-sanctions';
    expect(onlyError(pack)).toEqual({
      file: FILE,
      path: '$.claims[1].id',
      claimId: 'flynn-discussed-sanctions',
      field: 'id',
      message: 'duplicate claim id "flynn-discussed-sanctions" — $.claims[0] already uses it; give one of them another id',
      severity: 'error',
    });
  });

  it('reports a duplicate actor id', () => {
    const pack = fixturePack('valid');
    pack.actors.push({ ...pack.actors[0], name: 'Pence again' });
    const issue = onlyError(pack);
    expect(issue).toMatchObject({ path: '$.actors[2].id', field: 'id' });
    expect(issue.claimId).toBeUndefined();
    expect(issue.message).toBe('duplicate actor id "mike-pence" — $.actors[0] already uses it; give one of them another id');
  });

  it('reports a duplicate entity id', () => {
    const pack = fixturePack('valid');
    pack.entities.push({ id: 'russia', name: 'Russian Federation' });
    expect(onlyError(pack)).toMatchObject({
      path: '$.entities[2].id',
      field: 'id',
      message: 'duplicate entity id "russia" — $.entities[1] already uses it; give one of them another id',
    });
  });

  it('reports an id used by both an actor and an entity', () => {
    const pack = fixturePack('valid');
    pack.entities.push({ id: 'white-house', name: 'White House' });
    const issue = onlyError(pack);
    expect(issue).toMatchObject({ path: '$.entities[2].id', field: 'id' });
    expect(issue.message).toMatch(/^id "white-house" is both an actor \(\$\.actors\[1\]\) and an entity — remove the entity/);
  });

  it('reports a stance by an unknown actor', () => {
    const issue = onlyError(fixturePack('unknown-actor'));
    expect(issue).toEqual({
      file: FILE,
      path: '$.claims[1].stances[0].actor',
      claimId: 'flynn-misled-pence',
      field: 'actor',
      message: 'unknown actor "pence2" — add it to "actors" or fix the id',
      severity: 'error',
    });
  });

  it('explains a stance by an entity that is not an actor', () => {
    const pack = fixturePack('valid');
    pack.claims[1].stances[0].actor = 'michael-flynn';
    expect(onlyError(pack).message).toBe(
      '"michael-flynn" is an entity, not an actor — move it to "actors" (with a role and kind) so that it can take a stance',
    );
  });

  it('reports a claim entity that is neither an actor nor an entity', () => {
    const pack = fixturePack('valid');
    pack.claims[0].entities.push('kislyak');
    expect(onlyError(pack)).toMatchObject({
      path: '$.claims[0].entities[2]',
      claimId: 'flynn-discussed-sanctions',
      field: 'entities',
      message: 'unknown actor or entity "kislyak" — add it to "entities" (or "actors") or fix the id',
    });
  });

  it('accepts actors in a claim\'s entities', () => {
    // flynn-misled-pence lists the actor mike-pence among its entities.
    expect(validate(fixturePack('valid')).errors).toEqual([]);
  });
});

describe('validatePack: warnings', () => {
  it('warns about each non-http(s) URL but still returns the pack', () => {
    const pack = fixturePack('valid');
    pack.source.url = 'ftp://example.org/pack';
    pack.claims[0].stances[0].source.url = 'javascript:alert(1)';
    pack.claims[0].reviews[0].url = 'factcheck.example/flynn';
    pack.claims[0].appearances[0].url = 'data:text/html,hi';
    const result = validate(pack);
    expect(result.errors).toEqual([]);
    expect(result.pack).toBeDefined();
    expect(result.warnings.map((w) => [w.path, w.claimId, w.field, w.severity])).toEqual([
      ['$.source.url', undefined, 'url', 'warning'],
      ['$.claims[0].stances[0].source.url', 'flynn-discussed-sanctions', 'url', 'warning'],
      ['$.claims[0].reviews[0].url', 'flynn-discussed-sanctions', 'url', 'warning'],
      ['$.claims[0].appearances[0].url', 'flynn-discussed-sanctions', 'url', 'warning'],
    ]);
    expect(result.warnings[1]!.message).toBe(
      '"javascript:alert(1)" is not an absolute http(s) URL, so it will not be shown as a link — use the full https:// address or remove "url"',
    );
  });

  it('warns about a date after today', () => {
    const pack = fixturePack('valid');
    pack.claims[0].reviews[0].date = '2025-06-02';
    pack.claims[1].stances[0].source.date = '2025-06-01'; // today is fine
    const { errors, warnings } = validate(pack);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        file: FILE,
        path: '$.claims[0].reviews[0].date',
        claimId: 'flynn-discussed-sanctions',
        field: 'date',
        message: 'date "2025-06-02" is in the future (today is 2025-06-01) — check the year and month',
        severity: 'warning',
      },
    ]);
  });

  it('warns when two claims have the same text up to case, spacing and punctuation', () => {
    const pack = fixturePack('valid');
    pack.claims.push({ id: 'again', text: '  michael flynn misled vice-president Pence about his calls with the Russian ambassador!' });
    const { errors, warnings } = validate(pack);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        file: FILE,
        path: '$.claims[2].text',
        claimId: 'again',
        field: 'text',
        message: 'same text as claim "flynn-misled-pence" ($.claims[1]) — merge the two claims or word them differently',
        severity: 'warning',
      },
    ]);
  });

  it('warns about a pack with no claims', () => {
    const pack = fixturePack('valid');
    pack.claims = [];
    const { errors, warnings } = validate(pack);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ path: '$.claims', field: 'claims', severity: 'warning', message: expect.stringMatching(/holds no claims.*add at least one claim/) })]);
  });

  it('warns about a pack in a language other than English, and not about English ones', () => {
    const pack = fixturePack('valid');
    pack.language = 'de';
    const { errors, warnings } = validate(pack);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ path: '$.language', severity: 'warning', message: expect.stringMatching(/"de".*English only/) })]);
    for (const language of ['en', 'en-GB', 'EN-us']) {
      pack.language = language;
      expect(validate(pack).warnings).toEqual([]);
    }
  });

  it('finds every warning class in the warnings fixture', () => {
    const { errors, warnings } = validate(fixturePack('warnings'));
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual([
      '$.claims[0].stances[0].source.url',
      '$.claims[0].reviews[0].date',
      '$.claims[2].text',
    ]);
  });
});

describe('formatIssue', () => {
  it('gives one line naming file, claim, path, field and message', () => {
    const pack = fixturePack('unknown-actor');
    const [issue] = validatePack(pack, 'assets/claims/x.pack.json').errors;
    expect(formatIssue(issue!)).toBe(
      'assets/claims/x.pack.json: claim "flynn-misled-pence" ($.claims[1].stances[0].actor): field "actor": unknown actor "pence2" — add it to "actors" or fix the id',
    );
  });

  it('leaves out the claim outside claims and marks warnings', () => {
    const issue: PackIssue = { file: 'a.pack.json', path: '$.source.url', field: 'url', message: 'bad', severity: 'warning' };
    expect(formatIssue(issue)).toBe('a.pack.json: warning: ($.source.url): field "url": bad');
  });
});

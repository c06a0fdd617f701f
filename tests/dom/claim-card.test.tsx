// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { ClaimCard, type CardClaim } from '../../components/ClaimCard';
import type { RuntimeStance } from '../../lib/claims/runtime-types';
import { installMessages } from '../support/i18n';

const source = { outlet: 'Example Times', title: 'A report', date: '2020-01-02' };

function stance(name: string, kind: 'asserts' | 'denies', extra: Partial<RuntimeStance> = {}): RuntimeStance {
  return {
    actor: { id: name.toLowerCase().replace(/\W+/g, '-'), name, aliases: [], role: `${name}'s role`, kind: 'person' },
    stance: kind,
    source,
    ...extra,
  };
}

function claim(over: Partial<CardClaim> = {}): CardClaim {
  return { id: 'c1', text: 'The moon is made of cheese.', packTitle: 'Test pack', stances: [], reviews: [], ...over };
}

function mount(claims: CardClaim[]): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  render(<ClaimCard claims={claims} />, container);
  return container;
}

beforeAll(installMessages);
afterEach(() => {
  document.body.innerHTML = '';
});

describe('ClaimCard', () => {
  it('shows the claim, then who asserted and who denied it with role, quote, outlet and date', () => {
    const el = mount([claim({
      stances: [
        stance('Ada Asserter', 'asserts', { quote: 'It is cheese.' }),
        stance('Dan Denier', 'denies'),
      ],
    })]);
    const text = el.textContent!;
    expect(text.indexOf('The moon is made of cheese.')).toBeLessThan(text.indexOf('Asserted by'));
    expect(text.indexOf('Asserted by')).toBeLessThan(text.indexOf('Denied by'));
    const groups = [...el.querySelectorAll('.stance-group')];
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual(['Asserted by', 'Denied by']);
    expect(groups[0]!.textContent).toContain('Ada Asserter');
    expect(groups[0]!.textContent).toContain("Ada Asserter's role");
    expect(groups[0]!.querySelector('blockquote')!.textContent).toBe('It is cheese.');
    expect(groups[1]!.textContent).toContain('Dan Denier');
    expect(groups[1]!.textContent).toContain('Example Times');
    expect(groups[1]!.querySelector('time')!.getAttribute('datetime')).toBe('2020-01-02');
  });

  it('links a source only when it has an http(s) URL, with noopener noreferrer', () => {
    const el = mount([claim({
      stances: [
        stance('Linked', 'asserts', { source: { ...source, url: 'https://example.org/story' } }),
        stance('Unlinked', 'asserts'),
        stance('Hostile', 'denies', { source: { ...source, url: 'javascript:alert(1)' } }),
      ],
    })]);
    const links = [...el.querySelectorAll('a')];
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://example.org/story');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('leaves out an empty group and says when no stance is recorded', () => {
    const onlyDenied = mount([claim({ stances: [stance('Dan Denier', 'denies')] })]);
    expect(onlyDenied.textContent).not.toContain('Asserted by');
    expect(onlyDenied.textContent).toContain('Denied by');
    document.body.innerHTML = '';
    const none = mount([claim()]);
    expect(none.querySelector('.stance-group')).toBeNull();
    expect(none.textContent).toContain('No one');
  });

  it('lists several claims in one card and shows verdict chips with text labels', () => {
    const el = mount([
      claim({ reviews: [{ publisher: 'CheckOrg', rating: 'False', url: 'https://check.example/1' }] }),
      claim({ id: 'c2', text: 'Cheese is made of moon.' }),
    ]);
    expect(el.querySelectorAll('section.claim')).toHaveLength(2);
    expect(el.querySelector('[role="dialog"]')!.getAttribute('aria-label')).toContain('2 known claims');
    expect(el.querySelector('.verdict')!.textContent).toBe('CheckOrg: False');
  });

  it('renders hostile claim text as text, never as markup', () => {
    const el = mount([claim({ text: '<img src=x onerror="window.__pwned=1">', stances: [stance('<b>Bold</b>', 'asserts')] })]);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror="window.__pwned=1">');
  });

  it('explains why the sentence matched', () => {
    const el = mount([claim({ evidence: { matchedTerms: ['cheese'], matchedEntities: ['moon'], coverage: 0.8, matchedWording: 'x' } })]);
    const evidence = el.querySelector('.evidence')!;
    expect(evidence.textContent).toContain('Why this matched');
    expect(evidence.textContent).toContain('moon, cheese');
    expect(evidence.textContent).toContain('80%');
  });

  it('shows one claim with a singular label, and a dialog that can take focus', () => {
    const el = mount([claim({ stances: [stance('Ada Asserter', 'asserts')] })]);
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Claimlens: Known claim');
    expect(dialog.getAttribute('tabindex')).toBe('-1');
    expect(el.querySelector('.card-header')!.textContent).toBe('Claimlens · Known claim');
    expect(el.querySelectorAll('section.claim')).toHaveLength(1);
  });

  it('shows a claim with assertions and no denials without a "Denied by" group', () => {
    const el = mount([claim({ stances: [stance('Ada Asserter', 'asserts'), stance('Bo Backer', 'asserts')] })]);
    expect(el.textContent).toContain('Asserted by');
    expect(el.textContent).not.toContain('Denied by');
    expect(el.querySelectorAll('.stance')).toHaveLength(2);
    expect(el.textContent).not.toContain('No one');
  });

  it('gives every verdict a text label and a tone, and shows none when there are no verdicts', () => {
    const el = mount([claim({
      reviews: [
        { publisher: 'A', rating: 'Pants on Fire', normalizedRating: -1 },
        { publisher: 'B', rating: 'Half true', normalizedRating: 0 },
        { publisher: 'C', rating: 'Correct', normalizedRating: 1 },
        { publisher: 'D', rating: 'Needs context' },
      ],
    })]);
    const chips = [...el.querySelectorAll('.verdict')];
    expect(chips.map((c) => c.textContent)).toEqual(['A: Pants on Fire', 'B: Half true', 'C: Correct', 'D: Needs context']);
    expect(chips.map((c) => c.className)).toEqual(['verdict verdict-false', 'verdict verdict-mixed', 'verdict verdict-true', 'verdict verdict-unrated']);
    expect(el.querySelector('.verdicts')!.getAttribute('aria-label')).toBe("Fact-checkers' verdicts");
    document.body.innerHTML = '';
    expect(mount([claim()]).querySelector('.verdicts')).toBeNull();
  });

  it('names each claim\'s pack, also when several claims from different packs share a card', () => {
    const el = mount([claim({ packTitle: 'Seed pack' }), claim({ id: 'c2', text: 'Other.', packTitle: 'Community pack' })]);
    expect([...el.querySelectorAll('.pack')].map((p) => p.textContent)).toEqual(['Claim pack: Seed pack', 'Claim pack: Community pack']);
    expect(el.querySelector('.card-header')!.textContent).toBe('Claimlens · 2 known claims');
  });

  it('gives each piece of pack text its own direction, and the card its own, whatever the page\'s', () => {
    const hebrew = stance('שרה כהן', 'denies', { quote: 'זה לא נכון!' });
    const el = mount([claim({ text: 'הירח עשוי מגבינה.', stances: [hebrew], reviews: [{ publisher: 'בודק', rating: 'שקר' }] })]);
    expect(['.claim-text', '.quote', '.actor', '.verdict'].map((sel) => el.querySelector(sel)!.getAttribute('dir'))).toEqual(['auto', 'auto', 'auto', 'auto']);
    expect(el.querySelector('.card')!.getAttribute('dir')).toBe('ltr'); // its own labels are English
  });

  it('adds no landmark to the page: its header is not a banner', () => {
    const el = mount([claim()]);
    expect(el.querySelector('header')).toBeNull();
    expect(el.querySelector('.card-header')!.textContent).not.toBe('');
  });
});

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compareArticleText, readabilityBodyText } from '../../lib/cli/eval/article-text';

const story = [
  'The county board voted on Tuesday to close the old river bridge for repairs.',
  'Engineers said the steel supports had rusted far more than the last survey showed.',
  'Detours will add about fifteen minutes to the trip between the two towns this spring.',
];
const teaser = 'Read more: ten surprising facts about bridges you never knew before today.';

describe('compareArticleText', () => {
  it('counts the share of the reference body read and the share of our text outside it, by sentence', () => {
    const reference = story.join(' ');
    const ours = `${story[0]} ${story[1]}\n\n${teaser}`;
    const counts = compareArticleText(ours, reference);
    const len = (s: string) => s.replace(/\s+/g, '').length;
    expect(counts.bodyChars).toBe(story.map(len).reduce((a, b) => a + b, 0));
    expect(counts.bodyRead).toBe(len(story[0]!) + len(story[1]!));
    expect(counts.ourChars).toBe(len(story[0]!) + len(story[1]!) + len(teaser));
    expect(counts.outside).toBe(len(teaser));
  });

  it('ignores white space, case and curly quotes, and does not count short fragments', () => {
    const counts = compareArticleText(`${story[0]!.toUpperCase()}\n\nBy Jane Doe`, `  ${story[0]!.replace(/ /g, '\n')}  By Jane Doe `);
    expect(counts.bodyRead).toBe(counts.bodyChars);
    expect(counts.outside).toBe(0);
    expect(compareArticleText('', story.join(' ')).bodyRead).toBe(0);
  });
});

describe('readabilityBodyText', () => {
  it("gives Readability's body without navigation or code, and leaves the page untouched", () => {
    const html = `<html><head><title>Bridge</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Bridge to close</h1>${story.map((s) => `<p>${s} ${s}</p>`).join('')}<pre>let x = 1;</pre></article>
      <footer>© The Gazette</footer></body></html>`;
    const doc = new JSDOM(html).window.document;
    const before = doc.documentElement.outerHTML;
    const text = readabilityBodyText(doc);
    for (const s of story) expect(text).toContain(s);
    expect(text).not.toContain('let x = 1');
    expect(text).not.toContain('Home');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

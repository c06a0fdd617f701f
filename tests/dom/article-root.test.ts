// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findArticleRoot } from '../../lib/page/article-root';
import { articleSignal } from '../../lib/page/article-gate';
import { buildTextModel } from '../../lib/page/text-model';
import { HAS_SHARED, readSeedHtml } from '../support/shared';

const PARA = '<p>' + 'This paragraph is long enough to count as article text for the detector. '.repeat(4) + '</p>';

function doc(html: string): Document {
  return new JSDOM(html).window.document;
}

describe('findArticleRoot', () => {
  it.skipIf(!HAS_SHARED)('picks the seed article element, which holds the headline and the body', () => {
    const d = doc(readSeedHtml());
    const root = findArticleRoot(d)!;
    expect(root.tagName).toBe('ARTICLE');
    expect(root.querySelector('h1')).not.toBeNull();
    expect(root.querySelector('[itemprop="articleBody"]')).not.toBeNull();
  });

  it('prefers the article element over main and articleBody when they hold the same story', () => {
    const d = doc(`<body><main><article><h1>Head</h1><div itemprop="articleBody">${PARA}${PARA}</div></article></main></body>`);
    expect(findArticleRoot(d)?.tagName).toBe('ARTICLE');
  });

  it('picks the largest article among several, not a teaser', () => {
    const d = doc(`<body><article id="teaser">${PARA}</article><article id="story">${PARA}${PARA}${PARA}</article></body>`);
    expect(findArticleRoot(d)?.id).toBe('story');
  });

  it('falls back to the densest paragraph container without semantic markup', () => {
    const d = doc(`<body><div id="menu"><p>Short</p></div><div id="content">${PARA}${PARA}</div></body>`);
    expect(findArticleRoot(d)?.id).toBe('content');
  });

  it('takes the story\'s own article out of a main that also holds teasers', () => {
    // The teasers are paragraphs too, so main holds more text than the article, but not 0.9 of it more.
    const teasers = `<div class="headlines">${PARA}</div>`;
    const d = doc(`<body><main id="main"><article id="story">${PARA}${PARA}${PARA}</article>${teasers}${teasers}</main></body>`);
    expect(findArticleRoot(d)?.id).toBe('story');
  });

  it('finds a story split over sibling blocks whole, not one block of it', () => {
    const section = (n: number) => `<div class="text parbase" id="s${n}">${PARA}${PARA}</div>`;
    const d = doc(`<body><div id="grid">${section(1)}${section(2)}${section(3)}</div><div id="side"><p>Short.</p></div></body>`);
    expect(findArticleRoot(d)?.id).toBe('grid');
  });

  it('finds no story in a main of short article teasers (a home page that calls itself an article)', () => {
    const teaser = (n: number) => `<article id="t${n}"><h2>Headline ${n}</h2><p>${'A teaser of a story. '.repeat(8)}</p></article>`;
    const d = doc(`<body><main>${[1, 2, 3, 4, 5].map(teaser).join('')}</main></body>`);
    expect(findArticleRoot(d)).toBeNull();
    const story = `<article id="story">${PARA}${PARA}</article>`;
    // With a story among the teasers there is something to read.
    const root = findArticleRoot(doc(`<body><main>${story}${[1, 2, 3].map(teaser).join('')}</main></body>`));
    expect(root).not.toBeNull();
    expect(root?.contains(root.ownerDocument.getElementById('story'))).toBe(true);
  });

  it('finds the articleBody when itemprop lists it among other words', () => {
    // Blog templates write itemprop="description articleBody"; a bigger block of plain paragraphs must not win over it.
    const d = doc(`<body><div id="post" itemprop="description articleBody">${PARA}${PARA}</div><div id="archive">${PARA}${PARA}${PARA}</div></body>`);
    expect(findArticleRoot(d)?.id).toBe('post');
  });

  it('reads a chapter written as divs of spans, not the note below it written as <p>s', () => {
    const line = (n: number) => `<div class="para"><div><span>Line ${n} of the chapter, where the hero walks a long way and says a great many things to a friend.</span></div></div>`;
    const chapter = `<div class="chapter"><div id="chapter-text">${Array.from({ length: 20 }, (_, n) => line(n)).join('')}</div></div>`;
    const note = `<div class="note" id="note">${PARA}${PARA}</div>`;
    const root = findArticleRoot(doc(`<body>${chapter}${note}</body>`));
    expect(root?.closest('.chapter')).not.toBeNull();
  });

  it('finds a post written as text runs between <br>s, with headings but no <p>', () => {
    const run = 'A sentence of the post that runs on long enough to be a paragraph of real prose. '.repeat(2);
    const post = `<div id="post">${run}<br><br><h2>A heading</h2>${run}<br><br>${run}<br><br>${run}<table><tr><td>cell</td></tr></table>${run}</div>`;
    expect(findArticleRoot(doc(`<body><div id="side"><p>Short.</p></div>${post}</body>`))?.id).toBe('post');
  });

  it('counts neither links nor short labels in a div as paragraph text', () => {
    // A teaser list of long headline links and a column of date lines: no prose, so the short story wins.
    const teasers = `<div id="teasers">${Array.from({ length: 10 }, (_, n) => `<div><a href="/s${n}">Headline number ${n} of another story that runs long, long, long enough</a></div>`).join('')}</div>`;
    const dates = `<div id="dates">${Array.from({ length: 30 }, (_, n) => `<div>Updated ${n} March 2021, 10:00</div>`).join('')}</div>`;
    expect(findArticleRoot(doc(`<body>${teasers}${dates}<div id="story">${PARA}${PARA}</div></body>`))?.id).toBe('story');
  });

  it('reads no furniture word into the class list of <body>, which names the page layout', () => {
    const d = doc(`<body class="page layout-with-ad-leaderboard"><main><article id="story"><h1>Head</h1><div class="text">${PARA}${PARA}</div></article></main></body>`);
    expect(findArticleRoot(d)?.id).toBe('story');
  });

  it('does not count a stream of list-item teasers as the story\'s paragraphs', () => {
    const teaser = (n: number) => `<li><a href="/t${n}">Headline ${n}</a><p>${'The summary of some other story, long enough to look like prose. '.repeat(4)}</p></li>`;
    const d = doc(`<body><main id="main"><article id="story"><h1>Head</h1>${PARA}${PARA}</article><ul>${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</ul></main></body>`);
    expect(findArticleRoot(d)?.id).toBe('story');
  });

  it('finds a story written as a numbered list of checked claims, with or without headings', () => {
    for (const heading of [true, false]) {
      const item = (i: number) =>
        `<li>${heading ? `<h2>${i}. The mayor's claim about tolls</h2>` : ''}<p>The mayor said tolls on the harbour bridge doubled in ${2000 + i}, which the records do not show; the rise was a tenth of that, according to the authority's own report.</p></li>`;
      const d = doc(`<body><article id="story"><h1>Ten claims the mayor made, checked</h1><p>We checked them.</p><ol>${Array.from({ length: 10 }, (_, i) => item(i)).join('')}</ol></article></body>`);
      const root = findArticleRoot(d);
      expect(root?.id, `headings: ${heading}`).toBe('story');
      expect(buildTextModel(root!).text).toContain('the rise was a tenth of that');
    }
  });

  it('reads a story in a layout column whose class holds a furniture word', () => {
    const d = doc(`<body><div class="l-sidebar-fixed l-article-segment"><div class="entry">${PARA}${PARA}${PARA}</div><aside><p>Side.</p></aside></div><div class="links"><p>Short.</p></div></body>`);
    const root = findArticleRoot(d);
    expect(root).not.toBeNull();
    expect(buildTextModel(root!).text).toContain('This paragraph is long enough');
  });

  it('finds the story in a layout column of a main whose teaser articles sit in a related box', () => {
    const teasers = `<div class="related-stories">${'<article><a href="/t">Teaser</a></article>'.repeat(3)}</div>`;
    const d = doc(`<body><main><div class="two-col-sidebar-mix"><div class="body">${PARA}${PARA}${PARA}</div>${teasers}</div></main></body>`);
    const root = findArticleRoot(d);
    expect(root).not.toBeNull();
    const text = buildTextModel(root!).text;
    expect(text).toContain('This paragraph is long enough');
    expect(text).not.toContain('Teaser');
  });

  it('never takes a comment thread for a layout column, however long it is', () => {
    const comment = '<div class="thread-item"><p>' + 'A reader says something at length about the story and more. '.repeat(4) + '</p></div>';
    const d = doc(`<body><div id="story">${PARA}${PARA}</div><div class="comments">${comment.repeat(6)}</div></body>`);
    expect(findArticleRoot(d)?.id).toBe('story');
  });

  it('returns null for a page with no substantial text', () => {
    expect(findArticleRoot(doc('<body><p>Hello</p></body>'))).toBeNull();
  });
});

describe('articleSignal', () => {
  it('recognises og:type article', () => {
    expect(articleSignal(doc('<head><meta property="og:type" content="article"></head><body></body>'))).toBe('og:type');
  });

  it('recognises JSON-LD NewsArticle, including inside @graph', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': ['NewsArticle'] }] });
    expect(articleSignal(doc(`<head><script type="application/ld+json">${ld}</script></head><body></body>`))).toBe('json-ld');
  });

  it('ignores broken JSON-LD instead of throwing', () => {
    expect(articleSignal(doc('<head><script type="application/ld+json">{oops</script></head><body><p>Hi</p></body>'))).toBeNull();
  });

  it('recognises schema.org Article microdata', () => {
    expect(articleSignal(doc('<body><div itemscope itemtype="https://schema.org/Article"></div></body>'))).toBe('microdata');
  });

  it('says no for a document that is not HTML, such as a long text file the browser shows as text', () => {
    const page = (contentType: string) => {
      const d = doc(`<body><p>${'A long line of plain text in a log file or a JSON response. '.repeat(20)}</p><p>${'More of the same text, long enough to read. '.repeat(20)}</p></body>`);
      Object.defineProperty(d, 'contentType', { value: contentType, configurable: true });
      return d;
    };
    expect(articleSignal(page('text/html'))).toBe('readerable');
    expect(articleSignal(page('text/plain'))).toBeNull();
  });

  it('says no for a short page without metadata', () => {
    expect(articleSignal(doc('<body><p>Hello</p></body>'))).toBeNull();
  });
});

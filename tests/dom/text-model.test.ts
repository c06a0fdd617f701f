// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, buildTextModel, segmentAt } from '../../lib/page/text-model';

function setBody(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('#root')!;
}

describe('buildTextModel', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('joins inline text and separates blocks with a blank line', () => {
    const root = setBody('<div id="root"><p>One <em>two</em> three.</p><p>Four.</p></div>');
    const model = buildTextModel(root);
    expect(model.text).toBe(`One two three.${BLOCK_SEPARATOR}Four.${BLOCK_SEPARATOR}`);
  });

  it('maps every segment back to the text node it came from', () => {
    const root = setBody('<div id="root"><p>Alpha <b>beta</b> gamma</p></div>');
    const model = buildTextModel(root);
    for (const seg of model.segments) {
      expect(model.text.slice(seg.start, seg.end)).toBe(seg.node.data);
    }
    const beta = model.text.indexOf('beta');
    expect(segmentAt(model, beta)?.node.data).toBe('beta');
  });

  it('resolves a boundary offset to the earlier node when asked for an end', () => {
    const root = setBody('<div id="root"><p>ab<i>cd</i></p></div>');
    const model = buildTextModel(root);
    expect(segmentAt(model, 2)?.node.data).toBe('cd');
    expect(segmentAt(model, 2, true)?.node.data).toBe('ab');
  });

  it('leaves out navigation, asides, footers, comments, code, forms and hidden content', () => {
    const root = setBody(`<div id="root">
      <nav>Menu</nav><p>Kept one.</p><aside>Side</aside><footer>Foot</footer>
      <section class="comments"><p>A comment</p></section><pre>code()</pre><code>x</code>
      <div aria-hidden="true">Hidden ad</div><div hidden>Hidden</div><textarea>Typed</textarea>
      <div style="color: red; display: none"><p>Invisible</p></div><div style="display: block">Shown.</div>
      <div contenteditable="true">Editable</div><div class="share-tools">Share</div>
      <script>var s = 1;</script><style>p{}</style><p>Kept two.</p></div>`);
    const text = buildTextModel(root).text;
    expect(text).toContain('Kept one.');
    expect(text).toContain('Kept two.');
    expect(text).toContain('Shown.');
    for (const gone of ['Menu', 'Side', 'Foot', 'A comment', 'code()', 'Hidden', 'Typed', 'Invisible', 'Editable', 'Share', 'var s']) {
      expect(text).not.toContain(gone);
    }
  });

  it('reads contenteditable as the browser does: keywords in any case, other values not editable of their own', () => {
    const root = setBody(`<div id="root"><p>Kept one.</p><div contenteditable="FALSE">Kept upper false.</div><div contenteditable="yes">Kept odd value.</div>
      <div contenteditable="TRUE">Editable upper</div><div contenteditable="Plaintext-Only">Editable plain</div><div contenteditable>Editable empty</div></div>`);
    const text = buildTextModel(root).text;
    for (const kept of ['Kept one.', 'Kept upper false.', 'Kept odd value.']) expect(text).toContain(kept);
    for (const gone of ['Editable upper', 'Editable plain', 'Editable empty']) expect(text).not.toContain(gone);
  });

  it('reads line breaks inside a text node as spaces, so a blank line in the source does not cut a sentence', () => {
    const root = setBody('<div id="root"><p>He said the campaign\n\nhad no contact.</p><p>Next.</p></div>');
    const model = buildTextModel(root);
    expect(model.text).toBe(`He said the campaign  had no contact.${BLOCK_SEPARATOR}Next.${BLOCK_SEPARATOR}`);
    const seg = model.segments[0]!;
    expect(seg.end - seg.start).toBe(seg.node.data.length);
  });

  it('leaves out furniture whose class glues the word to others, and keeps marked-up names in a sentence', () => {
    const root = setBody(`<div id="root"><p>Kept.</p><div class="jp-relatedposts">Related one</div><div class="suggested_reading">Suggested two</div>
      <div class="most-read-wrap">Most read three</div><div id="cookieChoiceInfo">Cookie four</div>
      <p>The plan would lift sanctions on <a class="meta-loc" href="/sudan">Sudan</a> within a <span class="share">year</span>.</p></div>`);
    const text = buildTextModel(root).text;
    for (const gone of ['Related one', 'Suggested two', 'Most read three', 'Cookie four']) expect(text).not.toContain(gone);
    expect(text).toContain('The plan would lift sanctions on Sudan within a year.');
  });

  it('does not mistake words that merely contain a furniture word for furniture', () => {
    const root = setBody('<div id="root"><div class="shared-content adaptive"><p>Still read.</p></div></div>');
    expect(buildTextModel(root).text).toContain('Still read.');
  });

  it('leaves out teaser headlines (a link around a heading) and keeps a heading that holds a link', () => {
    const root = setBody(`<div id="root"><h1><a href="/story">The story's own title</a></h1><p>Story text.</p>
      <div class="card"><a href="/other"><h4>Another story's headline</h4></a></div></div>`);
    const text = buildTextModel(root).text;
    expect(text).toContain("The story's own title");
    expect(text).toContain('Story text.');
    expect(text).not.toContain("Another story's headline");
  });

  it('leaves out teaser cards (list items whose headline is a link) and keeps plain list items', () => {
    const root = setBody(`<div id="root"><p>Story text.</p><ul><li>A point the story makes.</li></ul>
      <ul class="stream"><li><h2><a href="/other">Another story's title</a></h2><p>A summary of another story.</p></li>
      <li><a href="/third">A third story</a><p>Its summary.</p></li></ul></div>`);
    const text = buildTextModel(root).text;
    expect(text).toContain('A point the story makes.');
    expect(text).not.toContain("Another story's title");
    expect(text).not.toContain('A summary of another story.');
    expect(text).not.toContain('Its summary.');
  });

  it('reads a story written as a list of points with plain headings (a listicle, a fact-check roundup)', () => {
    const root = setBody(`<div id="root"><p>We checked the claims.</p><ol><li><h2>1. The claim about tolls</h2><p>The records do not show it.</p></li>
      <li><h2>2. The claim about buses</h2><p>The authority confirmed it.</p></li></ol></div>`);
    const text = buildTextModel(root).text;
    expect(text).toContain('1. The claim about tolls');
    expect(text).toContain('The records do not show it.');
    expect(text).toContain('The authority confirmed it.');
  });

  it('reads a section whose id is its own heading made a slug, even when the heading holds a furniture word', () => {
    const root = setBody(`<div id="root"><div class="section" id="sharing-with-a-team"><h2>Sharing with a team</h2><p>How a team works together.</p></div>
      <div id="related-posts-for-you"><h3>Related posts for you</h3><p>Another story.</p></div></div>`);
    const text = buildTextModel(root).text;
    expect(text).toContain('How a team works together.');
    expect(text).not.toContain('Another story.');
  });

  it('walks deep trees iteratively', () => {
    // jsdom itself recurses when detaching nodes, so 3,000 levels is what it
    // survives; the real-browser fuzz tests go to 10,000.
    const root = setBody('<div id="root"></div>');
    let parent: Element = root;
    for (let i = 0; i < 3_000; i++) parent = parent.appendChild(document.createElement('span'));
    parent.textContent = 'deep text';
    expect(buildTextModel(root).text).toContain('deep text');
    root.replaceChildren();
  });
});

// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify >= 3.4.8 silently does not sanitise under happy-dom.
import { describe, expect, it } from 'vitest';
import { Window as HappyWindow } from 'happy-dom';
import { ALLOWED_TAGS, sanitizeHtml } from '../../lib/annotate/sanitize-html';
import { XSS_URLS, XSS_VECTORS } from '../fixtures/xss/vectors';

const ALLOWED = new Set(ALLOWED_TAGS.map((t) => t.toUpperCase()));

/** Every problem with sanitised output, parsed back the way a renderer would. */
function problemsOf(clean: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = clean;
  const problems: string[] = [];
  for (const el of template.content.querySelectorAll('*')) {
    if (!ALLOWED.has(el.tagName)) problems.push(`element <${el.localName}>`);
    for (const attr of el.attributes) {
      if (el.tagName === 'A' && ['href', 'rel', 'target'].includes(attr.name)) continue;
      problems.push(`attribute ${attr.name} on <${el.localName}>`);
    }
    if (el.tagName === 'A') {
      const href = el.getAttribute('href');
      if (href !== null && !/^https?:\/\//.test(href)) problems.push(`href ${href}`);
      if (href !== null && new URL(href).protocol !== 'http:' && new URL(href).protocol !== 'https:') problems.push(`href scheme ${href}`);
      if (el.getAttribute('rel') !== 'noopener noreferrer') problems.push('link without rel=noopener noreferrer');
      if (el.getAttribute('target') !== '_blank') problems.push('link without target=_blank');
    }
  }
  return problems;
}

describe('sanitizeHtml (jsdom)', () => {
  it('has a corpus of at least 100 markup vectors', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(XSS_VECTORS).size).toBe(XSS_VECTORS.length);
  });

  it.each(XSS_VECTORS.map((v, i) => [i, v] as const))('neutralises vector %i: %s', (_i, vector) => {
    const clean = sanitizeHtml(vector);
    expect(problemsOf(clean), `sanitised output: ${clean}`).toEqual([]);
    // Outside allowed tags no raw "<" is left: hostile markup survives only as escaped text.
    expect(clean.replace(/<\/?(?:a|em|strong|b|i|p|br|ul|ol|li)(?:\s[^<>]*)?>/g, '')).not.toContain('<');
    // Sanitising is stable: the output is a fixed point.
    expect(sanitizeHtml(clean)).toBe(clean);
  });

  it.each(XSS_URLS.map((u, i) => [i, u] as const))('keeps only http(s) links for URL vector %i: %s', (_i, url) => {
    const a = document.createElement('a');
    a.setAttribute('href', url);
    a.textContent = 'source';
    const clean = sanitizeHtml(a.outerHTML);
    expect(problemsOf(clean), `sanitised output: ${clean}`).toEqual([]);
    expect(clean).toContain('source');
  });

  it('keeps the allowed markup and text', () => {
    const html = '<p>One <em>two</em> <strong>three</strong> <b>four</b> <i>five</i><br></p><ul><li>a</li></ul><ol><li>b</li></ol>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('forces links to http(s), a new tab, and no opener or referrer', () => {
    expect(sanitizeHtml('<a href="https://example.org/x" target="_self" rel="opener">x</a>')).toBe(
      '<a href="https://example.org/x" rel="noopener noreferrer" target="_blank">x</a>',
    );
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="noopener noreferrer" target="_blank">x</a>');
    expect(sanitizeHtml('<a href="/relative">x</a>')).toBe('<a rel="noopener noreferrer" target="_blank">x</a>');
  });

  it('drops other elements and attributes but keeps their text', () => {
    expect(sanitizeHtml('<span class="x" style="color:red" onclick="alert(1)">kept</span>')).toBe('kept');
    expect(sanitizeHtml('<p id="clobber" data-x="1" aria-label="y">t</p>')).toBe('<p>t</p>');
    expect(sanitizeHtml('<script>alert(1)</script>after')).toBe('after');
  });

  it('refuses to run in a DOM it cannot sanitise in, rather than return the input', () => {
    // happy-dom: DOMPurify would hand the markup back untouched.
    const happy = new HappyWindow();
    try {
      expect(() => sanitizeHtml('<img src=x onerror=alert(1)>', happy as never)).toThrow(/sanitizeHtml/);
    } finally {
      void happy.happyDOM.close();
    }
    expect(() => sanitizeHtml('<b>x</b>', {} as never)).toThrow(/sanitizeHtml/);
  });
});

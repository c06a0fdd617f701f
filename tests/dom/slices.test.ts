// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { toHighlights } from '../../lib/annotate/highlights';
import { applyMarks, applyMarksInSlices } from '../../lib/annotate/marks';
import { createSlicer } from '../../lib/annotate/slices';
import { buildTextModel, createTextModelBuilder, PAUSE_CHECK_NODES } from '../../lib/page/text-model';

/** An article with many paragraphs and inline markup, so that work spans many slices. */
function bigArticle(paragraphs: number): HTMLElement {
  const root = document.createElement('article');
  for (let i = 0; i < paragraphs; i++) {
    root.insertAdjacentHTML('beforeend', `<p>Sentence ${i} has <em>some</em> words. Another <a href="#">sentence ${i}</a> follows.</p>`);
  }
  document.body.replaceChildren(root);
  return root;
}

describe('work in slices', () => {
  it('builds the same text model when paused at every check as in one go', () => {
    const root = bigArticle(200);
    const whole = buildTextModel(root);
    const builder = createTextModelBuilder(root);
    let pauses = 0;
    let model = builder.run(() => true);
    while (!model) {
      pauses++;
      model = builder.run(() => true);
    }
    expect(pauses).toBeGreaterThanOrEqual(Math.floor((200 * 8) / PAUSE_CHECK_NODES) - 1);
    expect(model.text).toBe(whole.text);
    expect(model.segments.map((s) => [s.node, s.start, s.end])).toEqual(whole.segments.map((s) => [s.node, s.start, s.end]));
  });

  it('wraps the same marks in slices as in one batch, and removes them without a trace', async () => {
    const root = bigArticle(50);
    const original = root.innerHTML;
    const model = buildTextModel(root);
    const spans = [...model.text.matchAll(/Another sentence \d+ follows\./g)].map((m, i) => ({ claimId: `c${i % 3}`, start: m.index!, end: m.index! + m[0].length }));
    const highlights = toHighlights(spans);
    const batch = applyMarks(model, highlights);
    const batchHtml = root.innerHTML;
    batch.remove();
    expect(root.innerHTML).toBe(original);

    let writes = 0;
    let calls = 0;
    const sliced = await applyMarksInSlices(buildTextModel(root), highlights, {
      shouldPause: () => ++calls % 7 === 0,
      pause: async () => true,
      write: (w) => {
        writes++;
        w();
      },
    });
    expect(writes).toBeGreaterThan(5);
    expect(root.innerHTML).toBe(batchHtml);
    sliced.remove();
    expect(root.innerHTML).toBe(original);
  });

  it('stops when told and still removes exactly what it did', async () => {
    const root = bigArticle(20);
    const original = root.innerHTML;
    const model = buildTextModel(root);
    const spans = [...model.text.matchAll(/Sentence \d+ has some words\./g)].map((m) => ({ claimId: 'c', start: m.index!, end: m.index! + m[0].length }));
    const set = await applyMarksInSlices(model, toHighlights(spans), { shouldPause: () => true, pause: async () => false, write: (w) => w() });
    expect(root.querySelectorAll('claimlens-mark').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('claimlens-mark').length).toBeLessThan(spans.length * 2);
    set.remove();
    expect(root.innerHTML).toBe(original);
  });

  it('a slicer pauses once its budget is spent and starts a fresh slice after yielding', async () => {
    let now = 0;
    const slicer = createSlicer(4, () => now);
    expect(slicer.shouldPause()).toBe(false);
    now = 5;
    expect(slicer.shouldPause()).toBe(true);
    await slicer.pause();
    expect(slicer.shouldPause()).toBe(false);
  });
});

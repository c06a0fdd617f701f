/**
 * Measuring where a paragraph's text sits, for the suites that check a mark
 * leaves its text where the bare text would be (marks-page-css,
 * marks-important): every character's box of #para, and #next's top.
 */

/** Every character of #para with its box, and where the next paragraph starts. */
export interface Layout {
  text: string;
  /** left, top and width of each character, then the next paragraph's top. */
  numbers: number[];
}

/**
 * Runs in the page (self-contained): the layout of #para as it is and, with
 * `unwrapMarks`, again once its marks are unwrapped. Both happen in one task,
 * so the extension's observers (which would put marks back) only run after.
 */
export function paragraphLayouts(unwrapMarks: boolean): Layout[] {
  const para = document.getElementById('para')!;
  const measure = (): Layout => {
    const range = document.createRange();
    let text = '';
    const numbers: number[] = [];
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        text += node.data[i];
        numbers.push(r.left, r.top, r.width);
      }
    }
    numbers.push(document.getElementById('next')!.getBoundingClientRect().top);
    return { text, numbers };
  };
  const layouts = [measure()];
  if (unwrapMarks) {
    for (const mark of [...para.querySelectorAll('claimlens-mark')]) mark.replaceWith(...mark.childNodes);
    para.normalize();
    layouts.push(measure());
  }
  return layouts;
}

/** Where `after` moved from `before` by more than the sub-pixel drift of shaping text in two runs. */
export function moved(before: Layout, after: Layout): string[] {
  if (before.text !== after.text || before.numbers.length !== after.numbers.length) return ['the text itself changed'];
  const out: string[] = [];
  before.numbers.forEach((b, i) => {
    const a = after.numbers[i]!;
    if (Math.abs(a - b) > 0.5) out.push(`${before.text[Math.floor(i / 3)] ?? 'next paragraph'}: ${b.toFixed(1)} → ${a.toFixed(1)}`);
  });
  return out.slice(0, 5);
}

/**
 * `npm run demo`: shows the main job on the bundled demo article.
 *
 * It serves assets/demo/seed-article.html from 127.0.0.1 and opens it in
 * Chromium with the built extension. With a display, the window stays open
 * until you close it. Without one (CI, SSH), it runs headless: it hovers the
 * first mark, writes a screenshot with the card open and prints the claims
 * found, then checks that Firefox marks the same sentences.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchWithExtension, type BrowserName, type TestPage } from './browser-harness/browsers';
import { startServer } from './browser-harness/server';
import { PROJECT_ROOT } from './bundled-index';

const DEMO_PAGE = path.join(PROJECT_ROOT, 'assets/demo/seed-article.html');
const SCREENSHOT = path.join(PROJECT_ROOT, '.output/demo/seed-card.png');
const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: path.join(PROJECT_ROOT, '.output/chrome-mv3'),
  firefox: path.join(PROJECT_ROOT, '.output/firefox-mv3'),
};

interface FoundMark {
  ids: string;
  text: string;
}

/** Waits for the content script's marks and reads them, merging pieces of one sentence. */
async function readMarks(page: TestPage): Promise<FoundMark[]> {
  for (let i = 0; i < 100; i++) {
    const marks = await page.evaluate(() => {
      const out: { ids: string; text: string }[] = [];
      let lastBlock: Element | null = null;
      for (const mark of document.querySelectorAll('claimlens-mark')) {
        const ids = mark.getAttribute('data-claim-ids') ?? '';
        const block = mark.closest('p, h1, h2, h3, li, blockquote');
        const prev = out[out.length - 1];
        if (prev && prev.ids === ids && block === lastBlock) prev.text += mark.textContent ?? '';
        else out.push({ ids, text: mark.textContent ?? '' });
        lastBlock = block;
      }
      return out;
    }, undefined);
    if (marks.length > 0) return marks;
    await new Promise((r) => setTimeout(r, 150));
  }
  return [];
}

/** Opens the first mark's card and returns the card's text. */
async function openFirstCard(page: TestPage): Promise<string> {
  const box = await page.evaluate(() => {
    const mark = document.querySelector('claimlens-mark');
    mark?.scrollIntoView({ block: 'center' });
    const r = mark?.getBoundingClientRect();
    return r ? { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 } : null;
  }, undefined);
  if (!box) return '';
  await page.mouseMove(box.x, box.y);
  await new Promise((r) => setTimeout(r, 600));
  return page.evaluate(() => document.querySelector('claimlens-card')?.shadowRoot?.querySelector('.claimlens-card-root')?.textContent ?? '', undefined);
}

async function main(): Promise<void> {
  const server = await startServer({ '/seed-article.html': { file: DEMO_PAGE } });
  const url = server.url('/seed-article.html');
  const windowed = Boolean(process.env.DISPLAY) && !process.env.CI;
  try {
    const chromium = await launchWithExtension('chromium', EXTENSION_DIRS.chromium, { headless: !windowed });
    await chromium.page.goto(url);
    const marks = await readMarks(chromium.page);
    const ids = new Set(marks.flatMap((m) => m.ids.split(' ')));
    console.log(`Claimlens found ${ids.size} claims in ${marks.length} highlighted sentences on ${url}:\n`);
    for (const m of marks) console.log(`  [${m.ids}]\n    ${m.text.replace(/\s+/g, ' ').trim()}\n`);
    if (windowed) {
      console.log('Chromium is open with the extension loaded: hover a highlight to see its card. Close the window to finish.');
      await chromium.exited;
      return;
    }
    const card = await openFirstCard(chromium.page);
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await chromium.page.screenshot(SCREENSHOT);
    await chromium.close();
    console.log(`Card of the first highlight:\n  ${card.replace(/\s+/g, ' ').trim().slice(0, 400)}…\n`);
    console.log(`Screenshot with the card open: ${path.relative(process.cwd(), SCREENSHOT)}`);

    const firefox = await launchWithExtension('firefox', EXTENSION_DIRS.firefox);
    await firefox.page.goto(url);
    const firefoxMarks = await readMarks(firefox.page);
    await firefox.close();
    console.log(`Firefox marked ${firefoxMarks.length} sentences (Chromium: ${marks.length}).`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

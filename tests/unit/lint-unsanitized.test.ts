// Proof that lint guards the sanitiser boundary: ESLint, with the project's
// own eslint.config.js, rejects raw HTML sinks in product code and accepts
// them only around sanitizeHtml(). The snippets are linted as if they were
// files in lib/ and components/ (they need not exist on disk).
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/shared';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: PROJECT_ROOT });
});

/** Rule ids of the errors ESLint reports for `code` as the file `filePath`. */
async function ruleErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const HEADER = "import { sanitizeHtml } from './sanitize-html';\ndeclare const el: HTMLElement;\ndeclare const x: string;\n";

describe('lint of HTML sinks in product code', () => {
  it.each([
    ['el.innerHTML = x;', 'no-unsanitized/property'],
    ['el.outerHTML = x;', 'no-unsanitized/property'],
    ['el.insertAdjacentHTML("beforeend", x);', 'no-unsanitized/method'],
    ['document.write(x);', 'no-unsanitized/method'],
  ])('flags `%s` in lib/annotate', async (line, rule) => {
    expect(await ruleErrors(`${HEADER}${line}\nexport {};\n`, 'lib/annotate/lint-probe.ts')).toContain(rule);
  });

  it('accepts HTML that goes through sanitizeHtml', async () => {
    const code = `${HEADER}el.innerHTML = sanitizeHtml(x);\nel.insertAdjacentHTML('beforeend', sanitizeHtml(x));\nexport {};\n`;
    expect(await ruleErrors(code, 'lib/annotate/lint-probe.ts')).toEqual([]);
  });

  it('flags dangerouslySetInnerHTML unless its value comes from sanitizeHtml', async () => {
    const raw = "export function P({ html }: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: html }} />;\n}\n";
    expect(await ruleErrors(raw, 'components/LintProbe.tsx')).toContain('no-restricted-syntax');
    // Components take the sanitised string as a prop (they may not import lib/annotate)...
    const prop = "export function P({ sanitizedHtml }: { sanitizedHtml: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: sanitizedHtml }} />;\n}\n";
    expect(await ruleErrors(prop, 'components/LintProbe.tsx')).toEqual([]);
    // ...and wiring code may call the sanitiser in place.
    const call =
      "import { sanitizeHtml } from '../../lib/annotate/sanitize-html';\n" +
      'export function P({ html }: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: sanitizeHtml(html) }} />;\n}\n';
    expect(await ruleErrors(call, 'entrypoints/content/lint-probe.tsx')).toEqual([]);
  });

  it('flags the sinks in entrypoints too', async () => {
    expect(await ruleErrors(`${HEADER}el.innerHTML = x;\nexport {};\n`, 'entrypoints/content/lint-probe.ts')).toContain('no-unsanitized/property');
  });
});

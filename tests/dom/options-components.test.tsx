// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImportPanel } from '../../components/options/ImportPanel';
import { PackTable } from '../../components/options/PackTable';
import { SettingsPanel } from '../../components/options/SettingsPanel';
import type { PackListing } from '../../lib/storage/pack-store';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings';
import { installMessages } from '../support/i18n';

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  render(node, container);
  return container;
}

function pack(id: string, url: string | undefined): PackListing {
  return { id, title: `Pack ${id}`, version: '1', language: 'en', license: 'CC0-1.0', source: { name: `Source ${id}`, ...(url ? { url } : {}) }, claimCount: 1, bundled: false, enabled: true };
}

beforeAll(installMessages);
afterEach(() => {
  document.body.innerHTML = '';
});

describe('PackTable', () => {
  it('links a pack source only when it is an absolute http(s) URL', () => {
    const el = mount(
      <PackTable packs={[pack('a', 'https://'), pack('b', 'https://exa mple.org/'), pack('c', 'http://[bad'), pack('d', 'https://source.example/')]} busy={new Set()} onToggle={() => undefined} onRemove={() => undefined} />,
    );
    expect([...el.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Source d', 'https://source.example/']]);
  });

  it('keeps a busy pack\'s controls focusable (disabling the focused one drops focus), and ignores them while busy', () => {
    const calls: string[] = [];
    const el = mount(<PackTable packs={[pack('a', undefined)]} busy={new Set(['a'])} onToggle={(id, on) => calls.push(`${id} ${on}`)} onRemove={(id) => calls.push(`remove ${id}`)} />);
    const box = el.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    const remove = el.querySelector('button')!;
    expect([box.disabled, box.getAttribute('aria-disabled'), remove.disabled, remove.getAttribute('aria-disabled')]).toEqual([false, 'true', false, 'true']);
    box.click();
    remove.click();
    expect([box.checked, calls]).toEqual([true, []]);
  });
});

/** Right-to-left override: in a hostile pack's text it would make the words after it in the same line read backwards. */
const RLO = '\u202e';

describe('pack text cannot turn the text around it', () => {
  it("isolates a pack's title and the imported file's name in the packs table", () => {
    const hostile = { ...pack('a', undefined), title: `Pack${RLO}`, fileName: `evil${RLO}.json`, importedFrom: 'claimreview' };
    const el = mount(<PackTable packs={[hostile]} busy={new Set()} onToggle={() => undefined} onRemove={() => undefined} />);
    expect(el.querySelector('.pack-title')!.getAttribute('dir')).toBe('auto');
    expect(el.querySelector('.pack-origin')!.textContent).toContain(`\u2068evil.json\u2069`);
  });

  it("isolates an imported pack's title and a file's name in the import messages", () => {
    const done = mount(<ImportPanel state={{ kind: 'done', fileName: 'f.json', title: `T${RLO}`, claims: 3, replaced: false, warnings: [] }} onFile={() => undefined} />);
    expect(done.textContent).toContain(`\u2068T\u2069`);
    const failed = mount(<ImportPanel state={{ kind: 'failed', fileName: `x${RLO}.json`, errors: [] }} onFile={() => undefined} />);
    expect(failed.textContent).toContain(`\u2068x.json\u2069`);
  });

  it('drops direction controls inside the isolated text, so that a pop (U+2069) cannot end the isolate early', () => {
    const done = mount(<ImportPanel state={{ kind: 'done', fileName: 'f.json', title: `T\u2069${RLO}x`, claims: 3, replaced: false, warnings: [] }} onFile={() => undefined} />);
    expect(done.textContent).toContain('\u2068Tx\u2069');
    expect(done.textContent).not.toContain(RLO);
  });
});

describe('ImportPanel', () => {
  it('counts the claims of an import in good English, with thousands separated as in the packs table', () => {
    const done = (claims: number, replaced: boolean) =>
      mount(<ImportPanel state={{ kind: 'done', fileName: 'f.json', title: 'T', claims, replaced, warnings: [] }} onFile={() => undefined} />).querySelector('.ok')!.textContent;
    expect(done(1, false)).toBe('Installed \u2068T\u2069: 1 claim.');
    expect(done(19250, false)).toBe('Installed \u2068T\u2069: 19,250 claims.');
    expect(done(1, true)).toBe('Updated \u2068T\u2069: 1 claim.');
    expect(done(2, true)).toBe('Updated \u2068T\u2069: 2 claims.');
  });

  it('keeps the file picker focusable during an import, and does not open it then', () => {
    const el = mount(<ImportPanel state={{ kind: 'working', fileName: 'a.json' }} onFile={() => undefined} />);
    const input = el.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect([input.disabled, input.getAttribute('aria-disabled')]).toEqual([false, 'true']);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    input.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });
});

describe('SettingsPanel', () => {
  it('names each "Switch back on" button with its visible text (WCAG 2.5.3)', () => {
    const el = mount(
      <SettingsPanel settings={{ ...DEFAULT_SETTINGS, disabledSites: ['news.example'] }} shortcut={null} browserName="chrome" onStyle={() => undefined} onSensitivity={() => undefined} onRemoveSite={() => undefined} />,
    );
    const button = el.querySelector('.sites button')!;
    expect(button.getAttribute('aria-label')).toBe(`${button.textContent} for news.example`);
  });
});

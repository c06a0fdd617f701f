/**
 * Gives fakeBrowser the extension's real English messages, so component and
 * entrypoint tests render the strings users see (and a missing key shows up
 * as an empty string plus a warning, exactly as in the browser).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChromeMessagesText, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const localesFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales/en.yml');

let messages: Record<string, { message: string }> | null = null;

/** browser.i18n.getMessage's substitution rules: $1…$9, and $$ for a dollar sign. */
function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** Loads locales/en.yml and installs it as fakeBrowser.i18n (call again after fakeBrowser.reset()). */
export async function installMessages(): Promise<void> {
  messages ??= JSON.parse(generateChromeMessagesText(await parseMessagesFile(localesFile))) as Record<string, { message: string }>;
  const table = messages;
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => {
    const entry = table[name];
    if (!entry) return '';
    return substitute(entry.message, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
}

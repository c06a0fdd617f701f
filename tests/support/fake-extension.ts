/**
 * What fakeBrowser leaves unimplemented and Claimlens uses: keyboard
 * commands and a fresh IndexedDB (fake-indexeddb) per test.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMessages } from './i18n';

type CommandListener = (command: string, tab?: Browser.tabs.Tab) => void;

/** The commands that the fake `commands.getAll` reports. */
export const FAKE_COMMANDS: Browser.commands.Command[] = [
  { name: 'focus-next-mark', description: 'Move focus to the next highlighted claim', shortcut: 'Alt+Shift+J' },
];

/** Resets fakeBrowser and installs commands, messages and a fresh IndexedDB. Returns a trigger for commands. */
export async function resetFakeExtension(): Promise<{ triggerCommand(command: string, tab?: Browser.tabs.Tab): void }> {
  fakeBrowser.reset();
  await installMessages();
  const listeners: CommandListener[] = [];
  fakeBrowser.commands.getAll = (async () => FAKE_COMMANDS) as typeof fakeBrowser.commands.getAll;
  (fakeBrowser.commands as { onCommand: unknown }).onCommand = {
    addListener: (l: CommandListener) => void listeners.push(l),
    removeListener: (l: CommandListener) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: CommandListener) => listeners.includes(l),
  };
  globalThis.indexedDB = new IDBFactory();
  return { triggerCommand: (command, tab) => listeners.forEach((l) => l(command, tab)) };
}

/**
 * Routes `runtime.sendMessage` to the runtime.onMessage listeners (the
 * background's router) as a message from the extension page `pagePath`,
 * returning the first answer, as the browser does. fakeBrowser's own
 * sendMessage passes an empty sender and drops promised answers.
 */
export function bridgeToBackground(pagePath = 'options.html'): void {
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(`/${pagePath}`) } as Browser.runtime.MessageSender;
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
    return answers.find((a) => a !== undefined);
  }) as typeof fakeBrowser.runtime.sendMessage;
}

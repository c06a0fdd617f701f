/**
 * The options page's state and its wiring to the extension: packs through
 * the background (the only writer of installed packs), settings through
 * the settings item, the shortcut from `commands.getAll()`. The page
 * itself is the pure OptionsPage component.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsPage, type ImportState } from '../../components/options/OptionsPage';
import { MAX_PACK_BYTES } from '../../lib/claims/limits';
import { isolate, t } from '../../lib/i18n';
import { FOCUS_NEXT_MARK_COMMAND, sendToBackground } from '../../lib/messages';
import type { PackListing } from '../../lib/storage/pack-store';
import { getSettings, updateSettings, watchSettings, type Settings } from '../../lib/storage/settings';

/** Props: which browser's help to show for changing the shortcut. */
export interface OptionsControllerProps {
  browserName: 'chrome' | 'firefox';
}

/** Loads and saves everything the options page shows. */
export function OptionsController({ browserName }: OptionsControllerProps) {
  const [packs, setPacks] = useState<PackListing[] | null>(null);
  const [packsError, setPacksError] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [indexError, setIndexError] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [importState, setImportState] = useState<ImportState>({ kind: 'idle' });
  const [packError, setPackError] = useState<{ packId: string; message: string } | null>(null);

  const refresh = useCallback(async () => {
    try {
      setPacks(await sendToBackground('list-packs', {}));
      setPacksError(null);
      const status = await sendToBackground('index-status', {});
      setIndexError(status.ok ? null : status.error);
      setUnreadable(status.ok ? (status.unreadable ?? []) : []);
    } catch (error) {
      // The background did not answer (it failed to start): say so rather than "Loading…" for good.
      setPacksError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  useEffect(() => {
    void refresh();
    void getSettings().then(setSettings);
    const unwatch = watchSettings(setSettings);
    void browser.commands
      .getAll()
      .then((commands) => setShortcut(commands.find((c) => c.name === FOCUS_NEXT_MARK_COMMAND)?.shortcut || null))
      .catch(() => setShortcut(null));
    return unwatch;
  }, [refresh]);

  /** Runs a change to one pack, with its controls disabled meanwhile. */
  const withPack = async (packId: string, change: () => Promise<unknown>) => {
    setBusy((b) => new Set(b).add(packId));
    try {
      await change();
      setPackError(null);
    } catch (error) {
      // Said where the reader looks, not lost as an unhandled rejection; the list below shows what holds.
      setPackError({ packId, message: error instanceof Error ? error.message : String(error) });
    }
    try {
      await refresh();
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(packId);
        return next;
      });
    }
  };

  const onFile = async (file: File) => {
    setImportState({ kind: 'working', fileName: file.name });
    try {
      // A file over the limit is refused by its size alone (the background says why): reading a
      // file of gigabytes into one string would fail, or exceed the browser's message size, first.
      const text = file.size > MAX_PACK_BYTES ? '' : await file.text();
      const outcome = await sendToBackground('import-pack', { fileName: file.name, text, bytes: file.size });
      if (outcome.ok) {
        setImportState({ kind: 'done', fileName: file.name, title: outcome.pack.title, claims: outcome.pack.claimCount, replaced: outcome.replaced, warnings: outcome.warnings });
      } else {
        setImportState({ kind: 'failed', fileName: file.name, errors: outcome.errors });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setImportState({ kind: 'failed', fileName: file.name, errors: [{ file: file.name, path: '$', field: '(pack)', message, severity: 'error' }] });
    }
    await refresh();
  };

  return (
    <OptionsPage
      packs={packs}
      packsError={packsError}
      settings={settings}
      busy={busy}
      importState={importState}
      indexError={indexError}
      unreadablePacks={unreadable}
      packError={packError}
      shortcut={shortcut}
      browserName={browserName}
      onToggle={(packId, enabled) => void withPack(packId, () => sendToBackground('set-pack-enabled', { packId, enabled }))}
      onRemove={(packId) => {
        // Removal deletes the pack's claims: getting them back needs the original file, so a slip of the pointer must not cost them.
        const title = packs?.find((p) => p.id === packId)?.title ?? packId;
        if (!window.confirm(t('options.packRemoveConfirm', [isolate(title)]))) return;
        void withPack(packId, () => sendToBackground('remove-pack', { packId })).then(() => {
          // The row and its button are gone: keep keyboard focus in the packs section, not on <body>.
          document.getElementById('packs-heading')?.focus();
        });
      }}
      onFile={(file) => void onFile(file)}
      onStyle={(highlightStyle) => void updateSettings(() => ({ highlightStyle }))}
      onSensitivity={(sensitivity) => void updateSettings(() => ({ sensitivity }))}
      onRemoveSite={(site) => void updateSettings((s) => ({ disabledSites: s.disabledSites.filter((x) => x !== site) }))}
    />
  );
}

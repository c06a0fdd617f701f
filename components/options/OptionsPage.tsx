/** The whole options page. Pure: the entrypoint's controller owns the state. */
import { isolate, t } from '../../lib/i18n';
import type { PackListing } from '../../lib/storage/pack-store';
import type { Settings } from '../../lib/storage/settings';
import { ImportPanel, type ImportState } from './ImportPanel';
import { PackTable } from './PackTable';
import { SettingsPanel, type SettingsPanelProps } from './SettingsPanel';

export type { ImportState };

export interface OptionsPageProps extends Omit<SettingsPanelProps, 'settings'> {
  /** Null while loading, or when they could not be listed (see packsError). */
  packs: PackListing[] | null;
  /** Why the packs could not be listed (the background did not answer). */
  packsError?: string | null;
  settings: Settings | null;
  busy: ReadonlySet<string>;
  importState: ImportState;
  /** Why the claim index does not load, if it does not. */
  indexError: string | null;
  /** User packs left out of matching because their stored bodies could not be read, each with why. */
  unreadablePacks: readonly string[];
  /** The last switch or removal of a pack that failed, with why; null once one succeeds. */
  packError?: { packId: string; message: string } | null;
  onToggle(packId: string, enabled: boolean): void;
  onRemove(packId: string): void;
  onFile(file: File): void;
}

/** Packs, import, then settings. */
export function OptionsPage(props: OptionsPageProps) {
  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      {props.indexError && (
        <p class="index-error" role="alert">
          {t('options.indexError', [props.indexError])}
        </p>
      )}
      {props.unreadablePacks.length > 0 && (
        <p class="index-error" role="alert">
          {t('options.packsUnreadable', [props.unreadablePacks.join('; ')])}
        </p>
      )}
      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading" tabIndex={-1}>
          {t('options.packsHeading')}
        </h2>
        <p>{t('options.packsIntro')}</p>
        {props.packError && (
          <p class="index-error" role="alert">
            {t('options.packChangeFailed', [isolate(props.packs?.find((p) => p.id === props.packError!.packId)?.title ?? props.packError.packId), props.packError.message])}
          </p>
        )}
        {props.packs ? (
          <PackTable packs={props.packs} busy={props.busy} onToggle={props.onToggle} onRemove={props.onRemove} />
        ) : props.packsError ? (
          <p class="index-error" role="alert">
            {t('options.packsUnavailable', [props.packsError])}
          </p>
        ) : (
          <p>{t('options.loading')}</p>
        )}
      </section>
      <ImportPanel state={props.importState} onFile={props.onFile} />
      {props.settings && (
        <SettingsPanel
          settings={props.settings}
          shortcut={props.shortcut}
          browserName={props.browserName}
          onStyle={props.onStyle}
          onSensitivity={props.onSensitivity}
          onRemoveSite={props.onRemoveSite}
        />
      )}
    </main>
  );
}

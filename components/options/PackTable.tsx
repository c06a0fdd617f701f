/** The installed packs: what each is, a switch for each, and Remove for user packs. Pure. */
import { safeHttpUrl } from '../../lib/claims/safe-url';
import { isolate, t } from '../../lib/i18n';
import type { PackListing } from '../../lib/storage/pack-store';

export interface PackTableProps {
  packs: PackListing[];
  /** Pack ids with a change in flight: their controls are disabled. */
  busy: ReadonlySet<string>;
  onToggle(packId: string, enabled: boolean): void;
  onRemove(packId: string): void;
}

function Source({ pack }: { pack: PackListing }) {
  const url = safeHttpUrl(pack.source.url);
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {pack.source.name}
    </a>
  ) : (
    <>{pack.source.name}</>
  );
}

/** One row per pack. */
export function PackTable({ packs, busy, onToggle, onRemove }: PackTableProps) {
  return (
    <table class="packs">
      <thead>
        <tr>
          <th scope="col">{t('options.packEnabled')}</th>
          <th scope="col">{t('options.packName')}</th>
          <th scope="col">{t('options.packVersion')}</th>
          <th scope="col">{t('options.packClaims')}</th>
          <th scope="col">{t('options.packSource')}</th>
          <th scope="col">{t('options.packLicense')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('options.packRemove')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {packs.map((pack) => (
          <tr key={pack.id} data-pack-id={pack.id}>
            <td>
              <input
                type="checkbox"
                checked={pack.enabled}
                // aria-disabled, not disabled: disabling the focused box drops keyboard focus to <body>.
                aria-disabled={busy.has(pack.id) || undefined}
                aria-label={t('options.packToggleLabel', [pack.title])}
                onClick={(e) => busy.has(pack.id) && e.preventDefault()}
                onChange={(e) => !busy.has(pack.id) && onToggle(pack.id, e.currentTarget.checked)}
              />
            </td>
            <th scope="row">
              {/* dir="auto" isolates a pack's own text: its direction (or a hostile override) stays inside. */}
              <span class="pack-title" dir="auto">
                {pack.title}
              </span>
              <span class="pack-origin">
                {pack.bundled ? t('options.packBundled') : t('options.packImported', [isolate(pack.fileName ?? ''), isolate(pack.importedFrom ?? '')])}
              </span>
            </th>
            <td>{pack.version}</td>
            <td class="number">{pack.claimCount.toLocaleString('en')}</td>
            <td>
              <Source pack={pack} />
            </td>
            <td>{pack.license}</td>
            <td>
              {!pack.bundled && (
                <button
                  type="button"
                  aria-disabled={busy.has(pack.id) || undefined}
                  aria-label={t('options.packRemoveLabel', [pack.title])}
                  onClick={() => !busy.has(pack.id) && onRemove(pack.id)}
                >
                  {t('options.packRemove')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Highlight style, sensitivity, sites switched off and the keyboard shortcut. Pure. */
import { t } from '../../lib/i18n';
import type { HighlightStyle, Sensitivity, Settings } from '../../lib/storage/settings';

export interface SettingsPanelProps {
  settings: Settings;
  /** The focus-next-mark shortcut as the browser reports it, or null when unset. */
  shortcut: string | null;
  browserName: 'chrome' | 'firefox';
  onStyle(style: HighlightStyle): void;
  onSensitivity(sensitivity: Sensitivity): void;
  onRemoveSite(site: string): void;
}

const STYLE_LABELS = { underline: 'options.styleUnderline', background: 'options.styleBackground', none: 'options.styleNone' } as const;
const SENSITIVITY_LABELS = { precise: 'options.sensitivityPrecise', thorough: 'options.sensitivityThorough' } as const;

function Choice<V extends string>(props: { name: string; value: V; current: V; label: string; onPick(value: V): void }) {
  return (
    <label class="choice">
      <input type="radio" name={props.name} value={props.value} checked={props.current === props.value} onChange={() => props.onPick(props.value)} />{' '}
      {props.label}
    </label>
  );
}

/** The settings sections of the options page. */
export function SettingsPanel({ settings, shortcut, browserName, onStyle, onSensitivity, onRemoveSite }: SettingsPanelProps) {
  return (
    <>
      <section aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">{t('options.appearanceHeading')}</h2>
        <fieldset>
          <legend>{t('options.highlightStyle')}</legend>
          {(Object.keys(STYLE_LABELS) as HighlightStyle[]).map((style) => (
            <Choice key={style} name="style" value={style} current={settings.highlightStyle} label={t(STYLE_LABELS[style])} onPick={onStyle} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('options.sensitivity')}</legend>
          {(Object.keys(SENSITIVITY_LABELS) as Sensitivity[]).map((s) => (
            <Choice key={s} name="sensitivity" value={s} current={settings.sensitivity} label={t(SENSITIVITY_LABELS[s])} onPick={onSensitivity} />
          ))}
        </fieldset>
      </section>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('options.sitesHeading')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p>{t('options.sitesNone')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>{' '}
                <button type="button" aria-label={t('options.siteRemoveLabel', [site])} onClick={() => onRemoveSite(site)}>
                  {t('options.siteRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading">{t('options.shortcutHeading')}</h2>
        <p class="shortcut">{t('options.shortcutCurrent', [shortcut || t('options.shortcutUnset')])}</p>
        <p>{t(browserName === 'firefox' ? 'options.shortcutHelpFirefox' : 'options.shortcutHelpChrome')}</p>
        <p>{t('options.shortcutHelpKeys')}</p>
      </section>
    </>
  );
}

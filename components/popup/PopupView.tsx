/**
 * The toolbar popup: the claims found on the current page (each jumps to
 * its first mark), the site and global switches, export, and a link to the
 * options. Pure: the popup's controller owns the state.
 */
import { t } from '../../lib/i18n';
import type { PageState } from '../../lib/messages';

/**
 * What the popup knows about its tab: a page state; or that no content
 * script answered, on an http(s) page of `site` (`no-script`: open since
 * before Claimlens was installed or updated, which a reload fixes) or on a
 * page Claimlens never runs on (`unsupported`: browser pages, the extension
 * stores, PDFs).
 */
export type PopupTabState =
  | { kind: 'loading' }
  | { kind: 'unsupported' }
  | { kind: 'no-script'; site: string }
  | { kind: 'page'; page: PageState };

export interface PopupViewProps {
  tab: PopupTabState;
  /** The global pause (from the settings; known even where the content script does not run). */
  paused: boolean;
  /**
   * The sites switched off (from the settings; undefined until they are
   * read). They decide the site switch: a paused page reports `off: 'paused'`
   * even when its site is off too, and a page reports a change only a
   * moment after the switch was flipped.
   */
  disabledSites?: readonly string[];
  /** File name of the last export, to confirm it. */
  exported: string | null;
  onShowClaim(claimId: string): void;
  onSiteEnabled(site: string, enabled: boolean): void;
  onPaused(paused: boolean): void;
  onExport(): void;
  onOpenOptions(): void;
}

/**
 * The line in the popup's live region. A function, not a component: the
 * line for a loading tab and for a page still being read is then the same
 * <p>, updated in place, so screen readers do not hear "Reading the page…"
 * again when the page answers (a node put in anew is announced).
 */
function statusLine(tab: PopupTabState) {
  if (tab.kind === 'loading') return <p class="muted">{t('popup.working')}</p>;
  if (tab.kind === 'unsupported') return <p class="muted">{t('popup.unsupported')}</p>;
  if (tab.kind === 'no-script') return <p class="muted">{t('popup.noScript')}</p>;
  const { page } = tab;
  // No role="alert" of its own: the line already sits in the status region, and a region inside it would be announced twice.
  if (page.status === 'error') return <p class="index-error">{t('popup.pageError', [page.error ?? ''])}</p>;
  if (page.off === 'paused') return <p class="muted">{t('popup.paused')}</p>;
  if (page.off === 'site-off') return <p class="muted">{t('popup.offSite')}</p>;
  if (page.status === 'not-article') return <p class="muted">{t('popup.notArticle')}</p>;
  if (page.status === 'working') return <p class="muted">{t('popup.working')}</p>;
  return <p class="count">{t('popup.claimsFound', page.claims.length)}</p>;
}

function ClaimList({ page, onShowClaim }: { page: PageState; onShowClaim(id: string): void }) {
  if (page.status !== 'annotated' || page.claims.length === 0) return null;
  return (
    <ul class="claims">
      {page.claims.map((c) => (
        <li key={c.id} data-claim-id={c.id}>
          <button type="button" class="claim" onClick={() => onShowClaim(c.id)}>
            <span class="claim-text" dir="auto">
              {c.text}
            </span>
            <span class="stance-summary">{t('popup.stanceSummary', [String(c.asserted), String(c.denied)])}</span>
            <span class="visually-hidden"> — {t('popup.showClaim')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The popup's content. */
export function PopupView(props: PopupViewProps) {
  const { tab } = props;
  const page = tab.kind === 'page' ? tab.page : null;
  const site = page?.site ?? (tab.kind === 'no-script' ? tab.site : null);
  return (
    <main class="popup">
      <h1>{t('popup.title')}</h1>
      {/* A live region from the first render, so that screen readers hear "3 known claims" once the page is read. */}
      <div class="page-status" role="status">
        {statusLine(tab)}
      </div>
      {page && <ClaimList page={page} onShowClaim={props.onShowClaim} />}
      <div class="switches">
        {site && (
          <label class="switch">
            <input type="checkbox" name="site" checked={props.disabledSites ? !props.disabledSites.includes(site) : page?.off !== 'site-off'} onChange={(e) => props.onSiteEnabled(site, e.currentTarget.checked)} />{' '}
            {t('popup.siteSwitch', [site])}
          </label>
        )}
        <label class="switch">
          <input type="checkbox" name="pause" checked={props.paused} onChange={(e) => props.onPaused(e.currentTarget.checked)} /> {t('popup.pauseSwitch')}
        </label>
      </div>
      <div class="actions">
        {page?.status === 'annotated' && page.claims.length > 0 && (
          <button type="button" class="export" onClick={props.onExport}>
            {t('popup.exportAnnotations')}
          </button>
        )}
        <button type="button" class="link" onClick={props.onOpenOptions}>
          {t('popup.openOptions')}
        </button>
      </div>
      <p class="export-status" role="status">
        {props.exported && t('popup.exportDone', [props.exported])}
      </p>
    </main>
  );
}

/** Choosing a pack file and what came of importing it. Pure. */
import { formatIssue, type PackIssue } from '../../lib/claims/issues';
import { isolate, t } from '../../lib/i18n';

/** Where an import stands. */
export type ImportState =
  | { kind: 'idle' }
  | { kind: 'working'; fileName: string }
  | { kind: 'done'; fileName: string; title: string; claims: number; replaced: boolean; warnings: PackIssue[] }
  | { kind: 'failed'; fileName: string; errors: PackIssue[] };

export interface ImportPanelProps {
  state: ImportState;
  onFile(file: File): void;
}

/** Most issues listed; a broken export can have thousands. */
const MAX_LISTED = 200;

function Issues({ issues }: { issues: PackIssue[] }) {
  return (
    <ul class="issues">
      {issues.slice(0, MAX_LISTED).map((issue, i) => (
        <li key={i} data-field={issue.field} data-path={issue.path} data-claim-id={issue.claimId}>
          <code>{formatIssue(issue)}</code>
        </li>
      ))}
      {issues.length > MAX_LISTED && <li>…</li>}
    </ul>
  );
}

/** The file picker and the status of the last import. */
export function ImportPanel({ state, onFile }: ImportPanelProps) {
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('options.importHeading')}</h2>
      <p>{t('options.importIntro')}</p>
      <label class="file-label">
        {t('options.importChoose')}{' '}
        <input
          type="file"
          accept=".json,.jsonl,.jsonld,application/json"
          // aria-disabled, not disabled: disabling the focused picker drops keyboard focus to <body>.
          aria-disabled={state.kind === 'working' || undefined}
          onClick={(e) => state.kind === 'working' && e.preventDefault()}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
      <div class="import-status" role="status" aria-live="polite">
        {state.kind === 'working' && <p>{t('options.importWorking', [isolate(state.fileName)])}</p>}
        {state.kind === 'done' && (
          <>
            <p class="ok">
              {t(state.replaced ? 'options.importReplaced' : 'options.importDone', state.claims, [isolate(state.title), state.claims.toLocaleString('en')])}
              {state.warnings.length > 0 && ` (${t('options.importWarnings', state.warnings.length)})`}
            </p>
            {state.warnings.length > 0 && <Issues issues={state.warnings} />}
          </>
        )}
      </div>
      {state.kind === 'failed' && (
        <div class="import-errors" role="alert">
          <p>{t('options.importFailed', [isolate(state.fileName)])}</p>
          <Issues issues={state.errors} />
        </div>
      )}
    </section>
  );
}

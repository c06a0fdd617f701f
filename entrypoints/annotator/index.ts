import './marks.css';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startAnnotator } from './annotate-page';

// Injected by the background (lib/background/annotator.ts) into a page that
// passed the gate-first content script's article gate: at most once per
// document, into the content scripts' isolated world.
export default defineUnlistedScript(() => {
  startAnnotator();
});

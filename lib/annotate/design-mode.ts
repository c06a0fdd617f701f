/**
 * Noticing a document made editable as a whole: `document.designMode = 'on'`
 * (a CMS's editor in a frame, a reader's "edit this page" bookmarklet). Its
 * text is then the writer's, saved as it is, so marks left in it would be
 * saved into the author's text. Unlike a contenteditable attribute, turning
 * designMode on changes no attribute and fires no mutation or event, so the
 * page watch cannot see it. Nothing can be typed, pasted or dropped into a
 * document without one of the events below reaching it first, though, so
 * checking then takes the marks out before the first edit lands in them.
 */
import { isEditableElement } from '../page/skip-rules';

/**
 * True when the whole document is editable: designMode on, or its <body> or
 * <html> contenteditable (`document.body.contentEditable = 'true'`, the other
 * "edit this page" bookmarklet). The article root is searched for inside
 * <body>, so the text model's skipping of editable regions never meets those two.
 */
export function isDesignMode(doc: Document): boolean {
  // Browsers answer 'on' or 'off' whatever case was set; a mode they lack reads undefined.
  if (String(doc.designMode).toLowerCase() === 'on') return true;
  return [doc.body, doc.documentElement].some((el) => el != null && isEditableElement(el));
}

/** Events that come before any edit: putting the caret (pointer, focus) and typing, pasting or dropping. */
const BEFORE_EDIT = ['pointerdown', 'mousedown', 'focusin', 'keydown', 'beforeinput', 'paste', 'drop'] as const;

/**
 * Calls `onEditable` when one of those events reaches `doc` while it has
 * marks (`hasMarks`) and its designMode is on, until `signal` aborts.
 * Listens in the capture phase on the document, so it runs before the
 * card's listeners and the editing itself. These events come all the time
 * on any page: without marks nothing is read beyond `hasMarks`.
 */
export function watchDesignMode(doc: Document, hasMarks: () => boolean, onEditable: () => void, signal: AbortSignal): void {
  const check = () => {
    if (hasMarks() && isDesignMode(doc)) onEditable();
  };
  for (const type of BEFORE_EDIT) doc.addEventListener(type, check, { signal, capture: true });
}

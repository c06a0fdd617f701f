/**
 * Reading an article root into its text model in slices that yield to the
 * page (slices.ts), so that a long article never makes a long task.
 */
import { createTextModelBuilder, type TextModel } from '../page/text-model';
import { createSlicer } from './slices';

/** The text model of `root`, built in slices; null when `signal` aborts between two slices. */
export async function readTextModel(root: Element, signal: AbortSignal): Promise<TextModel | null> {
  const slicer = createSlicer();
  const builder = createTextModelBuilder(root);
  for (;;) {
    const model = builder.run(slicer.shouldPause);
    if (model) return model;
    await slicer.pause();
    if (signal.aborted) return null;
  }
}

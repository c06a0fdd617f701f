// Readability's isProbablyReaderable on its own (the package's index also
// loads the whole Readability): the reference that the gate's port
// (lib/page/article-gate.ts) is tested against.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const readerable: typeof isProbablyReaderable;
  export default readerable;
}

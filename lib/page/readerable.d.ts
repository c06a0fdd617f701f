// Readability's isProbablyReaderable on its own: the package's index also
// loads the whole Readability (90 KB), which the gate does not need.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const readerable: typeof isProbablyReaderable;
  export default readerable;
}

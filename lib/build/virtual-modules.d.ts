// Types for the virtual modules served by Vite plugins in lib/build.

/** The compiled claim index as JSON text, built from the claim packs by claim-packs-plugin.ts; load it with loadIndex. */
declare module 'virtual:claimlens/index' {
  const index: string;
  export default index;
}

// Types for the virtual modules served by Vite plugins in lib/build.

/** The compiled claim index, built from the claim packs by claim-packs-plugin.ts. */
declare module 'virtual:claimlens/index' {
  const index: import('../claims/runtime-types').RuntimeIndex;
  export default index;
}

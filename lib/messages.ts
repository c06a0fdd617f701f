/**
 * The one typed source for runtime messages. Each direction has a method
 * map: the method name, its parameters and its result. Nothing is `any`, so
 * a renamed field breaks the build instead of a badge.
 */

/** Messages a content script sends to the background. */
export interface ContentToBackground {
  /** The claims annotated on this tab's page (empty when none or when off). */
  'page-claims': { params: { claimIds: string[] }; result: void };
  /** The bundled index failed to load: the tab shows an error state, no marks. */
  'index-error': { params: { message: string }; result: void };
}

/** A message on the wire: the method name plus its parameters. */
export type WireMessage<Map> = {
  [K in keyof Map]: { method: K } & (Map[K] extends { params: infer P } ? P : never);
}[keyof Map];

/** Narrows an unknown incoming message to one of the map's methods by name. */
export function isWireMessage<Map>(value: unknown, methods: readonly (keyof Map)[]): value is WireMessage<Map> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'method' in value &&
    methods.includes((value as { method: keyof Map }).method)
  );
}

/** The methods of ContentToBackground, for runtime checks. */
export const CONTENT_TO_BACKGROUND_METHODS = ['page-claims', 'index-error'] as const satisfies readonly (keyof ContentToBackground)[];

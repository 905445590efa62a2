import { HUB_NAME_PATTERN, KEY_ROOT } from './keys';

/**
 * The marker `hubwatch-collector backfill` writes (value 1) for every bucket of a range it imported
 * from the hub's past logs. The log cannot tell what only /hub/health knows, so such a range has no
 * `hub.up`: with the marker the status page says "from imported logs" there instead of "no data".
 */
export const IMPORTED_MARKER_KEY = 'history.imported';

export function importedMarkerPath(hub: string): string {
  if (!HUB_NAME_PATTERN.test(hub)) throw new RangeError(`hub: "${hub}" is not a hub name (letters, digits, "_" and "-" only)`);
  return `stats.gauges.${KEY_ROOT}.${hub}.${IMPORTED_MARKER_KEY}`;
}

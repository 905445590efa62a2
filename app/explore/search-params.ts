import { parseAsNativeArrayOf, parseAsString } from 'nuqs/server';

/** `/explore?target=a&target=b`: one repeated `target` per Graphite target, in order. */
export const targetsParser = parseAsNativeArrayOf(parseAsString).withOptions({
  shallow: false,
  scroll: false,
  history: 'push',
});

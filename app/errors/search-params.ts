import { parseAsStringLiteral } from 'nuqs/server';
import { ERROR_CATEGORIES } from '@/lib/errors-explained';

/** `/errors?category=<id>` narrows the chart and table to one category; anything else shows all. */
export const categoryParser = parseAsStringLiteral(ERROR_CATEGORIES).withOptions({
  shallow: false,
  scroll: false,
  history: 'push',
});

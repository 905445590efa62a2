/**
 * graphite-web's `format=completer` appends `*` to a query that does not end with one
 * (`stats.gauges.hub` is searched as `stats.gauges.hub*`), so an exact query also returns
 * `stats.gauges.hub2`. This rebuilds the last segment's glob to drop those extra nodes.
 * Graphite globs: `*`, `?`, `[abc]`, `[!abc]`, `{a,b}`.
 */

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*') {
      out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '[' && glob.indexOf(']', i + 1) > i + 1) {
      const end = glob.indexOf(']', i + 1);
      const body = glob.slice(i + 1, end);
      const negated = body.startsWith('!');
      const chars = (negated ? body.slice(1) : body).replace(/[\\^\]]/g, '\\$&');
      out += `[${negated ? '^' : ''}${chars}]`;
      i = end;
    } else if (c === '{' && glob.indexOf('}', i + 1) > i) {
      const end = glob.indexOf('}', i + 1);
      out += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map(globSource)
        .join('|')})`;
      i = end;
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

/** A test for node names that the (un-augmented) last segment of `query` matches. */
export function lastSegmentMatcher(query: string): (name: string) => boolean {
  if (query.endsWith('*')) return () => true;
  const segment = query.slice(query.lastIndexOf('.') + 1);
  try {
    const re = new RegExp(`^${globSource(segment)}$`);
    return (name) => re.test(name);
  } catch {
    // An odd glob we cannot translate: keep what Graphite returned rather than guess.
    return () => true;
  }
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from './escape-html';

test('escapes every HTML-significant character', () => {
  assert.equal(escapeHtml(`<script>alert("x") & 'y'</script>`), '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
});

test('leaves ordinary metric names alone', () => {
  assert.equal(escapeHtml('stats.gauges.jupyterhub.default.hub.up'), 'stats.gauges.jupyterhub.default.hub.up');
});

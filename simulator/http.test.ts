import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CookieJar, findXsrfInput } from './http';

test('the jar keeps the last value per name and drops cleared cookies', () => {
  const jar = new CookieJar();
  jar.store([
    'jupyterhub-hub-login="2|1:0|10:1795605053|20:jupyterhub-hub-login|44:abc=|def"; HttpOnly; Path=/hub/',
    'jupyterhub-session-id=0123abcd; HttpOnly; Path=/',
    '_xsrf=2|aa|bb|1795605053; Path=/hub/',
  ]);
  assert.equal(jar.get('jupyterhub-session-id'), '0123abcd');
  assert.equal(jar.get('_xsrf'), '2|aa|bb|1795605053');
  jar.store(['jupyterhub-session-id=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/', '_xsrf=new; Max-Age=60']);
  assert.equal(jar.get('jupyterhub-session-id'), undefined);
  assert.equal(
    jar.header(),
    'jupyterhub-hub-login="2|1:0|10:1795605053|20:jupyterhub-hub-login|44:abc=|def"; _xsrf=new',
  );
  jar.store(['_xsrf=gone; Max-Age=0']);
  assert.equal(jar.get('_xsrf'), undefined);
});

test('malformed Set-Cookie headers are ignored', () => {
  const jar = new CookieJar();
  jar.store(['', 'novalue', '=x']);
  assert.equal(jar.header(), '');
});

test('the _xsrf hidden input of a JupyterHub 4+ login form', () => {
  const form = '<form method="post"><input type="hidden" name="_xsrf" value="2|7e|c4|1795605053"/><input name="username"></form>';
  assert.equal(findXsrfInput(form), '2|7e|c4|1795605053');
  assert.equal(findXsrfInput('<form><input name="username"></form>'), undefined); // JupyterHub 3.0
});

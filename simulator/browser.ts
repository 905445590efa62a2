import { CookieJar, findXsrfInput, navigate, readTextSafely } from './http';
import type { HubAnswer } from './hub-api';

/** One student's browser: the login form and the spawn button, with cookies, no JavaScript. */
export class BrowserStudent {
  private readonly jar = new CookieJar();
  private readonly hub: string;

  constructor(
    hubUrl: string,
    readonly name: string,
    private readonly timeoutMs: number,
  ) {
    this.hub = hubUrl.replace(/\/+$/, '');
  }

  private async get(path: string, timeoutMs = this.timeoutMs): Promise<HubAnswer> {
    const response = await navigate(`${this.hub}${path}`, { headers: this.headers(), timeoutMs });
    return this.answer(response);
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = this.jar.header();
    return cookie === '' ? extra : { ...extra, Cookie: cookie };
  }

  private async answer(response: Response): Promise<HubAnswer> {
    this.jar.store(response.headers.getSetCookie());
    return { status: response.status, body: await readTextSafely(response), location: response.headers.get('location') };
  }

  /** GET the form, POST it. 302 = logged in; the form again (200, or 403 from JupyterHub 5) = wrong password. */
  async login(password: string): Promise<HubAnswer> {
    const form = await this.get('/hub/login');
    const fields = new URLSearchParams({ username: this.name, password });
    // JupyterHub 3 has no _xsrf on the login form; 4+ do, and check it against the cookie
    const xsrf = findXsrfInput(form.body) ?? this.jar.get('_xsrf');
    if (xsrf !== undefined) fields.set('_xsrf', xsrf);
    const response = await navigate(`${this.hub}/hub/login`, {
      method: 'POST',
      headers: this.headers({ 'Content-Type': 'application/x-www-form-urlencoded' }),
      body: fields.toString(),
      timeoutMs: this.timeoutMs,
    });
    return this.answer(response);
  }

  /** The "Start My Server" click: the hub waits up to 1 s, then redirects to the pending page. */
  async spawn(): Promise<HubAnswer> {
    return this.get('/hub/spawn');
  }

  async logout(): Promise<HubAnswer> {
    return this.get('/hub/logout');
  }
}

/** A browser-like client of the office server for unit tests: keeps the session cookie and the CSRF token. */
export interface HttpClient {
  cookie: string | null;
  csrf: string | null;
  post(name: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  login(username: string, password: string): Promise<HttpAnswer>;
}

export interface HttpAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  lines: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  last: any;
  headers: Headers;
}

export async function rawPost(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<HttpAnswer> {
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = (await response.text()).trim();
  const lines = text ? text.split('\n').map((l) => JSON.parse(l)) : [];
  return { status: response.status, lines, last: lines.at(-1), headers: response.headers };
}

export function httpClient(baseUrl: string): HttpClient {
  const client: HttpClient = {
    cookie: null,
    csrf: null,
    async post(name, body = {}, extra = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
      if (client.cookie) headers.cookie = client.cookie;
      if (client.csrf && !('x-pendopo-csrf' in extra)) headers['x-pendopo-csrf'] = client.csrf;
      const answer = await rawPost(`${baseUrl}api/call/${name}`, JSON.stringify(body), headers);
      const setCookie = answer.headers.get('set-cookie');
      if (setCookie) client.cookie = setCookie.split(';')[0];
      if (answer.last?.ok && answer.last.value?.csrf) client.csrf = answer.last.value.csrf;
      return answer;
    },
    login: (username, password) => client.post('auth.login', { username, password }),
  };
  return client;
}

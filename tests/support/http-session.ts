import http from 'node:http';

/** A browser-like client of the office server for unit tests: keeps the session cookie and the CSRF token. */
export interface HttpClient {
  cookie: string | null;
  csrf: string | null;
  post(name: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  login(username: string, password: string): Promise<HttpAnswer>;
}

export interface HttpAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the server answered, field by field
  lines: any[];
  // biome-ignore lint/suspicious/noExplicitAny: as above
  last: any;
  headers: Headers;
}

export interface RawOptions {
  /** The client's own address (any of 127.0.0.0/8 works on Linux): a second workstation, as the server sees it. */
  localAddress?: string;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
}

/** One POST through node:http (so the client address and the framing can be chosen); the answer's NDJSON lines parsed. */
export function rawPost(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  options: RawOptions = {},
): Promise<HttpAnswer> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress: options.localAddress,
        headers: options.chunked ? headers : { ...headers, 'content-length': String(bytes.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8').trim();
          const lines = text ? text.split('\n').map((l) => JSON.parse(l)) : [];
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? '']) answerHeaders.append(name, one);
          }
          resolve({ status: res.statusCode ?? 0, lines, last: lines.at(-1), headers: answerHeaders });
        });
      },
    );
    req.on('error', reject);
    if (options.chunked) {
      // Several writes, so the body really goes out in chunks.
      for (let at = 0; at < bytes.length; at += 64 * 1024) req.write(bytes.subarray(at, at + 64 * 1024));
      req.end();
    } else {
      req.end(bytes);
    }
  });
}

export function httpClient(baseUrl: string, options: RawOptions = {}): HttpClient {
  const client: HttpClient = {
    cookie: null,
    csrf: null,
    async post(name, body = {}, extra = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
      if (client.cookie) headers.cookie = client.cookie;
      if (client.csrf && !('x-pendopo-csrf' in extra)) headers['x-pendopo-csrf'] = client.csrf;
      const answer = await rawPost(`${baseUrl}api/call/${name}`, JSON.stringify(body), headers, options);
      const setCookie = answer.headers.get('set-cookie');
      if (setCookie) client.cookie = setCookie.split(';')[0];
      if (answer.last?.ok && answer.last.value?.csrf) client.csrf = answer.last.value.csrf;
      return answer;
    },
    login: (username, password) => client.post('users.auth.login', { username, password }),
  };
  return client;
}

import request from 'supertest';
import type { App } from 'supertest/types';
import { TEST_PASSWORD } from './factories';

type PlainAgent = ReturnType<typeof request.agent>;
export type Agent = PlainAgent & { cookieHeader: string };

// The page as a reader sees it: Handlebars escapes quotes, equals signs and ampersands.
export const shown = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export function csrfFrom(html: string): string {
  const match =
    /name="_csrf" value="([^"]+)"/.exec(html) ?? /name="csrf-token" content="([^"]+)"/.exec(html);
  if (!match) throw new Error('CSRF token not found in page');
  return match[1];
}

export async function csrfOf(agent: PlainAgent, path = '/login'): Promise<string> {
  const res = await agent.get(path);
  return csrfFrom(res.text);
}

export async function logIn(
  server: App,
  username: string,
  options: { password?: string; remember?: boolean } = {},
): Promise<Agent> {
  const agent = request.agent(server) as Agent;
  const csrf = await csrfOf(agent);
  const res = await agent
    .post('/login')
    .type('form')
    .send({
      _csrf: csrf,
      username,
      password: options.password ?? TEST_PASSWORD,
      ...(options.remember ? { remember: 'on' } : {}),
    });
  if (res.status !== 302 || res.headers.location !== '/') {
    throw new Error(`login as ${username} failed: ${res.status} ${res.text.slice(0, 200)}`);
  }
  // The cookies as a browser would send them, for replaying this session from elsewhere.
  const setCookie = res.headers['set-cookie'] as unknown as string[];
  agent.cookieHeader = setCookie.map((c) => c.split(';')[0]).join('; ');
  return agent;
}

export function cookieValue(
  setCookie: string[] | string | undefined,
  name: string,
): string | undefined {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const line = list.find((c) => c.startsWith(`${name}=`));
  return line ? decodeURIComponent(line.slice(name.length + 1).split(';')[0]) : undefined;
}

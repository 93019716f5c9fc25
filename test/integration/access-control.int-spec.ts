import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DiscoveryModule } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { ACCESS_KEY, AccessPolicy } from '../../src/auth/access.decorators';
import { createStaff } from '../support/factories';
import { logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

interface Route {
  method: string;
  path: string;
  policy: AccessPolicy | undefined;
}

async function listRoutes(): Promise<Route[]> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule, DiscoveryModule],
  }).compile();
  const discovery = moduleRef.get(DiscoveryService);
  const reflector = moduleRef.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const policy = reflector.getAllAndOverride<AccessPolicy>(ACCESS_KEY, [handler, metatype]);
      routes.push({
        method,
        path: `/${[prefix, String(path)].filter(Boolean).join('/')}`
          .replace(/\/+/g, '/')
          .replace(/(.)\/$/, '$1'),
        policy,
      });
    }
  }
  await moduleRef.close();
  return routes;
}

describe('access control', () => {
  let app: NestExpressApplication;
  let routes: Route[];

  beforeAll(async () => {
    routes = await listRoutes();
    app = await createTestApp();
    await resetState(app);
    await createStaff(app);
  });
  afterAll(() => app.close());

  it('finds the routes of every controller', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toContainEqual(expect.objectContaining({ method: 'GET', path: '/admin/users' }));
  });

  it('requires every route to name its roles or to be explicitly public', () => {
    const unmarked = routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.path}`);
    expect(unmarked).toEqual([]);
  });

  it('keeps the public routes to login and operations endpoints', () => {
    const publicRoutes = routes
      .filter((r) => r.policy && 'public' in r.policy)
      .map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /healthz',
      'GET /login',
      'GET /metrics',
      'GET /readyz',
      'POST /login',
    ]);
  });

  it('keeps clerks and drivers out of the admin pages', async () => {
    for (const username of ['clerk', 'driver']) {
      const agent = await logIn(app.getHttpServer(), username);
      for (const path of ['/admin/users', '/admin/users/new', '/admin/audit']) {
        const res = await agent.get(path);
        expect({ username, path, status: res.status }).toEqual({ username, path, status: 403 });
        expect(res.text).toContain('권한이 없습니다');
      }
    }
  });

  it('refuses a clerk who posts to an admin form directly (role escape)', async () => {
    const agent = await logIn(app.getHttpServer(), 'clerk');
    const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/')).text)![1];
    const res = await agent.post('/admin/users').type('form').send({
      _csrf: token,
      username: 'mole',
      displayName: 'x',
      role: 'ADMIN',
      password: 'abcd1234',
    });
    expect(res.status).toBe(403);
  });

  it('shows each role only the menu it may use', async () => {
    const admin = await (await logIn(app.getHttpServer(), 'admin')).get('/');
    expect(admin.text).toContain('href="/admin/users"');
    const driver = await (await logIn(app.getHttpServer(), 'driver')).get('/');
    expect(driver.status).toBe(200);
    expect(driver.text).not.toContain('href="/admin/users"');
    expect(driver.text).toContain('배송팀 권한으로 로그인했습니다.');
  });

  it('answers an unknown page with a Korean 404 page', async () => {
    const agent = await logIn(app.getHttpServer(), 'admin');
    const res = await agent.get('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.text).toContain('요청한 페이지를 찾을 수 없습니다.');
  });

  it('sends anonymous visitors of any protected page to login', async () => {
    const protectedGets = routes.filter(
      (r) => r.method === 'GET' && r.policy && 'roles' in r.policy && !r.path.includes(':'),
    );
    for (const route of protectedGets) {
      const res = await request(app.getHttpServer()).get(route.path);
      expect({ path: route.path, status: res.status }).toEqual({ path: route.path, status: 302 });
    }
  });
});

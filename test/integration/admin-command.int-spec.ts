import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrismaService } from '../../src/database/prisma.service';
import { logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

const CLI = join(__dirname, '..', '..', 'src', 'cli.ts');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// The password goes in on standard input, as an operator would pipe it.
function createAdmin(args: string[], stdin: string, env: NodeJS.ProcessEnv = {}) {
  return new Promise<CliResult>((resolve) => {
    const child = execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', CLI, 'users', 'create-admin', ...args],
      { env: { ...process.env, OMS_PASSWORD: undefined, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

describe('the create-admin command', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(() => resetState(app));
  afterAll(() => app.close());

  it('creates an administrator who can log in and manage users, and records who made it', async () => {
    const result = await createAdmin(
      ['--username', 'boss', '--name', '대표'],
      'first-admin-2026\n',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({ created: 'boss', role: 'ADMIN' });

    const agent = await logIn(app.getHttpServer(), 'boss', { password: 'first-admin-2026' });
    expect((await agent.get('/admin/users')).status).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({ where: { username: 'boss' } });
    expect(user.displayName).toBe('대표');
    expect(await prisma.auditLog.findFirst({ where: { action: 'USER_CREATED' } })).toMatchObject({
      actorId: null,
      username: '(명령줄)',
      targetId: String(user.id),
    });
  });

  it('takes the password from OMS_PASSWORD when it is set', async () => {
    const result = await createAdmin(['--username', 'ops'], '', { OMS_PASSWORD: 'from-env-2026' });
    expect(result.code).toBe(0);
    const agent = await logIn(app.getHttpServer(), 'ops', { password: 'from-env-2026' });
    expect((await agent.get('/admin/users')).status).toBe(200);
  });

  it('refuses a weak password with the rule in Korean and creates nobody', async () => {
    const result = await createAdmin(['--username', 'boss'], 'short\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('비밀번호는 8자 이상, 영문과 숫자를 함께 써야 합니다.');
    expect(await prisma.user.count({ where: { username: 'boss' } })).toBe(0);
  });

  it('refuses a username that is taken and leaves that user as it was', async () => {
    expect((await createAdmin(['--username', 'boss'], 'first-admin-2026\n')).code).toBe(0);
    const before = await prisma.user.findUniqueOrThrow({ where: { username: 'boss' } });
    const again = await createAdmin(['--username', 'boss'], 'another-pass-2026\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('이미 사용 중인 아이디입니다.');
    const after = await prisma.user.findUniqueOrThrow({ where: { username: 'boss' } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });
});

import { INestApplication } from '@nestjs/common';
import { Role } from '../../src/generated/prisma/enums';
import { PrismaService } from '../../src/database/prisma.service';
import { PasswordHasher } from '../../src/users/password-hasher';

export const TEST_PASSWORD = 'test-pass-1234';

export async function createUser(
  app: INestApplication,
  overrides: { username: string; role: Role; password?: string; active?: boolean },
) {
  const hash = await app.get(PasswordHasher).hash(overrides.password ?? TEST_PASSWORD);
  return app.get(PrismaService).user.create({
    data: {
      username: overrides.username,
      displayName: `테스트 ${overrides.username}`,
      role: overrides.role,
      active: overrides.active ?? true,
      passwordHash: hash,
    },
  });
}

export async function createStaff(app: INestApplication) {
  return {
    admin: await createUser(app, { username: 'admin', role: Role.ADMIN }),
    clerk: await createUser(app, { username: 'clerk', role: Role.CLERK }),
    driver: await createUser(app, { username: 'driver', role: Role.DELIVERY }),
  };
}

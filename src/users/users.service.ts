import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { Role } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { PrismaErrorCode } from '../database/prisma-error-codes';
import { UserSessionsService } from '../auth/sessions/user-sessions.service';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import { AuditService } from './audit.service';
import { PasswordHasher } from './password-hasher';
import { CreateUserForm } from './dto/user-forms';

export interface Actor {
  id: number;
  username: string;
  ip?: string;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly sessions: UserSessionsService,
  ) {}

  list() {
    return this.prisma.user.findMany({ orderBy: [{ active: 'desc' }, { username: 'asc' }] });
  }

  async get(id: number) {
    const user = await this.prisma.user.findUnique({ where: { id } });
    if (!user) throw new NotFoundException();
    return user;
  }

  findByUsername(username: string) {
    return this.prisma.user.findUnique({ where: { username } });
  }

  async recordLogin(userId: number): Promise<void> {
    await this.prisma.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
  }

  // actor null: the command line, where an operator creates the first administrator.
  async create(form: CreateUserForm, actor: Actor | null) {
    const passwordHash = await this.hasher.hash(form.password);
    try {
      const user = await this.prisma.user.create({
        data: {
          username: form.username,
          displayName: form.displayName,
          role: form.role,
          passwordHash,
        },
      });
      await this.audit.record({
        action: 'USER_CREATED',
        ...(actor ? this.by(actor) : { actorId: null, username: '(명령줄)' }),
        targetType: 'User',
        targetId: user.id,
        detail: { username: user.username, role: user.role },
      });
      return user;
    } catch (error) {
      if ((error as { code?: string }).code === PrismaErrorCode.UniqueViolation) {
        throw new FormValidationError({ username: '이미 사용 중인 아이디입니다.' });
      }
      throw error;
    }
  }

  async changeRole(id: number, role: Role, actor: Actor) {
    const user = await this.get(id);
    if (user.role === role) return user;
    if (user.role === Role.ADMIN) await this.ensureAnotherActiveAdmin(id);
    const updated = await this.prisma.user.update({ where: { id }, data: { role } });
    await this.sessions.revokeAll(id);
    await this.audit.record({
      action: 'USER_ROLE_CHANGED',
      ...this.by(actor),
      targetType: 'User',
      targetId: id,
      detail: { username: user.username, from: user.role, to: role },
    });
    return updated;
  }

  async setActive(id: number, active: boolean, actor: Actor) {
    const user = await this.get(id);
    if (user.active === active) return user;
    if (!active && id === actor.id) {
      throw new DomainError('SELF_DEACTIVATION', '자기 자신은 비활성화할 수 없습니다.');
    }
    if (!active && user.role === Role.ADMIN) await this.ensureAnotherActiveAdmin(id);
    const updated = await this.prisma.user.update({ where: { id }, data: { active } });
    if (!active) await this.sessions.revokeAll(id);
    await this.audit.record({
      action: active ? 'USER_ACTIVATED' : 'USER_DEACTIVATED',
      ...this.by(actor),
      targetType: 'User',
      targetId: id,
      detail: { username: user.username },
    });
    return updated;
  }

  async resetPassword(id: number, password: string, actor: Actor) {
    const user = await this.get(id);
    await this.setPassword(id, password);
    await this.audit.record({
      action: 'USER_PASSWORD_RESET',
      ...this.by(actor),
      targetType: 'User',
      targetId: id,
      detail: { username: user.username },
    });
  }

  async changeOwnPassword(actor: Actor, current: string, next: string, confirm: string) {
    if (next !== confirm) {
      throw new FormValidationError({ confirmPassword: '새 비밀번호가 서로 다릅니다.' });
    }
    const user = await this.get(actor.id);
    if (!(await this.hasher.verify(user.passwordHash, current))) {
      throw new FormValidationError({ currentPassword: '현재 비밀번호가 맞지 않습니다.' });
    }
    if (current === next) {
      throw new FormValidationError({ newPassword: '지금과 다른 비밀번호를 입력하세요.' });
    }
    await this.setPassword(actor.id, next);
    await this.audit.record({
      action: 'PASSWORD_CHANGED',
      ...this.by(actor),
      targetType: 'User',
      targetId: actor.id,
    });
  }

  private async setPassword(id: number, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.prisma.user.update({
      where: { id },
      data: { passwordHash, passwordChangedAt: new Date() },
    });
    await this.sessions.revokeAll(id);
  }

  // Without an active admin nobody can manage users any more.
  private async ensureAnotherActiveAdmin(exceptId: number): Promise<void> {
    const others = await this.prisma.user.count({
      where: { role: Role.ADMIN, active: true, id: { not: exceptId } },
    });
    if (others === 0) {
      throw new DomainError(
        'LAST_ADMIN',
        '활성 관리자가 한 명 이상 남아 있어야 합니다.',
        HttpStatus.CONFLICT,
      );
    }
  }

  private by(actor: Actor) {
    return { actorId: actor.id, username: actor.username, ip: actor.ip };
  }
}

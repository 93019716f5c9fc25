import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditService } from '../users/audit.service';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle.service';
import { GENERIC_LOGIN_FAILURE, LoginRejectedError, lockedMessage } from './login-rejected.error';
import { SessionUser } from './session-user';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async authenticate(username: string, password: string, ip: string): Promise<SessionUser> {
    const name = username.trim().slice(0, 50);
    const lock = await this.throttle.check(name, ip);
    if (lock.locked) {
      throw new LoginRejectedError(
        lockedMessage(lock.retryAfterSeconds),
        name,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.users.findByUsername(name);
    // Same message and about the same time whether the account is unknown, inactive or the
    // password is wrong: the page must not reveal which usernames exist.
    const ok = user?.active
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyAgainstNothing(password);
    if (!user || !ok) {
      const justLocked = await this.throttle.recordFailure(name, ip);
      await this.audit.record({ action: 'LOGIN_FAILED', actorId: user?.id, username: name, ip });
      if (justLocked) {
        await this.audit.record({ action: 'LOGIN_LOCKED', actorId: user?.id, username: name, ip });
        const after = await this.throttle.check(name, ip);
        throw new LoginRejectedError(
          lockedMessage(after.retryAfterSeconds),
          name,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      throw new LoginRejectedError(GENERIC_LOGIN_FAILURE, name);
    }
    await this.throttle.recordSuccess(name);
    return toSessionUser(user);
  }

  async loadActiveUser(userId: number): Promise<SessionUser | null> {
    const user = await this.users.get(userId).catch(() => null);
    return user?.active ? toSessionUser(user) : null;
  }
}

function toSessionUser(user: {
  id: number;
  username: string;
  displayName: string;
  role: SessionUser['role'];
}): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

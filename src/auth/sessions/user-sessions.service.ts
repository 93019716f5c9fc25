import { Injectable } from '@nestjs/common';
import { RememberMeService } from './remember-me.service';
import { SessionRegistry } from './session-registry.service';

@Injectable()
export class UserSessionsService {
  constructor(
    private readonly rememberMe: RememberMeService,
    private readonly registry: SessionRegistry,
  ) {}

  // Ends everything that keeps this user signed in: sessions on every instance and all
  // remember-me tokens, so a changed password or role takes effect at once.
  async revokeAll(userId: number): Promise<void> {
    await this.rememberMe.revokeAllForUser(userId);
    await this.registry.revokeAll(userId);
  }
}

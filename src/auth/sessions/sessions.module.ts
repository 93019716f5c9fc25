import { Module } from '@nestjs/common';
import { RememberMeService } from './remember-me.service';
import { SessionRegistry } from './session-registry.service';
import { UserSessionsService } from './user-sessions.service';

@Module({
  providers: [RememberMeService, SessionRegistry, UserSessionsService],
  exports: [RememberMeService, SessionRegistry, UserSessionsService],
})
export class SessionsModule {}

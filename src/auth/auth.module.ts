import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AccountController } from './account.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginSessionService } from './login-session.service';
import { LoginThrottle } from './login-throttle.service';
import { SessionAuthMiddleware } from './session-auth.middleware';
import { SessionsModule } from './sessions/sessions.module';

@Module({
  imports: [PassportModule, UsersModule, SessionsModule],
  controllers: [AuthController, AccountController],
  providers: [
    AuthService,
    LocalStrategy,
    LoginThrottle,
    LoginSessionService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionAuthMiddleware).forRoutes('{*path}');
  }
}

import { Module } from '@nestjs/common';
import { SessionsModule } from '../auth/sessions/sessions.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [SessionsModule],
  controllers: [UsersController, AuditController],
  providers: [UsersService, AuditService, PasswordHasher],
  exports: [UsersService, AuditService, PasswordHasher],
})
export class UsersModule {}

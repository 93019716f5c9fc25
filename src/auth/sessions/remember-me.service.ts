import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.provider';
import { PrismaService } from '../../database/prisma.service';
import {
  formatRememberMeCookie,
  hashValidator,
  judgeRememberMeToken,
  newSeries,
  newValidator,
  parseRememberMeCookie,
} from './remember-me-token';

export type RememberMeOutcome =
  | { kind: 'accepted'; userId: number; rotatedCookie: string | null }
  | { kind: 'theft'; userId: number }
  | { kind: 'rejected' };

@Injectable()
export class RememberMeService {
  constructor(
    private readonly prisma: PrismaService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  get cookieMaxAgeMs(): number {
    return this.config.rememberMe.maxAgeMs;
  }

  async issue(userId: number, userAgent?: string, now = new Date()): Promise<string> {
    const series = newSeries();
    const validator = newValidator();
    await this.prisma.rememberMeToken.create({
      data: {
        series,
        userId,
        tokenHash: hashValidator(validator),
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.config.rememberMe.maxAgeMs),
        userAgent: userAgent?.slice(0, 255),
      },
    });
    return formatRememberMeCookie({ series, validator });
  }

  async consume(cookieValue: unknown, now = new Date()): Promise<RememberMeOutcome> {
    const cookie = parseRememberMeCookie(cookieValue);
    if (!cookie) return { kind: 'rejected' };
    const presentedHash = hashValidator(cookie.validator);
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.prisma.rememberMeToken.findUnique({
        where: { series: cookie.series },
      });
      if (!token) return { kind: 'rejected' };
      const verdict = judgeRememberMeToken({
        token,
        presentedHash,
        now,
        graceMs: this.config.rememberMe.graceMs,
        idleMs: this.config.rememberMe.idleMs,
      });
      if (verdict === 'expired') {
        await this.prisma.rememberMeToken.deleteMany({ where: { id: token.id } });
        return { kind: 'rejected' };
      }
      if (verdict === 'theft') return { kind: 'theft', userId: token.userId };
      if (verdict === 'previous-in-grace') {
        return { kind: 'accepted', userId: token.userId, rotatedCookie: null };
      }
      const validator = newValidator();
      // Compare-and-set on the hash: of two parallel requests with the same cookie exactly one
      // rotates; the other loops once and finds its value in previousHash (grace window).
      const { count } = await this.prisma.rememberMeToken.updateMany({
        where: { id: token.id, tokenHash: token.tokenHash },
        data: {
          tokenHash: hashValidator(validator),
          previousHash: token.tokenHash,
          rotatedAt: now,
          lastUsedAt: now,
        },
      });
      if (count === 1) {
        const rotatedCookie = formatRememberMeCookie({ series: cookie.series, validator });
        return { kind: 'accepted', userId: token.userId, rotatedCookie };
      }
    }
    return { kind: 'rejected' };
  }

  async revokeByCookie(cookieValue: unknown): Promise<void> {
    const cookie = parseRememberMeCookie(cookieValue);
    if (cookie) await this.prisma.rememberMeToken.deleteMany({ where: { series: cookie.series } });
  }

  async revokeAllForUser(userId: number): Promise<void> {
    await this.prisma.rememberMeToken.deleteMany({ where: { userId } });
  }
}

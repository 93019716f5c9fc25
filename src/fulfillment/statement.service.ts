import { HttpStatus, Injectable } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import type { Channel } from '../generated/prisma/client';
import { OrderStatementDataService } from '../orders/order-statement-data.service';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import { formatDate } from '../shared/views/formatting';
import {
  orderStatementNumber,
  partnerStatementNumber,
  statementFileName,
  statementLineOf,
  statementOf,
} from './statement-content';
import { renderStatementPdf } from './statement-pdf';

// A partner's busiest day fits many times over; a bigger one is a mistake, not a statement.
export const PARTNER_STATEMENT_MAX_LINES = 2000;

export interface StatementFile {
  fileName: { ascii: string; korean: string };
  pdf: Buffer;
}

@Injectable()
export class StatementService {
  constructor(
    private readonly orders: OrderStatementDataService,
    private readonly channels: ChannelsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async forOrder(orderId: number, now = new Date()): Promise<StatementFile> {
    const order = await this.orders.order(orderId);
    if (!order.items.length) {
      throw new DomainError(
        'STATEMENT_EMPTY',
        '명세서에 올릴 항목이 없습니다. 모든 항목이 취소되었거나 반품되었습니다.',
      );
    }
    const statement = statementOf({
      number: orderStatementNumber(order.id),
      tradeDate: formatDate(order.orderedAt),
      supplier: this.config.company,
      buyer: {
        name: order.buyerName,
        phone: order.buyerPhone,
        note: `${order.channelName} 주문 ${order.externalOrderNo}`,
      },
      lines: order.items.map((item) => statementLineOf(item, false)),
      now,
    });
    return {
      fileName: statementFileName(statement.number, order.buyerName),
      pdf: await renderStatementPdf(statement),
    };
  }

  async partnerChannels(): Promise<Channel[]> {
    return (await this.channels.list()).filter((channel) => channel.kind === 'PARTNER');
  }

  // One statement per partner per day, as a wholesaler sums up the day's orders (seed 002).
  async forPartnerDay(params: {
    channelId: number;
    date: string;
    now?: Date;
  }): Promise<StatementFile> {
    const { channelId, date, now = new Date() } = params;
    const channel = await this.channels.findById(channelId);
    if (channel.kind !== 'PARTNER') {
      throw new FormValidationError({ channelId: '협력사 채널을 선택하세요.' });
    }
    const items = await this.orders.channelDay({
      channelId,
      day: date,
      limit: PARTNER_STATEMENT_MAX_LINES + 1,
    });
    if (!items.length) {
      throw new DomainError(
        'STATEMENT_EMPTY',
        `${date}에 ${channel.name}의 거래 항목이 없습니다.`,
        HttpStatus.NOT_FOUND,
      );
    }
    if (items.length > PARTNER_STATEMENT_MAX_LINES) {
      throw new DomainError(
        'STATEMENT_TOO_LARGE',
        `하루 거래 항목이 ${PARTNER_STATEMENT_MAX_LINES.toLocaleString('ko-KR')}건을 넘어 한 장의 명세서로 만들 수 없습니다.`,
      );
    }
    const statement = statementOf({
      number: partnerStatementNumber(channel.id, date),
      tradeDate: date,
      supplier: this.config.company,
      buyer: { name: channel.name, phone: null, note: `${date} 거래분 ${items.length}건` },
      lines: items.map((item) => statementLineOf(item, true)),
      now,
    });
    return {
      fileName: statementFileName(statement.number, channel.name),
      pdf: await renderStatementPdf(statement),
    };
  }
}

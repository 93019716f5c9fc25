import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpStatus, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { EventSource } from '../generated/prisma/enums';
import { CatalogService } from '../catalog/catalog.service';
import { ChannelsService } from '../channels/channels.service';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { PrismaErrorCode } from '../database/prisma-error-codes';
import { PrismaService } from '../database/prisma.service';
import { InjectRedis } from '../redis/redis.provider';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import type { ShowroomOrderForm } from './dto/showroom-order.form';
import { IntakePipeline, OrderNoTakenError } from './intake/intake.pipeline';
import {
  itemRowsOf,
  nextShowroomOrderNo,
  showroomFormErrors,
  showroomHeaderOf,
  showroomOrderPrefix,
  showroomRows,
} from './showroom-order';
import { seoulToday } from '../shared/text/seoul-time';

export interface RegisteredOrder {
  orderId: number;
  orderNo: string;
}

const SHOWROOM_CHANNEL = 'showroom';
const NUMBER_ATTEMPTS = 8;
const PENDING = 'pending';
// A crashed request must not block its form for long; a finished one answers repeats all day.
const PENDING_MS = 2 * 60_000;
const DONE_MS = 24 * 3_600_000;
const REPEAT_WAIT_MS = 10_000;
const REPEAT_POLL_MS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

async function* each<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

type DriverError = { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };

// Clerks registering at once may pick the same next number: the unique key on (channel,
// order no) refuses the later insert (or the pipeline finds the order already there), and the
// loser tries the number after. A deadlock between such inserts is retried the same way.
const isNumberTaken = (error: unknown) =>
  error instanceof OrderNoTakenError ||
  (error as DriverError).code === PrismaErrorCode.TransactionConflict ||
  (error as DriverError).meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';

@Injectable()
export class ShowroomOrderService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly catalog: CatalogService,
    private readonly channels: ChannelsService,
    private readonly pipeline: IntakePipeline,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  // The form, empty or as submitted. A submitted form keeps its id, so that correcting it
  // and sending it again still counts as the same order.
  async page(submitted: Record<string, unknown> = {}, now = new Date()) {
    const formId = typeof submitted.formId === 'string' && UUID.test(submitted.formId);
    return {
      title: '매장 주문 등록',
      picker: await this.catalog.listForPicker(),
      formId: formId ? submitted.formId : randomUUID(),
      form: submitted,
      rows: itemRowsOf(submitted.items),
      today: seoulToday(now),
      errors: {},
    };
  }

  register(form: ShowroomOrderForm, actorId: number): Promise<RegisteredOrder> {
    return this.once(`${actorId}:${form.formId}`, () => this.create(form, actorId));
  }

  private async create(form: ShowroomOrderForm, actorId: number): Promise<RegisteredOrder> {
    // The server's own check: the form may have been opened before a product was deleted.
    await this.catalog.assertOrderable(
      form.items.map((i) => ({ productId: i.productId, optionId: i.optionId ?? null })),
    );
    const snapshot = await this.catalog.getSnapshot();
    const now = new Date();
    const errors = showroomFormErrors({ form, snapshot, now });
    if (Object.keys(errors).length) throw new FormValidationError(errors);
    const channel = await this.channels.findByCode(SHOWROOM_CHANNEL);
    for (let attempt = 1; ; attempt++) {
      const orderNo = await this.nextOrderNo(channel.id, now);
      try {
        await this.pipeline.run({
          channel,
          rows: each(showroomRows({ form, snapshot, orderNo, now })),
          headerOf: showroomHeaderOf,
          source: EventSource.FORM,
          actorId,
          commit: true,
          newOrderOnly: true,
        });
      } catch (error) {
        if (attempt < NUMBER_ATTEMPTS && isNumberTaken(error)) continue;
        throw error;
      }
      const order = await this.prisma.order.findUniqueOrThrow({
        where: { channelId_externalOrderNo: { channelId: channel.id, externalOrderNo: orderNo } },
        select: { id: true },
      });
      return { orderId: order.id, orderNo };
    }
  }

  // The day's highest number, read through the (channel, order no) unique index.
  private async nextOrderNo(channelId: number, now: Date): Promise<string> {
    const last = await this.prisma.order.findFirst({
      where: { channelId, externalOrderNo: { startsWith: showroomOrderPrefix(now) } },
      orderBy: { externalOrderNo: 'desc' },
      select: { externalOrderNo: true },
    });
    return nextShowroomOrderNo({ last: last?.externalOrderNo ?? null, now });
  }

  // A double click sends the same form twice: the first request registers the order, a
  // repeat waits for it and answers with the same order. A refused form frees its id so it
  // can be corrected and sent again.
  private async once(
    formKey: string,
    work: () => Promise<RegisteredOrder>,
  ): Promise<RegisteredOrder> {
    const key = `${this.config.redis.keyPrefix}showroom-form:${formKey}`;
    for (let waited = 0; waited <= REPEAT_WAIT_MS; waited += REPEAT_POLL_MS) {
      if (await this.redis.set(key, PENDING, 'PX', PENDING_MS, 'NX')) {
        let result: RegisteredOrder;
        try {
          result = await work();
        } catch (error) {
          await this.redis.del(key);
          throw error;
        }
        await this.redis.set(key, JSON.stringify(result), 'PX', DONE_MS);
        return result;
      }
      const done = await this.redis.get(key);
      if (done && done !== PENDING) return JSON.parse(done) as RegisteredOrder;
      await sleep(REPEAT_POLL_MS);
    }
    throw new DomainError(
      'SHOWROOM_FORM_BUSY',
      '같은 주문서를 아직 처리하고 있습니다. 잠시 후 주문 목록에서 확인하세요.',
      HttpStatus.CONFLICT,
    );
  }
}

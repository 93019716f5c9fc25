import { createHash } from 'node:crypto';
import { HttpStatus, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { EventSource } from '../../generated/prisma/enums';
import { ChannelsService } from '../../channels/channels.service';
import { PrismaService } from '../../database/prisma.service';
import { inspectUpload } from '../../shared/excel/upload-guard';
import { DomainError } from '../../shared/http/domain-error';
import { HEARTBEAT_EVERY_MS, ImportStore } from './import-store';
import { IntakePipeline, IntakeSummary } from './intake.pipeline';
import { openOrderFile } from './order-file';

export interface UploadedOrderFile {
  channelId: number;
  fileName: string;
  bytes: Buffer;
  password?: string;
  actorId: number | null;
}

export const PREVIEW_ERRORS_SHOWN = 200;

const INTERRUPTED =
  '반영 도중 서버가 멈춰 반영하지 못했습니다. 바뀐 주문은 없습니다. 파일을 다시 올려 주세요.';

@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly channels: ChannelsService,
    private readonly pipeline: IntakePipeline,
    private readonly store: ImportStore,
  ) {}

  // Reads the whole file and plans every row without writing an order; the batch row and the
  // file kept in Redis are what a later commit applies.
  async preview(upload: UploadedOrderFile) {
    const channel = await this.channels.findById(upload.channelId);
    const workbook = await inspectUpload({
      bytes: upload.bytes,
      fileName: upload.fileName,
      password: upload.password,
    });
    const file = await openOrderFile({ workbook, layout: await this.channels.layoutFor(channel) });
    const summary = await this.pipeline.run({
      channel,
      rows: file.rows,
      headerOf: file.headerOf,
      source: EventSource.EXCEL,
      actorId: upload.actorId,
      commit: false,
    });
    const batch = await this.prisma.importBatch.create({
      data: {
        channelId: channel.id,
        fileName: upload.fileName.slice(0, 255),
        fileHash: createHash('sha256').update(upload.bytes).digest('hex'),
        status: 'PREVIEWED',
        ...counts(summary),
        errors: errorsJson(summary),
        createdById: upload.actorId,
      },
    });
    await this.store.keep(batch.id, workbook, summary.planHash);
    return batch;
  }

  // For scripts: the whole file in one go, with no batch record and nothing kept in Redis.
  async importFile(params: {
    channelCode: string;
    fileName: string;
    bytes: Buffer;
    password?: string;
    dryRun: boolean;
  }) {
    const channel = await this.channels.findByCode(params.channelCode);
    const workbook = await inspectUpload({
      bytes: params.bytes,
      fileName: params.fileName,
      password: params.password,
    });
    const file = await openOrderFile({ workbook, layout: await this.channels.layoutFor(channel) });
    return this.pipeline.run({
      channel,
      rows: file.rows,
      headerOf: file.headerOf,
      source: EventSource.EXCEL,
      actorId: null,
      commit: !params.dryRun,
    });
  }

  async get(batchId: number) {
    const batch = await this.prisma.importBatch.findUnique({
      where: { id: batchId },
      include: {
        channel: { select: { name: true, code: true } },
        createdBy: { select: { username: true } },
      },
    });
    if (!batch) throw new NotFoundException();
    return batch;
  }

  recent(take = 20) {
    return this.prisma.importBatch.findMany({
      orderBy: { id: 'desc' },
      take,
      include: { channel: { select: { name: true } }, createdBy: { select: { username: true } } },
    });
  }

  // The batch as the page shows it. A commit that stopped with its instance (deploy, crash)
  // rolled back; the clerk is told so instead of watching 반영 중 forever.
  async current(batchId: number) {
    const batch = await this.get(batchId);
    if (batch.status !== 'COMMITTING' || (await this.store.isAlive(batchId))) return batch;
    return (await this.markInterrupted(batchId)) ? this.get(batchId) : batch;
  }

  // The commit's transaction holds the batch's row until it ends, so taking that row proves
  // the commit is gone; a row still held (Redis lost the heartbeat, the commit goes on) is
  // left alone, and so is anything that cannot be checked now.
  private async markInterrupted(batchId: number): Promise<boolean> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM ImportBatch WHERE id = ${batchId} FOR UPDATE NOWAIT`;
        const { count } = await tx.importBatch.updateMany({
          where: { id: batchId, status: 'COMMITTING' },
          data: { status: 'FAILED', errors: { message: INTERRUPTED } },
        });
        return count > 0;
      });
    } catch {
      return false;
    }
  }

  async progress(batchId: number) {
    const batch = await this.current(batchId);
    return {
      status: batch.status,
      rows: await this.store.progress(batchId),
      totalRows: batch.totalRows,
    };
  }

  // Claims the batch first, so a double click or a second clerk cannot apply it twice. A batch
  // already claimed is refused from a plain read: the claim's UPDATE would wait for the row
  // the running commit holds. The heartbeat comes before the claim, so a page polling in
  // between does not take the claimed batch for an abandoned one.
  async startCommit(batchId: number, actorId: number | null): Promise<void> {
    if ((await this.get(batchId)).status !== 'PREVIEWED') throw alreadyCommitted();
    await this.store.beat(batchId);
    const { count } = await this.prisma.importBatch.updateMany({
      where: { id: batchId, status: 'PREVIEWED' },
      data: { status: 'COMMITTING' },
    });
    if (count === 0) throw alreadyCommitted();
    void this.commit(batchId, actorId).catch((error: unknown) =>
      this.logger.error(
        `import ${batchId} failed: ${error instanceof Error ? error.stack : String(error)}`,
      ),
    );
  }

  async commit(batchId: number, actorId: number | null): Promise<IntakeSummary | null> {
    const heartbeat = setInterval(
      () => void this.store.beat(batchId).catch(() => undefined),
      HEARTBEAT_EVERY_MS,
    );
    try {
      return await this.apply(batchId, actorId);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async apply(batchId: number, actorId: number | null): Promise<IntakeSummary | null> {
    const kept = await this.store.take(batchId);
    const batch = await this.get(batchId);
    if (!kept) {
      await this.fail(batchId, '미리보기가 만료되었습니다. 파일을 다시 올려 주세요.');
      return null;
    }
    try {
      const channel = await this.channels.findById(batch.channelId);
      const file = await openOrderFile({
        workbook: kept.workbook,
        layout: await this.channels.layoutFor(channel),
      });
      const summary = await this.pipeline.run({
        channel,
        rows: file.rows,
        headerOf: file.headerOf,
        source: EventSource.EXCEL,
        actorId,
        commit: true,
        expectedPlanHash: kept.planHash,
        // Progress is a courtesy to the page: a Redis hiccup must not stop the import.
        onProgress: (rows) => void this.store.setProgress(batchId, rows).catch(() => undefined),
        atStart: (tx) => tx.$queryRaw`SELECT id FROM ImportBatch WHERE id = ${batchId} FOR UPDATE`,
        // With the orders: a stop right after the commit cannot leave the batch unfinished.
        beforeCommit: (tx, result) =>
          tx.importBatch.update({
            where: { id: batchId },
            data: {
              status: 'COMMITTED',
              committedAt: new Date(),
              ...counts(result),
              errors: errorsJson(result),
            },
          }),
      });
      await this.store.forget(batchId);
      return summary;
    } catch (error) {
      await this.fail(
        batchId,
        error instanceof DomainError
          ? error.message
          : '반영 중 오류가 발생했습니다. 다시 시도하세요.',
      );
      throw error;
    }
  }

  private async fail(batchId: number, message: string): Promise<void> {
    await this.prisma.importBatch.update({
      where: { id: batchId },
      data: { status: 'FAILED', errors: { message } },
    });
  }
}

const alreadyCommitted = () =>
  new DomainError(
    'ALREADY_COMMITTED',
    '이미 반영했거나 반영 중인 파일입니다.',
    HttpStatus.CONFLICT,
  );

function counts(summary: IntakeSummary) {
  return {
    totalRows: summary.totalRows,
    createdCount: summary.created,
    updatedCount: summary.updated,
    unchangedCount: summary.unchanged,
    failedCount: summary.failed,
  };
}

function errorsJson(summary: IntakeSummary): Prisma.InputJsonObject {
  return {
    rows: summary.errors as unknown as Prisma.InputJsonArray,
    unseenListings: summary.unseenListings,
    truncated: summary.errors.length < summary.failed,
  };
}

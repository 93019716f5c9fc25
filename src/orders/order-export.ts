import { HttpStatus, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { withDeletedMark } from '../catalog/catalog-names';
import { DELIVERY_METHOD_LABELS } from '../catalog/delivery-methods';
import { DomainError } from '../shared/http/domain-error';
import { formatDate } from '../shared/views/formatting';
import { sendXlsx } from '../shared/excel/xlsx-download';
import { SheetColumn, SheetRecord } from '../shared/excel/xlsx-writer';
import { OrderListQuery } from './order-list.query';
import { OrderListRow, OrderListService } from './order-list.service';
import { CLAIM_LABELS, STATUS_LABELS } from './order-status';

// Rows per keyset batch: a few database round trips per second of writing, little memory.
export const EXPORT_BATCH = 2_000;
// As large as an intake file may be; a larger list is narrowed by date first.
export const EXPORT_MAX_ROWS = 100_000;

const COLUMNS: SheetColumn[] = [
  { header: '주문일시', key: 'orderedAt', width: 18 },
  { header: '기준일', key: 'lifeDate', width: 11 },
  { header: '채널', key: 'channelName', width: 16 },
  { header: '주문번호', key: 'externalOrderNo', width: 20 },
  { header: '상품주문번호', key: 'externalItemNo', width: 20 },
  { header: '상품명', key: 'product', width: 32 },
  { header: '옵션', key: 'option', width: 28 },
  { header: '수량', key: 'quantity', width: 6 },
  { header: '금액', key: 'amount', width: 12 },
  { header: '최종수량', key: 'finalQuantity', width: 8 },
  { header: '최종금액', key: 'finalAmount', width: 12 },
  { header: '수령인', key: 'recipientName', width: 10 },
  { header: '연락처', key: 'recipientPhone', width: 15 },
  { header: '시/도', key: 'regionSido', width: 12 },
  { header: '시/군/구', key: 'regionSigungu', width: 12 },
  { header: '배송방법', key: 'method', width: 9 },
  { header: '상태', key: 'status', width: 12 },
  { header: '클레임', key: 'claim', width: 8 },
  { header: '검토 필요', key: 'review', width: 8 },
];

function toRecord(row: OrderListRow): SheetRecord {
  return {
    ...row,
    lifeDate: formatDate(row.lifeDate),
    product: withDeletedMark(row.productName, row.productDeleted),
    option: row.optionName ? withDeletedMark(row.optionName, row.optionDeleted) : '',
    method: DELIVERY_METHOD_LABELS[row.deliveryMethod],
    status: STATUS_LABELS[row.status],
    claim: row.claimType ? CLAIM_LABELS[row.claimType] : '',
    review: row.needsReview ? 'Y' : '',
  };
}

async function* records(batches: AsyncIterable<OrderListRow[]>): AsyncGenerator<SheetRecord> {
  for await (const rows of batches) yield* rows.map(toRecord);
}

// The name a Korean browser saves; the ASCII one is for clients that ignore filename*.
export function exportFileName(now = new Date()): { ascii: string; korean: string } {
  const day = formatDate(now).replace(/-/g, '');
  return { ascii: `orders-${day}.xlsx`, korean: `주문목록-${day}.xlsx` };
}

@Injectable()
export class OrderExport {
  constructor(private readonly orders: OrderListService) {}

  async send(query: OrderListQuery, res: Response): Promise<void> {
    const total = await this.orders.countUpTo(query, EXPORT_MAX_ROWS + 1);
    if (total > EXPORT_MAX_ROWS) {
      throw new DomainError(
        'EXPORT_TOO_LARGE',
        `내보낼 주문이 ${EXPORT_MAX_ROWS.toLocaleString('ko-KR')}건을 넘습니다. 기간이나 조건을 좁혀 주세요.`,
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    const rows = records(this.orders.batches(query, EXPORT_BATCH));
    await sendXlsx(res, exportFileName(), [{ name: '주문', columns: COLUMNS, rows }]);
  }
}

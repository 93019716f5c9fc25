import { Injectable, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../shared/excel/xlsx-download';
import { requestedDateOf, stopItemsOf } from './delivery-view';
import { RUN_SHEET_COLUMNS, SheetStop, districtSheets, sheetRowsOf } from './run-sheet';
import { RunStop, RunsRepository, StoredRun } from './runs.repository';

export function toSheetStop(stop: RunStop, position: number): SheetStop {
  return {
    position,
    recipientName: stop.recipientName,
    recipientPhone: stop.recipientPhone,
    postalCode: stop.postalCode,
    address: stop.address,
    regionSido: stop.regionSido,
    regionSigungu: stop.regionSigungu,
    requestedDate: requestedDateOf(stop.items),
    memo: stop.memo,
    ...stopItemsOf(stop.items),
  };
}

// The run sheet the driver takes along: printed from the page, or as a workbook.
@Injectable()
export class RunSheetService {
  constructor(private readonly runs: RunsRepository) {}

  async sheet(id: number): Promise<{ run: StoredRun; stops: SheetStop[] }> {
    const run = await this.runs.find(id);
    if (!run) throw new NotFoundException();
    const stops = await this.runs.stops(id);
    return { run, stops: stops.map((stop, index) => toSheetStop(stop, index + 1)) };
  }

  async sendXlsx(id: number, res: Response): Promise<void> {
    const { run, stops } = await this.sheet(id);
    const day = run.runDate.toISOString().slice(0, 10).replace(/-/g, '');
    const sheets = districtSheets(stops).map((district) => ({
      name: district.name,
      columns: RUN_SHEET_COLUMNS,
      rows: district.stops.flatMap(sheetRowsOf),
    }));
    const empty = [{ name: '배송', columns: RUN_SHEET_COLUMNS, rows: [] }];
    const name = {
      ascii: `run-${day}-${run.id}.xlsx`,
      korean: `배송운행표-${day}-${run.driver.displayName}.xlsx`,
    };
    await sendXlsx(res, name, sheets.length ? sheets : empty);
  }
}

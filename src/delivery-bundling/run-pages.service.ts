import { Injectable } from '@nestjs/common';
import { District, RunsRepository } from './runs.repository';
import { RunsService } from './runs.service';

// More candidates than this are narrowed by 시/군/구 first: a page, not a dump of the day.
export const CANDIDATE_LIMIT = 300;

// What the run pages show, read in one place so the controller stays one call per page.
@Injectable()
export class RunPagesService {
  constructor(
    private readonly runs: RunsRepository,
    private readonly planning: RunsService,
  ) {}

  async day(date: Date) {
    const runs = await this.runs.runsOn(date);
    const counts = await this.runs.stopCounts(runs.map((r) => r.id));
    return { runs, counts };
  }

  async detail(id: number, district: Partial<District>) {
    const run = await this.planning.get(id);
    const [stops, drivers, candidateCounts, candidates] = await Promise.all([
      this.runs.stops(id),
      this.planning.drivers(),
      this.runs.candidateCounts(run.runDate),
      district.sido === undefined
        ? Promise.resolve([])
        : this.runs.candidates(run.runDate, district, CANDIDATE_LIMIT + 1),
    ]);
    return { run, stops, drivers, candidateCounts, candidates };
  }
}

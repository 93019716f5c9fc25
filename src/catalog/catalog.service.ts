import { Injectable } from '@nestjs/common';
import { DomainError } from '../shared/http/domain-error';
import { CatalogCache } from './catalog-cache.service';
import { PickerCategory, pickerTree } from './catalog-picker';
import { CatalogSnapshot } from './catalog-snapshot';
import { OrderLine, findOrderProblem } from './orderability';

// What other modules may ask of the catalog. Everything here reads the in-memory snapshot:
// one Redis GET per call, no database query unless the catalog changed.
@Injectable()
export class CatalogService {
  constructor(private readonly cache: CatalogCache) {}

  getSnapshot(): Promise<CatalogSnapshot> {
    return this.cache.get();
  }

  // The server-side guard for every new order (form, Excel, API): a deleted product, option
  // or category, an unknown id, or an option of another product is refused with 422.
  async assertOrderable(lines: readonly OrderLine[]): Promise<void> {
    const problem = findOrderProblem(await this.cache.get(), lines);
    if (problem) throw new DomainError(problem.code, problem.message);
  }

  async listForPicker(): Promise<PickerCategory[]> {
    return pickerTree(await this.cache.get());
  }
}

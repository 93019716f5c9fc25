import { Module } from '@nestjs/common';
import { CatalogCache } from './catalog-cache.service';
import { CatalogVersion } from './catalog-version.service';
import { CatalogWrites } from './catalog-writes.service';
import { CatalogService } from './catalog.service';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { ProductCommands } from './product-commands.service';
import { ProductQueries } from './product-queries.service';
import { ProductsController } from './products.controller';

@Module({
  controllers: [ProductsController, CategoriesController],
  providers: [
    CatalogService,
    CatalogCache,
    CatalogVersion,
    CatalogWrites,
    ProductQueries,
    ProductCommands,
    CategoriesService,
  ],
  exports: [CatalogService],
})
export class CatalogModule {}

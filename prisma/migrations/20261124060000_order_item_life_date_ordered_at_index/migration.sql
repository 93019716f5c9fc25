-- CreateIndex
CREATE INDEX `OrderItem_lifeDate_orderedAt_idx` ON `OrderItem`(`lifeDate`, `orderedAt`);

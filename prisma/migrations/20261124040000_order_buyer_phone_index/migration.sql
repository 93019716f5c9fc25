-- CreateIndex
CREATE INDEX `Order_buyerPhone_idx` ON `Order`(`buyerPhone`);

-- DropIndex
DROP INDEX `DeliveryRun_runDate_driverId_idx` ON `DeliveryRun`;

-- AlterTable
ALTER TABLE `DeliveryRun` ADD COLUMN `dispatchedAt` DATETIME(3) NULL;

-- CreateIndex
CREATE UNIQUE INDEX `DeliveryRun_runDate_driverId_key` ON `DeliveryRun`(`runDate`, `driverId`);

-- AlterTable
ALTER TABLE `Notification` ADD COLUMN `nextAttemptAt` DATETIME(3) NULL;

-- CreateIndex
CREATE INDEX `Notification_nextAttemptAt_idx` ON `Notification`(`nextAttemptAt`);

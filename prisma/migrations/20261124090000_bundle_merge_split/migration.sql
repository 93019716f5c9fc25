-- AlterTable
ALTER TABLE `DeliveryBundle` ADD COLUMN `mergedIntoId` INTEGER NULL;

-- CreateTable
CREATE TABLE `BundleMerge` (
    `fromKey` VARCHAR(191) NOT NULL,
    `intoKey` VARCHAR(191) NOT NULL,
    `actorId` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `BundleMerge_intoKey_idx`(`intoKey`),
    PRIMARY KEY (`fromKey`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `BundleSplit` (
    `itemId` INTEGER NOT NULL,
    `actorId` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`itemId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

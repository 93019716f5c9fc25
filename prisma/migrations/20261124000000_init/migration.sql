-- CreateTable
CREATE TABLE `User` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `username` VARCHAR(50) NOT NULL,
    `displayName` VARCHAR(100) NOT NULL,
    `passwordHash` VARCHAR(255) NOT NULL,
    `role` ENUM('ADMIN', 'CLERK', 'DELIVERY') NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `passwordChangedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastLoginAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `User_username_key`(`username`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `RememberMeToken` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `series` VARCHAR(64) NOT NULL,
    `userId` INTEGER NOT NULL,
    `tokenHash` VARCHAR(128) NOT NULL,
    `previousHash` VARCHAR(128) NULL,
    `rotatedAt` DATETIME(3) NULL,
    `lastUsedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `expiresAt` DATETIME(3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `userAgent` VARCHAR(255) NULL,

    UNIQUE INDEX `RememberMeToken_series_key`(`series`),
    INDEX `RememberMeToken_userId_idx`(`userId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AuditLog` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `actorId` INTEGER NULL,
    `username` VARCHAR(50) NULL,
    `action` VARCHAR(50) NOT NULL,
    `targetType` VARCHAR(50) NULL,
    `targetId` VARCHAR(100) NULL,
    `ip` VARCHAR(64) NULL,
    `detail` JSON NULL,

    INDEX `AuditLog_at_idx`(`at`),
    INDEX `AuditLog_action_at_idx`(`action`, `at`),
    INDEX `AuditLog_actorId_at_idx`(`actorId`, `at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Channel` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(30) NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `kind` ENUM('SMARTSTORE', 'SHOWROOM', 'PARTNER') NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Channel_code_key`(`code`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ImportProfile` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `channelId` INTEGER NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `columns` JSON NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ImportProfile_channelId_name_key`(`channelId`, `name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ChannelListing` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `channelId` INTEGER NOT NULL,
    `channelProductId` VARCHAR(100) NOT NULL,
    `channelProductName` VARCHAR(255) NOT NULL,
    `optionText` VARCHAR(500) NOT NULL,
    `optionKey` VARCHAR(191) NOT NULL,
    `productId` INTEGER NULL,
    `optionId` INTEGER NULL,
    `autoDetected` BOOLEAN NOT NULL DEFAULT false,
    `needsReview` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `ChannelListing_channelId_channelProductId_optionKey_key`(`channelId`, `channelProductId`, `optionKey`),
    INDEX `ChannelListing_needsReview_channelId_idx`(`needsReview`, `channelId`),
    INDEX `ChannelListing_productId_idx`(`productId`),
    INDEX `ChannelListing_optionId_idx`(`optionId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Category` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(100) NOT NULL,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `deletedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `Category_deletedAt_sortOrder_idx`(`deletedAt`, `sortOrder`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Product` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(50) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `categoryId` INTEGER NOT NULL,
    `price` INTEGER NOT NULL,
    `deliveryMethod` ENUM('OWN_TEAM', 'COURIER') NOT NULL,
    `deletedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Product_code_key`(`code`),
    INDEX `Product_categoryId_idx`(`categoryId`),
    INDEX `Product_deletedAt_name_idx`(`deletedAt`, `name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ProductOption` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `productId` INTEGER NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `extraPrice` INTEGER NOT NULL DEFAULT 0,
    `sortOrder` INTEGER NOT NULL DEFAULT 0,
    `deletedAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `ProductOption_productId_deletedAt_idx`(`productId`, `deletedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Order` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `channelId` INTEGER NOT NULL,
    `externalOrderNo` VARCHAR(50) NOT NULL,
    `orderedAt` DATETIME(3) NOT NULL,
    `buyerName` VARCHAR(100) NOT NULL,
    `buyerPhone` VARCHAR(30) NULL,
    `recipientName` VARCHAR(100) NOT NULL,
    `recipientPhone` VARCHAR(30) NOT NULL,
    `postalCode` VARCHAR(10) NULL,
    `address` VARCHAR(300) NOT NULL,
    `addressDetail` VARCHAR(200) NULL,
    `memo` VARCHAR(500) NULL,
    `requestedDate` DATE NULL,
    `doNotCombine` BOOLEAN NOT NULL DEFAULT false,
    `totalAmount` INTEGER NOT NULL DEFAULT 0,
    `version` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Order_channelId_externalOrderNo_key`(`channelId`, `externalOrderNo`),
    INDEX `Order_orderedAt_idx`(`orderedAt`),
    INDEX `Order_recipientName_idx`(`recipientName`),
    INDEX `Order_recipientPhone_idx`(`recipientPhone`),
    INDEX `Order_buyerName_idx`(`buyerName`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OrderItem` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `orderId` INTEGER NOT NULL,
    `channelId` INTEGER NOT NULL,
    `externalItemNo` VARCHAR(50) NOT NULL,
    `listingId` INTEGER NULL,
    `productId` INTEGER NULL,
    `optionId` INTEGER NULL,
    `productName` VARCHAR(200) NOT NULL,
    `optionName` VARCHAR(300) NULL,
    `quantity` INTEGER NOT NULL,
    `unitPrice` INTEGER NOT NULL,
    `amount` INTEGER NOT NULL,
    `finalQuantity` INTEGER NULL,
    `finalAmount` INTEGER NULL,
    `status` ENUM('NEW', 'CONFIRMED', 'PREPARING', 'SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'COMPLETED', 'CANCEL_REQUESTED', 'CANCELLED', 'RETURN_REQUESTED', 'RETURNED', 'EXCHANGE_REQUESTED', 'EXCHANGED') NOT NULL DEFAULT 'NEW',
    `claimType` ENUM('CANCEL', 'RETURN', 'EXCHANGE', 'ADD_ON') NULL,
    `claimReason` VARCHAR(300) NULL,
    `amendsItemId` INTEGER NULL,
    `deliveryMethod` ENUM('OWN_TEAM', 'COURIER') NOT NULL,
    `bundleNo` VARCHAR(50) NULL,
    `bundleKey` VARCHAR(191) NULL,
    `bundleId` INTEGER NULL,
    `courier` VARCHAR(50) NULL,
    `trackingNo` VARCHAR(50) NULL,
    `regionSido` VARCHAR(20) NULL,
    `regionSigungu` VARCHAR(40) NULL,
    `orderedAt` DATETIME(3) NOT NULL,
    `scheduledDate` DATE NULL,
    `completedAt` DATETIME(3) NULL,
    `lifeDate` DATETIME(3) NOT NULL,
    `needsReview` BOOLEAN NOT NULL DEFAULT false,
    `version` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `OrderItem_channelId_externalItemNo_key`(`channelId`, `externalItemNo`),
    INDEX `OrderItem_orderId_idx`(`orderId`),
    INDEX `OrderItem_orderedAt_id_idx`(`orderedAt`, `id`),
    INDEX `OrderItem_lifeDate_id_idx`(`lifeDate`, `id`),
    INDEX `OrderItem_status_lifeDate_idx`(`status`, `lifeDate`),
    INDEX `OrderItem_channelId_lifeDate_idx`(`channelId`, `lifeDate`),
    INDEX `OrderItem_claimType_lifeDate_idx`(`claimType`, `lifeDate`),
    INDEX `OrderItem_regionSido_regionSigungu_lifeDate_idx`(`regionSido`, `regionSigungu`, `lifeDate`),
    INDEX `OrderItem_deliveryMethod_lifeDate_idx`(`deliveryMethod`, `lifeDate`),
    INDEX `OrderItem_needsReview_lifeDate_idx`(`needsReview`, `lifeDate`),
    INDEX `OrderItem_productName_idx`(`productName`),
    INDEX `OrderItem_amount_idx`(`amount`),
    INDEX `OrderItem_bundleKey_idx`(`bundleKey`),
    INDEX `OrderItem_bundleId_idx`(`bundleId`),
    INDEX `OrderItem_trackingNo_idx`(`trackingNo`),
    INDEX `OrderItem_amendsItemId_idx`(`amendsItemId`),
    INDEX `OrderItem_listingId_idx`(`listingId`),
    INDEX `OrderItem_productId_idx`(`productId`),
    INDEX `OrderItem_optionId_idx`(`optionId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `OrderEvent` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `orderId` INTEGER NOT NULL,
    `itemId` INTEGER NULL,
    `actorId` INTEGER NULL,
    `source` ENUM('EXCEL', 'FORM', 'API', 'USER', 'SYSTEM') NOT NULL,
    `type` VARCHAR(40) NOT NULL,
    `fromValue` VARCHAR(500) NULL,
    `toValue` VARCHAR(500) NULL,
    `detail` JSON NULL,
    `at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `OrderEvent_orderId_at_idx`(`orderId`, `at`),
    INDEX `OrderEvent_itemId_at_idx`(`itemId`, `at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ImportBatch` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `channelId` INTEGER NOT NULL,
    `fileName` VARCHAR(255) NOT NULL,
    `fileHash` CHAR(64) NOT NULL,
    `status` ENUM('PREVIEWED', 'COMMITTING', 'COMMITTED', 'FAILED') NOT NULL,
    `totalRows` INTEGER NOT NULL DEFAULT 0,
    `createdCount` INTEGER NOT NULL DEFAULT 0,
    `updatedCount` INTEGER NOT NULL DEFAULT 0,
    `unchangedCount` INTEGER NOT NULL DEFAULT 0,
    `failedCount` INTEGER NOT NULL DEFAULT 0,
    `errors` JSON NULL,
    `createdById` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `committedAt` DATETIME(3) NULL,

    INDEX `ImportBatch_channelId_fileHash_idx`(`channelId`, `fileHash`),
    INDEX `ImportBatch_createdAt_idx`(`createdAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Notification` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `itemId` INTEGER NULL,
    `recipient` VARCHAR(30) NOT NULL,
    `event` VARCHAR(40) NOT NULL,
    `body` TEXT NOT NULL,
    `provider` VARCHAR(30) NOT NULL,
    `status` ENUM('PENDING', 'SENT', 'FAILED') NOT NULL DEFAULT 'PENDING',
    `providerReply` TEXT NULL,
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `sentAt` DATETIME(3) NULL,

    INDEX `Notification_status_createdAt_idx`(`status`, `createdAt`),
    INDEX `Notification_createdAt_idx`(`createdAt`),
    INDEX `Notification_itemId_idx`(`itemId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DeliveryBundle` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `bundleKey` VARCHAR(191) NOT NULL,
    `channelId` INTEGER NOT NULL,
    `recipientName` VARCHAR(100) NOT NULL,
    `recipientPhone` VARCHAR(30) NOT NULL,
    `address` VARCHAR(500) NOT NULL,
    `postalCode` VARCHAR(10) NULL,
    `regionSido` VARCHAR(20) NULL,
    `regionSigungu` VARCHAR(40) NULL,
    `status` ENUM('OPEN', 'CLOSED', 'DELIVERED', 'FAILED') NOT NULL DEFAULT 'OPEN',
    `scheduledDate` DATE NULL,
    `memo` VARCHAR(500) NULL,
    `runId` INTEGER NULL,
    `runSeq` INTEGER NULL,
    `closedAt` DATETIME(3) NULL,
    `reopenedAt` DATETIME(3) NULL,
    `reopenReason` VARCHAR(300) NULL,
    `deliveredAt` DATETIME(3) NULL,
    `failedReason` VARCHAR(300) NULL,
    `lastActivityAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `DeliveryBundle_bundleKey_status_idx`(`bundleKey`, `status`),
    INDEX `DeliveryBundle_scheduledDate_regionSido_regionSigungu_idx`(`scheduledDate`, `regionSido`, `regionSigungu`),
    INDEX `DeliveryBundle_status_lastActivityAt_idx`(`status`, `lastActivityAt`),
    INDEX `DeliveryBundle_runId_runSeq_idx`(`runId`, `runSeq`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `DeliveryRun` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `runDate` DATE NOT NULL,
    `driverId` INTEGER NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    INDEX `DeliveryRun_runDate_driverId_idx`(`runDate`, `driverId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Region` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `sido` VARCHAR(20) NOT NULL,
    `sigungu` VARCHAR(40) NOT NULL,

    UNIQUE INDEX `Region_sido_sigungu_key`(`sido`, `sigungu`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PostalOverride` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `postalCode` VARCHAR(5) NOT NULL,
    `sido` VARCHAR(20) NOT NULL,
    `sigungu` VARCHAR(40) NOT NULL,
    `gu` VARCHAR(40) NULL,
    `reason` VARCHAR(300) NOT NULL,
    `createdById` INTEGER NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `PostalOverride_postalCode_key`(`postalCode`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `RememberMeToken` ADD CONSTRAINT `RememberMeToken_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `AuditLog` ADD CONSTRAINT `AuditLog_actorId_fkey` FOREIGN KEY (`actorId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `ImportProfile` ADD CONSTRAINT `ImportProfile_channelId_fkey` FOREIGN KEY (`channelId`) REFERENCES `Channel`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `ChannelListing` ADD CONSTRAINT `ChannelListing_channelId_fkey` FOREIGN KEY (`channelId`) REFERENCES `Channel`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `ChannelListing` ADD CONSTRAINT `ChannelListing_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `ChannelListing` ADD CONSTRAINT `ChannelListing_optionId_fkey` FOREIGN KEY (`optionId`) REFERENCES `ProductOption`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `Product` ADD CONSTRAINT `Product_categoryId_fkey` FOREIGN KEY (`categoryId`) REFERENCES `Category`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `ProductOption` ADD CONSTRAINT `ProductOption_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `Order` ADD CONSTRAINT `Order_channelId_fkey` FOREIGN KEY (`channelId`) REFERENCES `Channel`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `OrderItem` ADD CONSTRAINT `OrderItem_orderId_fkey` FOREIGN KEY (`orderId`) REFERENCES `Order`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `OrderItem` ADD CONSTRAINT `OrderItem_channelId_fkey` FOREIGN KEY (`channelId`) REFERENCES `Channel`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `OrderItem` ADD CONSTRAINT `OrderItem_listingId_fkey` FOREIGN KEY (`listingId`) REFERENCES `ChannelListing`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OrderItem` ADD CONSTRAINT `OrderItem_productId_fkey` FOREIGN KEY (`productId`) REFERENCES `Product`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OrderItem` ADD CONSTRAINT `OrderItem_optionId_fkey` FOREIGN KEY (`optionId`) REFERENCES `ProductOption`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OrderItem` ADD CONSTRAINT `OrderItem_amendsItemId_fkey` FOREIGN KEY (`amendsItemId`) REFERENCES `OrderItem`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OrderItem` ADD CONSTRAINT `OrderItem_bundleId_fkey` FOREIGN KEY (`bundleId`) REFERENCES `DeliveryBundle`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OrderEvent` ADD CONSTRAINT `OrderEvent_orderId_fkey` FOREIGN KEY (`orderId`) REFERENCES `Order`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `OrderEvent` ADD CONSTRAINT `OrderEvent_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `OrderItem`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `OrderEvent` ADD CONSTRAINT `OrderEvent_actorId_fkey` FOREIGN KEY (`actorId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `ImportBatch` ADD CONSTRAINT `ImportBatch_channelId_fkey` FOREIGN KEY (`channelId`) REFERENCES `Channel`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `ImportBatch` ADD CONSTRAINT `ImportBatch_createdById_fkey` FOREIGN KEY (`createdById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `Notification` ADD CONSTRAINT `Notification_itemId_fkey` FOREIGN KEY (`itemId`) REFERENCES `OrderItem`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `DeliveryBundle` ADD CONSTRAINT `DeliveryBundle_channelId_fkey` FOREIGN KEY (`channelId`) REFERENCES `Channel`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `DeliveryBundle` ADD CONSTRAINT `DeliveryBundle_runId_fkey` FOREIGN KEY (`runId`) REFERENCES `DeliveryRun`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `DeliveryRun` ADD CONSTRAINT `DeliveryRun_driverId_fkey` FOREIGN KEY (`driverId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `PostalOverride` ADD CONSTRAINT `PostalOverride_createdById_fkey` FOREIGN KEY (`createdById`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

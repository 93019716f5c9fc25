// Soft delete: rows are never removed, because past orders point at them.
export const WHERE_NOT_DELETED = { deletedAt: null };

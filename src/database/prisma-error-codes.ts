// Prisma's error codes this app reacts to (https://www.prisma.io/docs/orm/reference/error-reference).
export enum PrismaErrorCode {
  UniqueViolation = 'P2002',
  ForeignKeyViolation = 'P2003',
  RecordNotFound = 'P2025',
  TransactionConflict = 'P2034',
}

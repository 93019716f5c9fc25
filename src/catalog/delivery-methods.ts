import { DeliveryMethod } from '../generated/prisma/enums';

// Bulky items go with the company's own delivery team, small ones by courier.
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  OWN_TEAM: '자체배송',
  COURIER: '택배',
};

export const DELIVERY_METHOD_OPTIONS = (
  Object.keys(DELIVERY_METHOD_LABELS) as DeliveryMethod[]
).map((value) => ({ value, label: DELIVERY_METHOD_LABELS[value] }));

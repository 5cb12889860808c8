import type {
  CustomerModel,
  HeldPassModel,
  LocationModel,
  OpenCheckinModel,
  PassProductModel,
  TimeSlotModel,
} from '../contract/kiosk-snapshot';

/**
 * The shapes the rules reason about. Declared once, as the snapshot's schemas in
 * src/contract/kiosk-snapshot.ts (the tablet receives exactly these); here they get their names.
 * Money is in integer minor units of the location's currency.
 */
export type Location = LocationModel;
export type TimeSlot = TimeSlotModel;
export type PassProduct = PassProductModel;
export type Customer = CustomerModel;
export type OpenCheckin = OpenCheckinModel;

/** A pass a customer holds (Nexudus CoworkerTimePass), with its product. `remainingMinutes` is null on a day pass. */
export type HeldPass = Omit<HeldPassModel, 'productId'> & { product: PassProduct };

import { z } from "zod";

/** Record ids are nanoid strings; a loose check keeps imported boards with older ids readable. */
export const Id = z.string().min(1).max(64);
/** Fractional-index order key (see ops/order.ts). */
export const OrderKey = z.string().min(1).max(256);

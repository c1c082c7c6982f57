import type { z } from 'zod';

/** One channel of the contract: a zod schema for what goes in and for what comes out. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export type ChannelMap = Record<string, ChannelDef>;

/** Helper that keeps literal keys and schema types while checking the shape. */
export const defineChannels = <const M extends ChannelMap>(m: M): M => m;

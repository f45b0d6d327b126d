/** Channels a touchpoint can happen on; people may also type their own. */
export const PRESET_CHANNELS = [
  "shop",
  "website",
  "mobileApp",
  "callCentre",
  "email",
  "socialMedia",
  "chatBot",
  "agency",
  "afterSalesDesk",
] as const;
export type PresetChannel = (typeof PRESET_CHANNELS)[number];

export const isPresetChannel = (channel: string): channel is PresetChannel =>
  (PRESET_CHANNELS as readonly string[]).includes(channel);

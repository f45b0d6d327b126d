import { useEffect, useState, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import {
  Bot,
  Building2,
  Globe,
  Headset,
  Lock,
  Mail,
  MapPin,
  Share2,
  Smartphone,
  Store,
  TriangleAlert,
  Wrench,
  type LucideProps,
} from "lucide-react";
import type { PresetChannel } from "@journeyboard/shared";

/** The icon of each preset channel; a channel someone typed gets a map pin. */
export const CHANNEL_ICONS: Record<PresetChannel | "other", ComponentType<LucideProps>> = {
  shop: Store,
  website: Globe,
  mobileApp: Smartphone,
  callCentre: Headset,
  email: Mail,
  socialMedia: Share2,
  chatBot: Bot,
  agency: Building2,
  afterSalesDesk: Wrench,
  other: MapPin,
};
export const ALERT_ICON = TriangleAlert;
export const LOCK_ICON = Lock;

const images = new Map<string, HTMLImageElement>();

/**
 * Konva draws images, not React: an icon is rendered once to SVG markup and
 * loaded as an image (a data URL, which the Content-Security-Policy allows).
 */
function iconImage(key: string, Icon: ComponentType<LucideProps>, colour: string): HTMLImageElement {
  const cacheKey = `${key}/${colour}`;
  let image = images.get(cacheKey);
  if (!image) {
    image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderToStaticMarkup(<Icon color={colour} size={32} strokeWidth={2} />))}`;
    images.set(cacheKey, image);
  }
  return image;
}

/** The icon as an image, once it has loaded; `onLoad` runs when it arrives after the first render. */
export function useIconImage(
  key: string,
  Icon: ComponentType<LucideProps>,
  colour: string,
  onLoad?: () => void,
): HTMLImageElement | undefined {
  const image = iconImage(key, Icon, colour);
  const [loaded, setLoaded] = useState(image.complete);
  useEffect(() => {
    if (image.complete) return;
    const done = () => {
      setLoaded(true);
      onLoad?.();
    };
    image.addEventListener("load", done);
    return () => image.removeEventListener("load", done);
  }, [image, onLoad]);
  return loaded || image.complete ? image : undefined;
}

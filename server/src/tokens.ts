import { createHash, randomBytes } from "node:crypto";

/**
 * Role tokens are 256-bit random secrets. Only their SHA-256 is stored: with
 * that much entropy a fast hash is enough, and a stolen database opens nothing.
 */
export const newToken = (): string => randomBytes(32).toString("base64url");
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

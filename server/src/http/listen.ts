import type { Server } from "node:http";
import { ConfigError } from "../config";

/** What to change when the port or address cannot be had, by the listen error's code. */
const advice: Record<string, (port: number, host: string) => string> = {
  EADDRINUSE: (port, host) =>
    `port ${port} on ${host} is already in use by another program; stop it or set PORT to a free port.`,
  EACCES: (port) => `this user may not listen on port ${port}; set PORT to 1024 or above.`,
  EADDRNOTAVAIL: (_port, host) =>
    `HOST ${host} is not an address of this machine; set HOST to 127.0.0.1, 0.0.0.0 or one of its addresses.`,
  ENOTFOUND: (_port, host) => `HOST ${host} is not a known name; set HOST to 127.0.0.1, 0.0.0.0 or an address.`,
  EAI_AGAIN: (_port, host) => `HOST ${host} could not be looked up; set HOST to 127.0.0.1, 0.0.0.0 or an address.`,
};

/** Starts listening; a port or address that cannot be had is a ConfigError that says what to change. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const explain = advice[error.code ?? ""];
      reject(explain ? new ConfigError(explain(port, host)) : error);
    });
    server.listen(port, host, () => resolve());
  });
}

/**
 * The server's clock as this browser reckons it: the workshop timer's
 * deadline is in the server's time, and a phone whose clock is a minute
 * off must still show what everyone else sees. Set from the session
 * answer (`BoardSession.now`), taking the request's midpoint as the moment
 * the server read its clock; until then (a board opened offline), this
 * browser's own.
 */
let offset = 0;

export function learnServerTime(serverNow: number, sentAt: number, receivedAt: number): void {
  offset = serverNow - (sentAt + receivedAt) / 2;
}

export const serverNow = (): number => Date.now() + offset;

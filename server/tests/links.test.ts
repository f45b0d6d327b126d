import { request } from "node:http";
import { describe, expect, it } from "vitest";
import type { CreateBoardResponse } from "@journeyboard/shared";
import { startTestServer } from "./support/server";

/** Creates a board through the server at `url` as a browser that typed another address would: its own Host header. */
function createBoardAs(url: string, headers: Record<string, string>): Promise<CreateBoardResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/boards`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
    });
    req.on("error", reject);
    req.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () =>
        response.statusCode === 201 ? resolve(JSON.parse(body) as CreateBoardResponse) : reject(new Error(body)),
      );
    });
    req.end(JSON.stringify({ title: "Links" }));
  });
}

const facilitatorLink = async (url: string, headers: Record<string, string>) =>
  (await createBoardAs(url, headers)).links.facilitator.url;

describe("board links without PUBLIC_URL", () => {
  it("follow the address the person used, so a page opened at localhost hands out localhost links", async () => {
    const server = await startTestServer();
    const link = await facilitatorLink(server.url, { host: `localhost:${server.port}` });
    expect(link).toMatch(new RegExp(`^http://localhost:${server.port}/b/[\\w-]+#token=`));
  });

  it("on HOST=0.0.0.0 follow the machine's address on the network that the person typed", async () => {
    const server = await startTestServer({ HOST: "0.0.0.0" });
    expect(await facilitatorLink(server.url, { host: "192.168.1.20:3000" })).toMatch(
      /^http:\/\/192\.168\.1\.20:3000\/b\//,
    );
    expect(await facilitatorLink(server.url, { host: "[fd00::20]:3000" })).toMatch(/^http:\/\/\[fd00::20\]:3000\/b\//);
  });

  it("are https when the proxy in front says the person came over https", async () => {
    const server = await startTestServer();
    const link = await facilitatorLink(server.url, { host: "journeys.example.org", "x-forwarded-proto": "https" });
    expect(link).toMatch(/^https:\/\/journeys\.example\.org\/b\//);
  });

  it("are PUBLIC_URL's whatever the Host header says, when it is set", async () => {
    const server = await startTestServer({ PUBLIC_URL: "https://workshop.example.org" });
    const link = await facilitatorLink(server.url, { host: `localhost:${server.port}` });
    expect(link).toMatch(/^https:\/\/workshop\.example\.org\/b\//);
  });
});
